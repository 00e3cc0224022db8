package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.lab.DrbdSetup9GuestTest.Block;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The project's drbdsetup (drbd2 dialect) with the data and resync commands against the
 * project's drbd.ko in a 6.1 guest (lab/d2/drbdsetup9-sync-guest.sh): v08 meta data made by the
 * project's drbdmeta; outdate, new-current-uuid, invalidate (local; from a peer and without
 * resetting the bitmap refused: no connection gets established yet), get-gi and show-gi,
 * pause-sync / resume-sync and their "already" refusals, invalidate-remote and verify (refused:
 * not connected), resize; diskless and unknown objects refused. Every refusal is one line with
 * 9.22's exit-code class. Uses the launchers of dist/target/drbdctl/bin.
 */
@Tag("lab")
class DrbdSetup9SyncGuestTest {
    private static final String GI = "[0-9A-F]{16}:[0-9A-F]{16}:[0-9A-F]{16}:[0-9A-F]{16}:";

    @Test
    @Timeout(1500)
    void syncCommandsOverDrbd2On61() throws Exception {
        Lab lab = LabSupport.lab("6.1").withTimeout(Duration.ofMinutes(20));
        Path repo = lab.home().getParent();
        Path drbdsetup = repo.resolve("dist/target/drbdctl/bin/drbdsetup");
        assertTrue(Files.isExecutable(drbdsetup), drbdsetup + " missing: package dist first");
        Path ko = build(lab);
        long t0 = System.nanoTime();
        LabResult r = lab.run(GuestSpec.ofFile("6.1", repo.resolve("lab/d2/drbdsetup9-sync-guest.sh"))
                .withModules("loop")
                .withEnv("DRBD_REPO", repo.toString())
                .withEnv("DRBD_KO", ko.toString()));
        System.out.printf("lab: drbdsetup 9 sync commands on 6.1 took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        r.assertSuccess();
        String log = r.result(0, "cmdlog.txt");
        List<Block> b = DrbdSetup9GuestTest.parse(log);
        assertEquals(41, b.size(), log);
        int i = 0;
        ok(b.get(i++), log);                                       // drbdmeta create-md
        for (int n = 0; n < 7; n++) {
            ok(b.get(i++), log);                                   // new-resource ... new-peer r1
        }
        Block gi0 = b.get(i++);
        ok(gi0, log);
        assertTrue(gi0.out().matches(GI + "0:0:0:0:0:0:0:0:0:0:0:0\n"), "get-gi after create-md\n" + log);
        fails(b.get(i++), 11, "outdate 0: Invalid argument (EINVAL): disk state is lower than outdated", log);
        ok(b.get(i++), log);                                       // primary --force
        fails(b.get(i++), 11, "invalidate 0: No data available (ENODATA): needs up-to-date data", log);
        ok(b.get(i++), log);                                       // new-current-uuid --clear-bitmap
        ok(b.get(i++), log);                                       // secondary
        ok(b.get(i++), log);                                       // outdate
        assertEquals("r0 role:Secondary\n  disk:Outdated\n  peer connection:StandAlone\n\n",
                b.get(i++).out(), log);
        fails(b.get(i++), 11, "invalidate 0: Transport endpoint is not connected (ENOTCONN): the connection "
                + "to the peer is not established", log);
        fails(b.get(i++), 10, "invalidate 0: No such file or directory (ENOENT)", log);
        fails(b.get(i++), 11, "invalidate 0: Transport endpoint is not connected (ENOTCONN): needs a "
                + "connected peer", log);
        ok(b.get(i++), log);                                       // invalidate
        assertEquals("r0 role:Secondary\n  disk:Inconsistent\n  peer connection:StandAlone\n\n",
                b.get(i++).out(), log);
        Block gi1 = b.get(i++);
        ok(gi1, log);
        assertTrue(gi1.out().matches(GI + "0:0:0:0:0:0:0:0:0:0:1:0\n"),
                "get-gi after invalidate: inconsistent, full sync\n" + log);
        String[] f = gi1.out().split(":");
        assertNotEquals("0000000000000000", f[1], "a bitmap UUID after new-current-uuid\n" + log);
        assertNotEquals(gi0.out().split(":")[0], f[0], "a new current UUID\n" + log);
        Block show = b.get(i++);
        ok(show, log);
        assertTrue(show.out().startsWith("\n       +--<  Current data generation UUID  >-\n"), log);
        assertTrue(show.out().contains("\n" + gi1.out()), "show-gi holds the get-gi line\n" + log);
        fails(b.get(i++), 10, "invalidate 1: No such device (ENODEV)", log);
        Block unconfigured = b.get(i++);
        assertEquals(1, unconfigured.rc(), log);
        assertEquals("Device is unconfigured\n", unconfigured.err(), log);
        Block nopd = b.get(i++);
        assertEquals(10, nopd.rc(), log);
        assertEquals("r0 7 0: No such peer device\n", nopd.err(), log);
        ok(b.get(i++), log);                                       // pause-sync
        fails(b.get(i++), 10, "pause-sync r0 2 0: Operation already in progress (EALREADY): resync is paused "
                + "already", log);
        ok(b.get(i++), log);                                       // resume-sync
        fails(b.get(i++), 10, "resume-sync r0 2 0: Operation already in progress (EALREADY): resync is not "
                + "paused", log);
        fails(b.get(i++), 10, "pause-sync r0 3 0: No such file or directory (ENOENT)", log);
        fails(b.get(i++), 11, "invalidate-remote r0 2 0: Transport endpoint is not connected (ENOTCONN)", log);
        fails(b.get(i++), 11, "verify r0 2 0: Transport endpoint is not connected (ENOTCONN)", log);
        fails(b.get(i++), 10, "verify r0 2 0: Numerical result out of range (ERANGE)", log);
        ok(b.get(i++), log);                                       // resize
        fails(b.get(i++), 10, "resize 1: No such device (ENODEV)", log);
        Block usage = b.get(i++);
        assertEquals(20, usage.rc(), log);
        assertTrue(usage.err().contains("--size: invalid size '1x'"), log);
        fails(b.get(i++), 10, "new-current-uuid 1: No such device (ENODEV)", log);
        fails(b.get(i++), 11, "outdate 1: Invalid argument (EINVAL)", log);
        ok(b.get(i++), log);                                       // down r0
        ok(b.get(i++), log);                                       // down r1
    }

    private static void ok(Block b, String log) {
        assertEquals(0, b.rc(), b.command() + "\n" + log);
        if (!b.command().startsWith("drbdmeta")) {
            assertEquals("", b.err(), b.command() + "\n" + log);
        }
    }

    /** A kernel refusal: one line on stderr beginning with {@code start}, nothing on stdout. */
    private static void fails(Block b, int rc, String start, String log) {
        assertEquals(rc, b.rc(), b.command() + "\n" + log);
        assertEquals("", b.out(), b.command() + "\n" + log);
        assertTrue(b.err().startsWith(start), b.command() + "\n" + log);
        assertEquals(1, b.err().lines().count(), "one line: " + b.command() + "\n" + log);
    }

    private static Path build(Lab lab) throws Exception {
        return KmodBuild.of(lab, "6.1").ko();
    }
}
