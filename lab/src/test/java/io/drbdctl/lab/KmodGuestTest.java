package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's kernel module (kmod/): it builds without a single warning against the 6.1,
 * 6.12 and 7.2 headers, and on 6.1 the drbd2 smoke test (kmod/tests/smoke-drbd2.sh: the
 * kernel's pyynl CLI driven by genl-drbd2/drbd2.yaml) passes in a guest.
 */
@Tag("lab")
class KmodGuestTest {

    @ParameterizedTest(name = "kernel {0}")
    @ValueSource(strings = {"6.1", "6.12", "7.2"})
    @Timeout(600)
    void buildsWithoutWarnings(String kernel) throws Exception {
        Lab lab = LabSupport.lab(kernel);
        Path out = build(lab, kernel);
        assertTrue(Files.exists(out.resolve("drbd.ko")), "drbd.ko for " + kernel);
    }

    @Test
    @Timeout(1500)
    void drbd2SmokeTestPassesOn61() throws Exception {
        Lab lab = LabSupport.lab("6.1").withTimeout(Duration.ofMinutes(20));
        Path out = build(lab, "6.1");
        Path repo = lab.home().getParent();
        Path smoke = repo.resolve("kmod/tests/smoke-drbd2.sh");
        long t0 = System.nanoTime();
        LabResult r = lab.run(GuestSpec.ofFile("6.1", smoke)
                .withEnv("DRBD_REPO", repo.toString())
                .withEnv("YNL_KSRC", LabSupport.ynlSource(repo))
                .withEnv("DRBD_KO", out.resolve("drbd.ko").toString()));
        System.out.printf("lab: drbd2 smoke test on 6.1 took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        r.assertSuccess();
        String tap = r.result(0, "smoke-drbd2.tap");
        assertFalse(tap.contains("not ok"), tap);
        long ok = tap.lines().filter(l -> l.startsWith("ok ")).count();
        assertTrue(ok >= 50, "smoke checks passed: " + ok + "\n" + tap);
        System.out.printf("lab: drbd2 smoke test: %d checks ok%n", ok);
    }

    private static Path build(Lab lab, String kernel) throws Exception {
        return KmodBuild.of(lab, kernel).dir();
    }
}
