package io.drbdctl.netlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.netlink.ctrl.GenlFamily;
import io.drbdctl.netlink.ctrl.GenlOp;
import io.drbdctl.netlink.ctrl.McastGroup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenlFamiliesTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GenlFamilies.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void formatIsExact() {
        GenlFamily f = new GenlFamily(35, "drbd2", 2, 8, 40,
                List.of(new GenlOp(1, 2), new GenlOp(2, 4)),
                List.of(new McastGroup("events", 11), new McastGroup("status", 12)));
        assertEquals("family drbd2 id=35 version=2 hdrsize=8 maxattr=40 ops=2\n"
                + "  mcast events id=11\n"
                + "  mcast status id=12\n", GenlFamilies.format(f));
    }

    @Test
    void oneFamilyFromTheHostKernel() {
        assertEquals(0, run("nlctrl"));
        assertTrue(out().matches("family nlctrl id=16 version=\\d+ hdrsize=0 maxattr=\\d+ "
                + "ops=\\d+\n  mcast notify id=16\n"), out());
        assertEquals("", err());
    }

    @Test
    void allFamiliesFromTheHostKernel() {
        assertEquals(0, run());
        assertTrue(out().startsWith("family nlctrl id=16 "), out());
        for (String line : out().split("\n")) {
            assertTrue(line.matches("family \\S+ id=\\d+ version=\\d+ hdrsize=\\d+ maxattr=\\d+ "
                    + "ops=\\d+|  mcast \\S+ id=\\d+"), line);
        }
    }

    @Test
    void missingFamilyExitsTwoWithoutStackTrace() {
        assertEquals(2, run("no-such-family"));
        assertEquals("", out());
        assertTrue(err().startsWith("GenlFamilies: family 'no-such-family' not found: ENOENT (2)"),
                err());
        assertEquals(1, err().split("\n").length);
    }

    @Test
    void usageErrors() {
        assertEquals(1, run("a", "b"));
        assertTrue(err().startsWith("usage: GenlFamilies [FAMILY]"));
    }
}
