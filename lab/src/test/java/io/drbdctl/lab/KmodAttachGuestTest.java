package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attach and detach of backing disks in the project's drbd.ko (kmod/tests/attach-guest.sh), on
 * 6.1 in one guest boot: {@code drbdsetup-84 attach/show/status/sh-status/dstate/detach} on a
 * v08 disk made by Debian's drbdmeta, and its usual failures, answer exactly like the in-tree
 * DRBD 8.4 driver (stdout, stderr, exit codes; the state part of /proc/drbd); through drbd2,
 * v09 (the project's drbdmeta) and v08 meta data, internal, flex-external and indexed, serve
 * direct I/O from the backing device's data area, bad meta data fails with errno and extack
 * and leaves the disks unchanged, detach writes the meta data back clean, unload detaches.
 * Needs the project's drbdmeta launcher ({@code mvn -o -q install -DskipTests}).
 */
@Tag("lab")
class KmodAttachGuestTest {

    @Test
    @Timeout(1500)
    void attachAndDetachOn61() throws Exception {
        Lab lab = LabSupport.lab("6.1").withTimeout(Duration.ofMinutes(20));
        Path repo = lab.home().getParent();
        Path drbdmeta = repo.resolve("dist/target/drbdctl/bin/drbdmeta");
        assertTrue(Files.isExecutable(drbdmeta), drbdmeta + " missing: mvn -o -q install -DskipTests");
        Path ko = build(lab, "6.1");
        long t0 = System.nanoTime();
        LabResult r = lab.run(GuestSpec.ofFile("6.1", repo.resolve("kmod/tests/attach-guest.sh"))
                .withModules("drbd", "loop")
                .withEnv("DRBD_REPO", repo.toString())
                .withEnv("DRBDMETA", drbdmeta.toString())
                .withEnv("YNL_KSRC", LabSupport.ynlSource(repo))
                .withEnv("DRBD_KO", ko.toString()));
        System.out.printf("lab: attach test on 6.1 took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        r.assertSuccess();

        String inTree = r.result(0, "intree.cmdlog.txt");
        long commands = inTree.lines().filter(l -> l.startsWith("=== [")).count();
        assertTrue(commands >= 25, "in-tree run: " + commands + " commands\n" + inTree);
        assertEquals(inTree, r.result(0, "ours.cmdlog.txt"),
                "drbdsetup-84 attach/detach against our drbd.ko vs the in-tree driver");
        assertEquals(r.result(0, "intree.proc.txt"), r.result(0, "ours.proc.txt"), "/proc/drbd entries");

        String tap = r.result(0, "attach.tap");
        assertFalse(tap.contains("not ok"), tap + "\n" + r.result(0, "checks.log"));
        long ok = tap.lines().filter(l -> l.startsWith("ok ")).count();
        assertTrue(ok >= 60, "attach checks passed: " + ok + "\n" + tap);
        System.out.printf("lab: %d drbdsetup-84 commands identical, %d attach checks ok%n", commands, ok);
    }

    private static Path build(Lab lab, String kernel) throws Exception {
        return KmodBuild.of(lab, kernel).ko();
    }
}
