package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Roles, disk states, generation identifiers, disk options and resize of the project's drbd.ko on a node
 * without a connected peer (kmod/tests/state-guest.sh), on 6.1 and 7.2, each in one guest boot: one
 * {@code drbdsetup-84} sequence (primary / primary --force / secondary, role, dstate, get-gi,
 * show-gi, new-current-uuid [--clear-bitmap], outdate, detach while Primary, secondary while
 * open, resource-options, attach with disk options, disk-options [--set-defaults], show
 * [--show-defaults], resize (the internal meta data moving with a grown backing device),
 * connect / net-options / disconnect with an unreachable peer (WFConnection), drbdadm-84 up / down
 * of a two-host resource, status, down, and Debian's drbdmeta reading the UUIDs written back) answers
 * exactly like the in-tree DRBD 8.4 driver (stdout, stderr, exit codes, with the random UUIDs
 * numbered in order of appearance), {@code drbdsetup-84 events all} prints the same lines, and
 * /proc/drbd shows the same states; through drbd2, resource-set-role, device-outdate,
 * device-new-current-uuid, device-resize and their notifications, also on v09 meta data (read
 * back by the project's drbdmeta; {@code mvn -o -q install -DskipTests} first).
 */
@Tag("lab")
class KmodStateGuestTest {

    @ParameterizedTest(name = "kernel {0}")
    @ValueSource(strings = {"6.1", "7.2"})
    @Timeout(1500)
    void rolesAndGenerationIdentifiers(String kernel) throws Exception {
        Lab lab = LabSupport.lab(kernel).withTimeout(Duration.ofMinutes(20));
        Path repo = lab.home().getParent();
        Path drbdmeta = repo.resolve("dist/target/drbdctl/bin/drbdmeta");
        assertTrue(Files.isExecutable(drbdmeta), drbdmeta + " missing: mvn -o -q install -DskipTests");
        Path ko = build(lab, kernel);
        long t0 = System.nanoTime();
        LabResult r = lab.run(GuestSpec.ofFile(kernel, repo.resolve("kmod/tests/state-guest.sh"))
                .withModules("drbd", "loop")
                .withEnv("DRBD_REPO", repo.toString())
                .withEnv("DRBDMETA", drbdmeta.toString())
                .withEnv("YNL_KSRC", LabSupport.ynlSource(repo))
                .withEnv("DRBD_KO", ko.toString()));
        System.out.printf("lab: state test on %s took %.1f s%n", kernel, (System.nanoTime() - t0) / 1e9);
        r.assertSuccess();

        String inTree = r.result(0, "intree.cmdlog.txt");
        long commands = inTree.lines().filter(l -> l.startsWith("=== [")).count();
        assertTrue(commands >= 80, "in-tree run: " + commands + " commands\n" + inTree);
        assertTrue(inTree.contains("UUID01"), "the in-tree run made new UUIDs\n" + inTree);
        assertEquals(inTree, r.result(0, "ours.cmdlog.txt"),
                "drbdsetup-84 against our drbd.ko vs the in-tree driver");
        String events = r.result(0, "intree.events.txt");
        assertTrue(events.lines().anyMatch(l -> l.contains(" ST-new ")), "in-tree state events\n" + events);
        assertEquals(events, r.result(0, "ours.events.txt"), "drbdsetup-84 events all");
        assertEquals(r.result(0, "intree.proc.txt"), r.result(0, "ours.proc.txt"), "/proc/drbd entries");

        String tap = r.result(0, "state.tap");
        assertFalse(tap.contains("not ok"), tap + "\n" + r.result(0, "checks.log"));
        long ok = tap.lines().filter(l -> l.startsWith("ok ")).count();
        assertTrue(ok >= 45, "state checks passed: " + ok + "\n" + tap);
        System.out.printf("lab: %d drbdsetup-84 commands and %d event lines identical, %d checks ok%n",
                commands, events.lines().count(), ok);
    }

    private static Path build(Lab lab, String kernel) throws Exception {
        return KmodBuild.of(lab, kernel).ko();
    }
}
