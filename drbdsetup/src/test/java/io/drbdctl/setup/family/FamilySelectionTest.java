package io.drbdctl.setup.family;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.drbdctl.netlink.ctrl.GenlFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FamilySelectionTest {

    /** A lookup that knows {@code names} and records what was asked. */
    private static final class Fake implements FamilySelector.Lookup {
        final Set<String> names;
        final List<String> asked = new ArrayList<>();

        Fake(String... names) {
            this.names = Set.of(names);
        }

        @Override
        public Optional<GenlFamily> find(String name) {
            asked.add(name);
            return names.contains(name) ? Optional.of(new GenlFamily(name.length(), name, 1, 0, 0,
                    List.of(), List.of())) : Optional.empty();
        }
    }

    @Test
    void drbd2WinsThenLegacyThenNothing() {
        Fake both = new Fake("drbd2", "drbd");
        assertEquals(Optional.of(Family.DRBD2), FamilySelector.select(Optional.empty(), both).family());
        assertEquals(List.of("drbd2"), both.asked);
        Fake legacy = new Fake("drbd");
        assertEquals(Optional.of(Family.LEGACY), FamilySelector.select(Optional.empty(), legacy).family());
        assertEquals(List.of("drbd2", "drbd"), legacy.asked);
        FamilySelector.Selection none = FamilySelector.select(Optional.empty(), new Fake());
        assertEquals(Optional.empty(), none.family());
        assertEquals(Optional.of(FamilySelector.NO_MODULE), none.error());
    }

    @Test
    void aPinnedFamilyMustBeRegistered() {
        Fake both = new Fake("drbd2", "drbd");
        assertEquals(Optional.of(Family.LEGACY), FamilySelector.select(Optional.of(Family.LEGACY), both).family());
        assertEquals(List.of("drbd"), both.asked);
        FamilySelector.Selection s = FamilySelector.select(Optional.of(Family.DRBD2), new Fake("drbd"));
        assertEquals(Optional.empty(), s.family());
        assertEquals(Optional.of("the 'drbd2' generic netlink family is not registered (--family=drbd2): "
                + "is the DRBD kernel module loaded?"), s.error());
    }

    @Test
    void theOptionBeforeTheCommandWinsOverTheEnvironment() {
        FamilyRequest r = FamilyRequest.of(List.of("--family=drbd", "status"), Map.of("DRBDCTL_FAMILY", "drbd2"));
        assertEquals(Optional.of(Family.LEGACY), r.forced());
        assertEquals(List.of("status"), r.argv());
        FamilyRequest sep = FamilyRequest.of(List.of("--family", "drbd2", "status", "r0"), Map.of());
        assertEquals(Optional.of(Family.DRBD2), sep.forced());
        assertEquals(List.of("status", "r0"), sep.argv());
        FamilyRequest env = FamilyRequest.of(List.of("status"), Map.of("DRBDCTL_FAMILY", "drbd"));
        assertEquals(Optional.of(Family.LEGACY), env.forced());
        FamilyRequest after = FamilyRequest.of(List.of("status", "--family=drbd"), Map.of());
        assertEquals(Optional.empty(), after.forced(), "only before the command");
        assertEquals(List.of("status", "--family=drbd"), after.argv());
        assertEquals(Optional.of("--family: unknown family 'x' (use drbd2 or drbd)"),
                FamilyRequest.of(List.of("--family=x", "status"), Map.of()).error());
        assertEquals(Optional.empty(), FamilyRequest.of(List.of("status"), Map.of("DRBDCTL_FAMILY", "")).forced());
    }
}
