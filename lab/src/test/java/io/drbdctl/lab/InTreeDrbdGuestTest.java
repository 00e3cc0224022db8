package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance A: in a 6.1 and a 7.2 guest the in-tree drbd.ko loads with its dependencies,
 * drbdsetup-84 creates a resource and a minor, and the project's Java netlink layer
 * resolves the drbd family and its multicast group.
 */
@Tag("lab")
class InTreeDrbdGuestTest {

    private static final String SCRIPT = """
            set -euo pipefail
            cat /proc/drbd > "$LAB_RESULTS/proc-drbd.txt"
            modinfo -F depends drbd > "$LAB_RESULTS/depends.txt"
            cut -d' ' -f1 /proc/modules > "$LAB_RESULTS/modules.txt"
            /lib/drbd/drbdsetup-84 new-resource r0
            /lib/drbd/drbdsetup-84 new-minor r0 0 0
            /lib/drbd/drbdsetup-84 show > "$LAB_RESULTS/show.txt"
            cat "$LAB_RESULTS/show.txt"
            # one JVM: the project's netlink layer asks nlctrl for the drbd family
            "$LAB_JAVA" $LAB_JAVA_OPTS -cp "$LAB_CP" io.drbdctl.netlink.cli.GenlFamilies drbd | tee "$LAB_RESULTS/genl.txt"
            /lib/drbd/drbdsetup-84 del-minor 0
            /lib/drbd/drbdsetup-84 del-resource r0
            """;

    @ParameterizedTest(name = "kernel {0}")
    @ValueSource(strings = {"6.1", "7.2"})
    @Timeout(600)
    void inTreeDrbdLoadsAndAnswers(String kernel) {
        Lab lab = LabSupport.lab(kernel);
        long t0 = System.nanoTime();
        LabResult r = lab.run(GuestSpec.of(kernel, SCRIPT).withModules("drbd").withHostJava());
        System.out.printf("lab: in-tree drbd on %s took %.1f s%n", kernel, (System.nanoTime() - t0) / 1e9);
        r.assertSuccess();

        assertTrue(r.result(0, "proc-drbd.txt").startsWith("version: 8.4.11"), r.result(0, "proc-drbd.txt"));
        List<String> loaded = r.result(0, "modules.txt").lines().toList();
        assertTrue(loaded.contains("drbd"), "drbd in /proc/modules");
        for (String dep : r.result(0, "depends.txt").strip().split(",")) {
            if (!dep.isBlank()) {
                assertTrue(loaded.contains(dep.strip()), "dependency " + dep + " loaded: " + loaded);
            }
        }
        assertTrue(loaded.contains("lru_cache"), "lru_cache loaded");
        if (kernel.equals("6.1")) {
            assertTrue(loaded.contains("libcrc32c") && loaded.contains("crc32c_generic"),
                    "libcrc32c and crc32c_generic loaded: " + loaded);
        }

        String show = r.result(0, "show.txt");
        assertTrue(show.contains("resource r0 {"), show);
        assertTrue(Pattern.compile("device\\s+minor 0;").matcher(show).find(), show);

        String genl = r.result(0, "genl.txt");
        assertTrue(Pattern.compile("(?m)^family drbd id=\\d+ version=1 hdrsize=8 maxattr=\\d+ ops=\\d+$")
                .matcher(genl).find(), genl);
        assertTrue(Pattern.compile("(?m)^  mcast events id=\\d+$").matcher(genl).find(), genl);
        assertEquals(0, r.exitCodes().get(0));
    }
}
