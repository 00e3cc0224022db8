package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7, acceptance 4 (a benchmark, runs only with -Pbench): in one 6.1 guest with the
 * project's module (lab/d2/drbdadm-family-bench.sh), 100 resources ({@code -Ddrbd.bench.resources}):
 * our "drbdadm up all" / "down all" with no override (the 9 plans over drbd2) against the same
 * with DRBDCTL_FAMILY=drbd (the 8.4 plans over the legacy family), and the status of all
 * resources by our drbdsetup (drbd2) and our drbdadm against /lib/drbd/drbdsetup-84 status;
 * printed as wall-time ratios of the sums over the rounds ({@code -Ddrbd.bench.rounds}, default 1).
 */
@Tag("lab")
@Tag("bench")
class DrbdAdmFamilyBenchmarkTest {

    @Test
    @Timeout(3600)
    void upDownAndStatusOfAHundredResourcesThroughBothFamilies() throws Exception {
        Lab lab = LabSupport.lab("6.1").withTimeout(Duration.ofMinutes(55));
        Path repo = lab.home().getParent();
        assertTrue(Files.isExecutable(repo.resolve("dist/target/drbdctl/bin/drbdadm")), "package dist first");
        String resources = OurTools.setting("drbd.bench.resources", "DRBD_BENCH_RESOURCES", "100");
        String rounds = OurTools.setting("drbd.bench.rounds", "DRBD_BENCH_ROUNDS", "1");
        Path ko = build(lab);
        long t0 = System.nanoTime();
        LabResult r = lab.run(GuestSpec.ofFile("6.1", repo.resolve("lab/d2/drbdadm-family-bench.sh"))
                .withModules("loop")
                .withEnv("DRBD_REPO", repo.toString())
                .withEnv("DRBD_KO", ko.toString())
                .withEnv("D2_BENCH_RESOURCES", resources)
                .withEnv("D2_BENCH_ROUNDS", rounds));
        System.out.printf("lab: drbdadm family benchmark took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        r.assertSuccess();

        Map<String, Double> sum = new TreeMap<>();
        for (String line : r.result(0, "times.txt").lines().toList()) {
            String[] f = line.split(" ");
            assertEquals(0, Integer.parseInt(f[4]), line + ": " + r.result(0, f[0] + "-" + f[1] + "-" + f[2] + ".err"));
            sum.merge(f[0] + " " + f[2], Double.parseDouble(f[3]), Double::sum);
        }
        for (String count : r.result(0, "status-count.txt").lines().toList()) {
            assertEquals(resources, count.strip(), "every resource in our status");
        }
        List<String> lines = List.of(
                String.format("drbdadm up all: drbd2 %.2f s, legacy %.2f s, ratio drbd2/legacy %.2f",
                        sum.get("drbd2 up"), sum.get("drbd up"), sum.get("drbd2 up") / sum.get("drbd up")),
                String.format("drbdadm down all: drbd2 %.2f s, legacy %.2f s, ratio drbd2/legacy %.2f",
                        sum.get("drbd2 down"), sum.get("drbd down"), sum.get("drbd2 down") / sum.get("drbd down")),
                String.format("status: our drbdsetup (drbd2) %.2f s, our drbdadm %.2f s, drbdsetup-84 %.2f s; "
                        + "ratios to drbdsetup-84 %.2f and %.2f",
                        sum.get("ours-drbdsetup status"), sum.get("ours-drbdadm status"),
                        sum.get("ref-drbdsetup-84 status"),
                        sum.get("ours-drbdsetup status") / sum.get("ref-drbdsetup-84 status"),
                        sum.get("ours-drbdadm status") / sum.get("ref-drbdsetup-84 status")),
                "(" + resources + " resources, " + rounds + " round(s), wall time in a TCG guest)");
        lines.forEach(l -> System.out.println("bench: " + l));
        Files.write(r.resultDir().resolve("ratio.txt"), lines);
    }

    private static Path build(Lab lab) throws Exception {
        return KmodBuild.of(lab, "6.1").ko();
    }
}
