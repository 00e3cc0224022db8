package io.drbdctl.setup.v9;

import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionTable;
import io.drbdctl.genl.drbd2.AttrInfo;
import io.drbdctl.genl.drbd2.DiskOptions;
import io.drbdctl.genl.drbd2.NetOptions;
import io.drbdctl.genl.drbd2.PeerDeviceOptions;
import io.drbdctl.genl.drbd2.ResourceOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The option groups of the 9 dialect, derived from the option table's dialect-9 rows of one
 * section each and bound to the attributes of the drbd2 set of that section: resource options
 * (options), net options (net), disk options (disk) and peer-device options (peer-device).
 * The *-options commands take what can change after creation, as in drbd-utils 9.22: not the
 * transport (chosen by new-peer) nor the size (attach only); {@code _name} (the connection's
 * name, set by new-peer) is no net-options option over drbd2, whose connection-set-options has
 * no name.
 */
public final class V9OptionGroups {
    private V9OptionGroups() {
    }

    private static final Map<String, List<AttrInfo>> SETS = Map.of("options", ResourceOptions.ATTRS,
            "net", NetOptions.ATTRS, "disk", DiskOptions.ATTRS, "peer-device", PeerDeviceOptions.ATTRS);

    private static final OptionTable TABLE = OptionTable.load();
    static final List<V9TableOption> RESOURCE = section("options");
    static final List<V9TableOption> NET = section("net");
    static final List<V9TableOption> DISK = section("disk");
    static final List<V9TableOption> PEER_DEVICE = section("peer-device");
    /** The startup section: the wait-* commands' timeouts (no drbd2 attributes). */
    static final List<V9TableOption> STARTUP = section("startup");

    /** The dialect-9 rows of a section, in table order, each bound to its drbd2 attribute. */
    static List<V9TableOption> section(String section) {
        return TABLE.section(section, Dialect.V9).stream()
                .map(d -> V9TableOption.of(TABLE, d, SETS.getOrDefault(section, List.of()))).toList();
    }

    /** A group as command options, without the named ones. */
    static List<V9Option> options(List<V9TableOption> group, String... without) {
        Set<String> skip = Set.of(without);
        return group.stream().filter(t -> !skip.contains(t.name())).map(V9Option::of).toList();
    }
}
