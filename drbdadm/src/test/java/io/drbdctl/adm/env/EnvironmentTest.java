package io.drbdctl.adm.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.setup.family.Family;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The plans' dialect and family: overrides first, then the kernel's registrations, then the module version. */
class EnvironmentTest {

    /** A kernel that answers {@code f} and counts the questions. */
    private record Kernel(Optional<Family> f, AtomicInteger asked) implements Environment.KernelFamily {
        Kernel(Family f) {
            this(Optional.ofNullable(f), new AtomicInteger());
        }

        @Override
        public Optional<Family> select() {
            asked.incrementAndGet();
            return f;
        }
    }

    @Test
    void drbd2RegisteredPicksTheNinePlansOverDrbd2() {
        Kernel k = new Kernel(Family.DRBD2);
        // the project's module says 8.4 in /proc/drbd for the 8.4 tools: the registration wins
        Environment e = Environment.from(Map.of(), k, true, "8.4.11");
        assertFalse(e.kernelIs84());
        assertEquals(Family.DRBD2, e.family());
        assertTrue(e.kernelChose());
        assertEquals("8.4.11", e.driverVersion());
        assertEquals(1, k.asked().get());
    }

    @Test
    void onlyTheLegacyFamilyPicksTheEightFourPlans() {
        Environment e = Environment.from(Map.of(), new Kernel(Family.LEGACY), true, "8.4.11");
        assertTrue(e.kernelIs84());
        assertEquals(Family.LEGACY, e.family());
    }

    @Test
    void overridesWinWithoutAskingTheKernel() {
        Kernel k = new Kernel(Family.DRBD2);
        Environment fam = Environment.from(Map.of("DRBDCTL_FAMILY", "drbd"), k, true, "8.4.11");
        assertTrue(fam.kernelIs84());
        assertEquals(Family.LEGACY, fam.family());
        Environment ver = Environment.from(Map.of("DRBD_DRIVER_VERSION_OVERRIDE", "8.4.11"), k, true, "8.4.11");
        assertTrue(ver.kernelIs84());
        Environment nine = Environment.from(Map.of("DRBD_DRIVER_VERSION_OVERRIDE", "9.2.0"),
                new Kernel(Family.LEGACY), true, "8.4.11");
        assertFalse(nine.kernelIs84());
        assertEquals(0, k.asked().get());
        assertFalse(fam.kernelChose() || ver.kernelChose() || nine.kernelChose());
    }

    @Test
    void noModuleBehavesAsBefore() {
        Kernel k = new Kernel(Family.DRBD2);
        Environment e = Environment.from(Map.of(), k, false, null);
        assertFalse(e.kernelIs84());
        assertEquals(0, k.asked().get());
        assertEquals(null, e.driverVersion());
    }

    @Test
    void aFailedLookUpFallsBackToTheModuleVersion() {
        Environment e = Environment.from(Map.of(), new Kernel((Family) null), true, "8.4.11");
        assertTrue(e.kernelIs84());
        assertFalse(e.kernelChose());
    }
}
