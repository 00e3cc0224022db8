package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7, acceptance 1 and 3: the project's drbdadm picks its plans and family by itself
 * (lab/d2/drbdadm-family-guest.sh, 6.1 guests). A configuration with two resources (r1 with
 * two volumes) and a peer host that never comes; create-md, up, primary --force, status,
 * secondary, detach/disconnect, attach/connect, down.
 * <ul>
 * <li>The project's module: with no override the 9 plans run over drbd2 (v09 meta data); with
 * {@code DRBDCTL_FAMILY=drbd} the 8.4 plans over the legacy family. After up and after primary
 * every object is dumped through drbd2 (pyynl dumps of resources, devices, connections, paths,
 * peer devices; drbdsetup show and status) and both runs must give the same state, up to the
 * named differences of {@link StateNormalisation}. Then adjust against the kernel's running
 * state: after {@code detach r0} and {@code down r1} it re-attaches r0 and brings r1 up, and a
 * second adjust has nothing to do.</li>
 * <li>The in-tree DRBD 8.4 driver: with no override drbdadm plans for drbdsetup-84 and runs
 * over the legacy family; /proc/drbd shows the promotion.</li>
 * </ul>
 */
@Tag("lab")
class DrbdAdmFamilyGuestTest {

    /** The commands of one mode, in the script's order. */
    private static final List<String> COMMANDS = List.of("-d up all", "create-md all", "up all",
            "primary --force all", "status all", "secondary all", "status r0", "detach r0", "disconnect r1",
            "status all", "attach r0", "connect r1", "status all", "down all", "status all");

    @Test
    @Timeout(1800)
    void ourModuleDrbd2ByItselfAndTheLegacyFamilyGiveTheSameState() throws Exception {
        Lab lab = LabSupport.lab("6.1").withTimeout(Duration.ofMinutes(25));
        Path repo = lab.home().getParent();
        assertTrue(Files.isExecutable(repo.resolve("dist/target/drbdctl/bin/drbdadm")), "package dist first");
        Path ko = build(lab);
        long t0 = System.nanoTime();
        LabResult r = lab.run(GuestSpec.ofFile("6.1", repo.resolve("lab/d2/drbdadm-family-guest.sh"))
                .withModules("loop")
                .withEnv("DRBD_REPO", repo.toString())
                .withEnv("DRBD_KO", ko.toString())
                .withEnv("YNL_KSRC", LabSupport.ynlSource(repo)));
        System.out.printf("lab: drbdadm family choice on 6.1 (our module) took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        r.assertSuccess();

        List<DrbdSetup9GuestTest.Block> auto = commands(r, "auto");
        String plan = auto.get(0).out();
        assertTrue(plan.contains("drbdsetup new-peer r1 2 --_name=ghost\n")
                && plan.contains("drbdmeta 2 v09 ") && !plan.contains("drbdsetup-84"), "the 9 plans\n" + plan);
        // the 9 plans' new-peer, new-path and connect RES PEER exist only in the drbd2 dialect
        assertEquals("r0 role:Primary\n  disk:UpToDate\n  ghost connection:Connecting\n\n"
                + "r1 role:Primary\n  volume:0 disk:UpToDate\n  volume:1 disk:UpToDate\n  ghost connection:Connecting\n\n",
                auto.get(4).out());
        assertEquals("r0 role:Secondary\n  disk:Diskless client:no\n  ghost connection:Connecting\n\n"
                + "r1 role:Secondary\n  volume:0 disk:UpToDate\n  volume:1 disk:UpToDate\n  ghost connection:StandAlone\n\n",
                auto.get(9).out());
        assertEquals("r0 role:Secondary\n  disk:UpToDate\n  ghost connection:Connecting\n\n"
                + "r1 role:Secondary\n  volume:0 disk:UpToDate\n  volume:1 disk:UpToDate\n  ghost connection:Connecting\n\n",
                auto.get(12).out());

        List<DrbdSetup9GuestTest.Block> legacy = commands(r, "legacy");
        String plan84 = legacy.get(0).out();
        assertTrue(plan84.startsWith("drbdsetup-84 new-resource r0\n") && plan84.contains("drbdmeta 2 v08 "),
                "the 8.4 plans\n" + plan84);

        // drbdsetup-84's status of the same state (the module names the 8.4 connection "peer")
        assertEquals("r0 role:Primary\n  disk:UpToDate\n  peer connection:Connecting\n\n"
                + "r1 role:Primary\n  volume:0 disk:UpToDate\n  volume:1 disk:UpToDate\n  peer connection:Connecting\n\n",
                legacy.get(4).out());
        for (List<DrbdSetup9GuestTest.Block> b : List.of(auto, legacy)) {
            DrbdSetup9GuestTest.Block gone = b.get(COMMANDS.size() - 1);
            assertEquals(10, gone.rc(), gone.err());
            assertTrue(gone.err().startsWith("r0: No such resource\n"), "down left nothing\n" + gone.err());
        }

        List<String> used = new ArrayList<>();
        for (String step : List.of("up", "primary")) {
            String a = r.result(0, "dump-auto-" + step + ".txt");
            String l = r.result(0, "dump-legacy-" + step + ".txt");
            assertTrue(a.contains("### peer-device-get\n[{") && a.contains("### drbdsetup status\nr0 role:"),
                    "complete dump after " + step + "\n" + a);
            assertEquals(StateNormalisation.applyAll(a), StateNormalisation.applyAll(l),
                    "the state after " + step + " through drbd2 and through the legacy family");
            StateNormalisation.needed(a, l).stream().filter(n -> !used.contains(n)).forEach(used::add);
        }
        System.out.println("lab: same state through both families after up and primary; differences normalised: " + used);
        assertFalse(used.isEmpty());

        // adjust against the kernel's running state (drbdsetup show over drbd2): r0 lost its disk, r1 is down
        String log = r.result(0, "cmdlog-adjust.txt");
        List<DrbdSetup9GuestTest.Block> adj = DrbdSetup9GuestTest.parse(log);
        assertEquals(10, adj.size(), log);
        adj.forEach(x -> assertEquals(0, x.rc(), x.command() + "\n" + log));
        String adjPlan = adj.get(5).out();
        assertFalse(adjPlan.contains("new-resource r0") || adjPlan.contains("new-minor r0"),
                "r0 runs: only its disk comes back\n" + adjPlan);
        assertTrue(adjPlan.contains("drbdsetup attach 0 ") && adjPlan.contains("drbdsetup new-resource r1 1\n")
                && adjPlan.contains("drbdsetup connect r1 2\n"), adjPlan);
        assertEquals("r0 role:Secondary\n  disk:Inconsistent\n  ghost connection:Connecting\n\n"
                + "r1 role:Secondary\n  volume:0 disk:Inconsistent\n  volume:1 disk:Inconsistent\n"
                + "  ghost connection:Connecting\n\n", adj.get(7).out(), log);
        assertEquals("", adj.get(8).out(), "nothing left to adjust\n" + log);
    }

    @Test
    @Timeout(1200)
    void theInTreeDriverMakesDrbdadmPickTheLegacyFamily() throws Exception {
        Lab lab = LabSupport.lab("6.1").withTimeout(Duration.ofMinutes(15));
        Path repo = lab.home().getParent();
        assertTrue(Files.isExecutable(repo.resolve("dist/target/drbdctl/bin/drbdadm")), "package dist first");
        long t0 = System.nanoTime();
        LabResult r = lab.run(GuestSpec.ofFile("6.1", repo.resolve("lab/d2/drbdadm-family-guest.sh"))
                .withModules("loop", "drbd")
                .withEnv("DRBD_REPO", repo.toString()));
        System.out.printf("lab: drbdadm family choice on 6.1 (in-tree drbd) took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        r.assertSuccess();
        List<DrbdSetup9GuestTest.Block> b = commands(r, "auto");
        String plan = b.get(0).out();
        assertTrue(plan.startsWith("drbdsetup-84 new-resource r0\n") && plan.contains("drbdmeta 2 v08 ")
                && plan.contains("drbdsetup-84 connect r1 ipv4:192.0.2.1:7790 ipv4:192.0.2.2:7790\n"),
                "the 8.4 plans\n" + plan);
        String proc = r.result(0, "proc-drbd-auto.txt");
        assertTrue(proc.startsWith("version: 8.4.11"), proc);
        for (int m = 0; m < 3; m++) {
            assertTrue(proc.contains(" " + m + ": cs:WFConnection ro:Primary/Unknown ds:UpToDate/DUnknown"),
                    "minor " + m + " promoted and waiting for its peer\n" + proc);
        }
        assertTrue(b.get(4).out().contains("r0 role:Primary"), b.get(4).out());
    }

    /** The mode's command log: every command exits 0 but the last status (nothing left). */
    private static List<DrbdSetup9GuestTest.Block> commands(LabResult r, String mode) {
        String log = r.result(0, "cmdlog-" + mode + ".txt");
        List<DrbdSetup9GuestTest.Block> b = DrbdSetup9GuestTest.parse(log);
        assertEquals(COMMANDS.size(), b.size(), log);
        for (int i = 0; i < COMMANDS.size(); i++) {
            DrbdSetup9GuestTest.Block x = b.get(i);
            assertTrue(x.command().endsWith(" " + COMMANDS.get(i)), x.command() + "\n" + log);
            if (i < COMMANDS.size() - 1) {
                assertEquals(0, x.rc(), mode + ": " + x.command() + "\n" + log);
            }
        }
        return b;
    }

    private static Path build(Lab lab) throws Exception {
        return KmodBuild.of(lab, "6.1").ko();
    }
}
