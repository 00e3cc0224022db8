package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance C: the tiny test module (test resources, testmod/) builds against the 6.1, 6.12
 * and 7.2 headers (7.2 in the sid chroot), loads in a guest of that kernel, registers its
 * generic netlink family, and unloads again.
 */
@Tag("lab")
class TestModuleGuestTest {

    private static final String SCRIPT = """
            set -euo pipefail
            . "$LAB_LIB"
            lab_insmod "$LAB_KO"
            grep '^labtest ' /proc/modules > "$LAB_RESULTS/modules-loaded.txt"
            "$LAB_JAVA" $LAB_JAVA_OPTS -cp "$LAB_CP" io.drbdctl.netlink.cli.GenlFamilies labtest | tee "$LAB_RESULTS/genl.txt"
            rmmod labtest
            if grep -q '^labtest ' /proc/modules; then echo "labtest still loaded"; exit 1; fi
            dmesg | grep 'labtest:' > "$LAB_RESULTS/dmesg.txt"
            test -d /sys/module/labtest && exit 1
            echo unloaded > "$LAB_RESULTS/unloaded"
            """;

    @ParameterizedTest(name = "kernel {0}")
    @ValueSource(strings = {"6.1", "6.12", "7.2"})
    @Timeout(600)
    void testModuleBuildsLoadsAndUnloads(String kernel) throws Exception {
        Lab lab = LabSupport.lab(kernel);
        Path src = testmodSource();
        // not under /tmp: the guest has its own /tmp and sees the host's other paths
        Path out = lab.home().resolve("target/lab-modules/labtest-" + kernel);
        deleteTree(out);
        long t0 = System.nanoTime();
        Path ko = lab.buildModule(kernel, src, out);
        long t1 = System.nanoTime();
        LabResult r = lab.run(GuestSpec.of(kernel, SCRIPT).withHostJava().withEnv("LAB_KO", ko.toString()));
        System.out.printf("lab: labtest module on %s: build %.1f s, guest %.1f s%n", kernel,
                (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
        r.assertSuccess();

        assertTrue(r.result(0, "modules-loaded.txt").startsWith("labtest "));
        String genl = r.result(0, "genl.txt");
        assertTrue(Pattern.compile("(?m)^family labtest id=\\d+ version=1 hdrsize=0 maxattr=1 ops=1$")
                .matcher(genl).find(), genl);
        assertTrue(Pattern.compile("(?m)^  mcast events id=\\d+$").matcher(genl).find(), genl);
        String dmesg = r.result(0, "dmesg.txt");
        assertTrue(dmesg.contains("labtest: registered generic netlink family labtest"), dmesg);
        assertTrue(dmesg.contains("labtest: unregistered"), dmesg);
        assertEquals("unloaded", r.result(0, "unloaded").strip());
    }

    static Path testmodSource() throws URISyntaxException {
        return Path.of(TestModuleGuestTest.class.getResource("/testmod/labtest.c").toURI()).getParent();
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
