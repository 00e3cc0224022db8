package io.drbdctl.adm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {
    @Test
    void optionsAnywhereBeforeTheDoubleDash() throws Exception {
        Args a = Args.parse(new String[] {"primary", "-c", "x.conf", "all", "--force", "-d"});
        assertEquals("x.conf", a.configFile());
        assertTrue(a.dryRun());
        assertEquals(List.of("primary", "all", "--force"), a.positional());
    }

    @Test
    void clustersAndAttachedValues() throws Exception {
        Args a = Args.parse(new String[] {"-dScx.conf", "--config-file=y.conf", "up", "r0"});
        assertTrue(a.dryRun() && a.stacked());
        assertEquals("y.conf", a.configFile());
        assertEquals(List.of("up", "r0"), a.positional());
    }

    @Test
    void everythingAfterDoubleDashIsPositional() throws Exception {
        Args a = Args.parse(new String[] {"-d", "--", "--force", "-d", "primary", "all"});
        assertEquals(List.of("--force", "-d", "primary", "all"), a.positional());
    }

    @Test
    void unknownClusterIsPassedOn() throws Exception {
        assertEquals(List.of("attach", "-x", "all"), Args.parse(new String[] {"attach", "-x", "all"}).positional());
    }

    @Test
    void referenceOptionsAreRecognizedNotSupported() throws Exception {
        Args a = Args.parse(new String[] {"-p", "/sbin/drbd-proxy-ctl", "--sh-varname=X", "sh-dev", "all"});
        assertEquals(List.of("--drbd-proxy-ctl", "--sh-varname"), a.unsupported());
        assertEquals(List.of("sh-dev", "all"), a.positional());
        assertEquals(1, MainTest.run("-p", "/sbin/drbd-proxy-ctl", "up", "all").rc());
    }

    @Test
    void programsForTheSteps() throws Exception {
        Args a = Args.parse(new String[] {"-s", "./setup", "--drbdmeta=./meta", "up", "all"});
        assertEquals("./setup", a.drbdsetup());
        assertEquals("./meta", a.drbdmeta());
        assertEquals(List.of(), a.unsupported());
    }

    @Test
    void missingValue() {
        assertThrows(Args.UsageException.class, () -> Args.parse(new String[] {"up", "-c"}));
        assertEquals(1, MainTest.run("--config-file").rc());
    }
}
