package io.drbdctl.meta;

import io.drbdctl.meta.io.ExclusiveClaim;
import io.drbdctl.meta.support.Ours;
import io.drbdctl.meta.support.Pair;
import io.drbdctl.meta.support.Reference;
import io.drbdctl.meta.support.RunResult;
import io.drbdctl.meta.support.Scratch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Without --force only block devices are accepted and every confirmation is answered "no" (stdin
 * is not a TTY). This needs loop devices; the test is skipped where losetup is not usable.
 */
class BlockDeviceDifferentialTest {
    private static final long MIB = 1L << 20;
    private Scratch scratch;
    private final List<String> loops = new ArrayList<>();

    @BeforeEach
    void setUp() {
        assumeTrue(Reference.available(), Reference.SKIP_REASON);
        scratch = new Scratch("loop");
    }

    @AfterEach
    void tearDown() {
        for (String l : loops) {
            exec("losetup", "-d", l);
        }
        if (scratch != null) {
            scratch.close();
        }
        Reference.cleanup(218);
    }

    private static String exec(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Path loop(Path file) {
        String dev = exec("losetup", "-f", "--show", file.toString());
        assumeTrue(dev != null && dev.startsWith("/dev/"), "loop devices not available");
        loops.add(dev);
        return Path.of(dev);
    }

    @Test
    void confirmationsAreDeclinedWithoutTty() {
        Path refDev = loop(scratch.sparse("ref.img", 256 * MIB));
        Path ourDev = loop(scratch.sparse("our.img", 256 * MIB));
        Pair p = new Pair(refDev, ourDev, 218, new Ours(scratch.dir().resolve("state")));
        String v9 = "NOFORCE MINOR v09 DEV internal ";
        String v8 = "NOFORCE MINOR v08 DEV internal ";
        String[] steps = {v9 + "create-md 2", v9 + "create-md 2", v9 + "create-md 2 --al-stripes 2",
            v9 + "wipe-md", v9 + "set-gi --node-id 1 ::::1:1", v9 + "get-gi --node-id 1", v9 + "dump-md",
            v9 + "outdate", v9 + "dstate", v8 + "create-md", v8 + "get-gi", v9 + "show-gi --node-id 0",
            v9 + "apply-al", v9 + "invalidate", v9 + "get-gi --node-id 1", v9 + "restore-md /dev/null"};
        for (String s : steps) {
            RunResult r = p.ref(s);
            RunResult o = p.our(s);
            if (s.endsWith("dump-md")) {
                assertEquals(r.dumpBody(), o.dumpBody(), s);
                assertEquals(r.err(), o.err(), s);
            } else {
                assertEquals(r, o, s);
            }
            assertEquals("", Scratch.firstDiff(refDev, ourDev, 255 * MIB, MIB), s);
        }
    }

    /**
     * A block device someone else holds exclusively (here: this test, through an O_EXCL open; the
     * same as a mounted filesystem or a device-mapper user): "Exclusive open failed. Do it
     * anyways?" for internal and flex-external metadata, apply-al refuses without asking, --force
     * goes on; indexed metadata is not opened exclusively. Nothing is written while declined.
     */
    @Test
    void busyDeviceAsksBeforeGoingOn() {
        Path refDev = loop(scratch.sparse("ref.img", 256 * MIB));
        Path ourDev = loop(scratch.sparse("our.img", 256 * MIB));
        Pair p = new Pair(refDev, ourDev, 218, new Ours(scratch.dir().resolve("state")));
        assertEquals(0, p.ref("MINOR v09 DEV internal create-md 1").rc());
        assertEquals(0, p.our("MINOR v09 DEV internal create-md 1").rc());
        ExclusiveClaim.Attempt a = ExclusiveClaim.tryClaim(refDev);
        ExclusiveClaim.Attempt b = ExclusiveClaim.tryClaim(ourDev);
        assumeTrue(a.claim() != null && b.claim() != null, "cannot claim the loop devices here");
        try {
            String[] steps = {"NOFORCE MINOR v09 DEV internal dstate", "NOFORCE MINOR v09 DEV internal outdate",
                "NOFORCE MINOR v09 DEV internal apply-al", "NOFORCE MINOR v09 DEV flex-external dstate",
                "NOFORCE MINOR v09 DEV 0 dstate", "NOFORCE MINOR v09 DEV internal create-md 1",
                "MINOR v09 DEV internal apply-al", "MINOR v09 DEV internal outdate",
                "MINOR v09 DEV internal get-gi --node-id 0"};
            for (String s : steps) {
                assertEquals(p.ref(s), p.our(s), s);
                assertEquals("", Scratch.firstDiff(refDev, ourDev, 255 * MIB, MIB), s);
            }
        } finally {
            a.claim().close();
            b.claim().close();
        }
    }
}
