package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.AfterSb0pri;
import io.drbdctl.genl.drbd2.AfterSb1pri;
import io.drbdctl.genl.drbd2.AfterSb2pri;
import io.drbdctl.genl.drbd2.Drbd2Constants;
import io.drbdctl.genl.drbd2.Fencing;
import io.drbdctl.genl.drbd2.OnCongestion;
import io.drbdctl.genl.drbd2.OnIoError;
import io.drbdctl.genl.drbd2.OnNoData;
import io.drbdctl.genl.drbd2.OnSuspendedPrimaryOutdated;
import io.drbdctl.genl.drbd2.Protocol;
import io.drbdctl.genl.drbd2.ReadBalancing;
import io.drbdctl.genl.drbd2.RrConflict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The wire values of the drbd2 enums option attributes refer to (an attribute's
 * {@code enumName}), taken from the generated codec's enum classes, and the symbolic values of
 * the numeric-or-symbol options quorum and quorum-minimum-redundancy (the spec's constants).
 */
final class Drbd2Enums {
    private Drbd2Enums() {
    }

    private static final Map<String, Map<String, Long>> BY_ENUM = Map.ofEntries(
            Map.entry("on-no-data", entries(OnNoData.values(), OnNoData::specName, OnNoData::value)),
            Map.entry("protocol", entries(Protocol.values(), Protocol::specName, Protocol::value)),
            Map.entry("after-sb-0pri", entries(AfterSb0pri.values(), AfterSb0pri::specName, AfterSb0pri::value)),
            Map.entry("after-sb-1pri", entries(AfterSb1pri.values(), AfterSb1pri::specName, AfterSb1pri::value)),
            Map.entry("after-sb-2pri", entries(AfterSb2pri.values(), AfterSb2pri::specName, AfterSb2pri::value)),
            Map.entry("rr-conflict", entries(RrConflict.values(), RrConflict::specName, RrConflict::value)),
            Map.entry("on-congestion", entries(OnCongestion.values(), OnCongestion::specName,
                    OnCongestion::value)),
            Map.entry("fencing", entries(Fencing.values(), Fencing::specName, Fencing::value)),
            Map.entry("on-io-error", entries(OnIoError.values(), OnIoError::specName, OnIoError::value)),
            Map.entry("read-balancing", entries(ReadBalancing.values(), ReadBalancing::specName,
                    ReadBalancing::value)),
            Map.entry("on-suspended-primary-outdated", entries(OnSuspendedPrimaryOutdated.values(),
                    OnSuspendedPrimaryOutdated::specName, OnSuspendedPrimaryOutdated::value)));

    /** quorum and quorum-minimum-redundancy's symbols (drbd2's quorum-* constants). */
    static final Map<String, Long> QUORUM = Map.of("off", Drbd2Constants.QUORUM_OFF,
            "majority", Drbd2Constants.QUORUM_MAJORITY, "all", Drbd2Constants.QUORUM_ALL);

    /** The wire value of {@code entry} (compared without case) of the enum {@code enumName}. */
    static Optional<Long> value(String enumName, String entry) {
        return BY_ENUM.getOrDefault(enumName, Map.of()).entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(entry)).map(Map.Entry::getValue).findFirst();
    }

    private static <E> Map<String, Long> entries(E[] values, Function<E, String> name, ToLongFunction<E> value) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (E e : values) {
            m.put(name.apply(e), value.applyAsLong(e));
        }
        return Map.copyOf(m);
    }
}
