package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both genl families of the project's drbd.ko under the project's fuzzer
 * (kmod/tests/fuzz/genl-fuzz.c, driven by kmod/tests/fuzz-guest.sh): 100,000 mutated
 * messages per family as root and as an unprivileged user, three concurrent runs, multi-part
 * dumps while the objects go away, a multicast listener. No oops, WARN or BUG; every message
 * of the unprivileged user that reaches an op flagged GENL_ADMIN_PERM fails with EPERM and
 * changes nothing; the module unloads.
 *
 * <p>The seed is random and printed; {@code -Ddrbd.fuzz.seed=0x...} (or FUZZ_SEED) replays a
 * run, {@code -Ddrbd.fuzz.count=N} changes the messages per family and user,
 * {@code -Ddrbd.fuzz.kmod=DIR} fuzzes the module (with the fuzzer and uAPI headers) of another kmod
 * tree. 6.1 runs in the lab group; 6.12 and 7.2 (split ops) in the soak group.
 */
@Tag("lab")
class KmodFuzzGuestTest {

    private static final int COUNT = 100_000;

    @Test
    @Timeout(1500)
    void fuzzOn61() throws Exception {
        fuzz("6.1");
    }

    @ParameterizedTest(name = "kernel {0}")
    @ValueSource(strings = {"6.12", "7.2"})
    @Tag("soak")
    @Timeout(2400)
    void fuzzSoak(String kernel) throws Exception {
        fuzz(kernel);
    }

    private static void fuzz(String kernel) throws Exception {
        Lab lab = LabSupport.lab(kernel).withTimeout(Duration.ofMinutes(20));
        Path repo = lab.home().getParent();
        String other = System.getProperty("drbd.fuzz.kmod", "");
        Path kmod = other.isBlank() ? repo.resolve("kmod") : Path.of(other).toAbsolutePath();
        Path ko = buildModule(lab, kernel, kmod);
        Path fuzzer = buildFuzzer(lab, repo, kmod);
        int count = Integer.getInteger("drbd.fuzz.count", COUNT);
        String seed = System.getProperty("drbd.fuzz.seed", System.getenv("FUZZ_SEED"));
        GuestSpec spec = GuestSpec.ofFile(kernel, repo.resolve("kmod/tests/fuzz-guest.sh"))
                .withEnv("DRBD_REPO", repo.toString())
                .withEnv("DRBD_KMOD", kmod.toString())
                .withEnv("DRBD_KO", ko.toString())
                .withEnv("FUZZ_BIN", fuzzer.toString())
                .withEnv("FUZZ_COUNT", Integer.toString(count));
        if (seed != null && !seed.isBlank()) {
            spec = spec.withEnv("FUZZ_SEED", seed);
        }
        long t0 = System.nanoTime();
        LabResult r = lab.run(spec);
        String params = r.result(0, "params.txt").strip();
        System.out.printf("lab: fuzz on %s took %.1f s (%s)%n%s", kernel, (System.nanoTime() - t0) / 1e9,
                params, r.result(0, "times.txt"));
        r.assertSuccess();

        String tap = r.result(0, "fuzz.tap");
        assertFalse(tap.contains("not ok"), params + "\n" + tap);
        long ok = tap.lines().filter(l -> l.startsWith("ok ")).count();
        assertTrue(ok >= 35, "checks passed: " + ok + "\n" + tap);

        String root = r.result(0, "root.txt");
        String user = r.result(0, "user.txt");
        for (String family : List.of("drbd2", "drbd")) {
            assertTrue(root.contains("result " + family + " sent " + count + " "), root);
            assertTrue(user.contains("result " + family + " sent " + count + " "), user);
            String check = user.lines().filter(l -> l.startsWith("check " + family + " ")).findFirst()
                    .orElseThrow();
            // check FAMILY admin-ops-reached N eperm M violations 0 anomalies 0: on split-op
            // kernels (6.12, 7.2) a dump request of a do-only op gets EOPNOTSUPP instead
            String[] f = check.split(" ");
            assertTrue(Long.parseLong(f[5]) > count / 10, check);
            if (kernel.equals("6.1")) {
                assertEquals(f[3], f[5], "every admin op reached got EPERM: " + check);
            }
            assertEquals("0", f[7], "violations: " + check);
            assertEquals("0", f[9], "anomalies: " + check);
            System.out.printf("lab: %s root: %s%nlab: %s user: %s%n", family, histogram(root, family),
                    family, histogram(user, family));
        }
        assertFalse(r.result(0, "dmesg.txt").contains("BUG"), r.result(0, "dmesg.txt"));
    }

    /** "errno FAMILY NAME N" lines as NAME=N. */
    private static String histogram(String out, String family) {
        StringBuilder sb = new StringBuilder();
        out.lines().filter(l -> l.startsWith("errno " + family + " ")).forEach(l -> {
            String[] f = l.split(" ");
            sb.append(f[2]).append('=').append(f[3]).append(' ');
        });
        return sb.toString().strip();
    }

    private static Path buildModule(Lab lab, String kernel, Path src) throws Exception {
        return KmodBuild.of(lab, kernel, src).ko();
    }

    /** The fuzzer, with the host's gcc (the guest runs the host's userland). */
    private static Path buildFuzzer(Lab lab, Path repo, Path kmod) throws Exception {
        Path out = lab.home().resolve("target/fuzz/genl-fuzz");
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder("gcc", "-O2", "-Wall", "-Wextra", "-Werror",
                "-I", kmod.resolve("include/uapi").toString(),
                "-o", out.toString(), kmod.resolve("tests/fuzz/genl-fuzz.c").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "gcc did not finish");
        assertEquals(0, p.exitValue(), "gcc genl-fuzz.c:\n" + output);
        return out;
    }
}
