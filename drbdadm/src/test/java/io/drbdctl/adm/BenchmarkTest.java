package io.drbdctl.adm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a unit test ({@code mvn -Pbench}): {@code -d up all} and {@code dump all} on
 * generated configurations of 1, 1000 and 10000 resources, Debian's drbdadm and ours (a fresh
 * JVM per run, as a user runs it), printed side by side with the per-resource slope.
 */
@Tag("bench")
class BenchmarkTest {
    static final int[] SIZES = {1, 1000, 10000};

    @Test
    void sideBySide(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("drbdctl.test.groups", "").contains("bench"), "run with -Pbench");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        boolean ref = Files.isExecutable(Path.of(DifferentialTest.REFERENCE));
        System.out.printf("%-12s %7s %12s %12s%n", "command", "n", "reference ms", "drbdctl ms");
        for (String cmd : new String[] {"-d up all", "dump all"}) {
            double[] r = new double[SIZES.length];
            double[] o = new double[SIZES.length];
            for (int i = 0; i < SIZES.length; i++) {
                Path f = generate(dir, SIZES[i]);
                List<String> args = new ArrayList<>(List.of("-c", f.toString()));
                args.addAll(List.of(cmd.split(" ")));
                List<String> refCmd = new ArrayList<>(List.of(DifferentialTest.REFERENCE));
                refCmd.addAll(args);
                List<String> ourCmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", cp,
                        Main.class.getName()));
                ourCmd.addAll(args);
                r[i] = ref ? best(refCmd, dir) : Double.NaN;
                o[i] = best(ourCmd, dir);
                System.out.printf("%-12s %7d %12.1f %12.1f%n", cmd, SIZES[i], r[i], o[i]);
            }
            System.out.printf("%-12s slope 1000..10000: reference %.1f us/resource, drbdctl %.1f us/resource%n", cmd,
                    (r[2] - r[1]) * 1000 / 9000, (o[2] - o[1]) * 1000 / 9000);
        }
    }

    static Path generate(Path dir, int n) throws Exception {
        Path f = dir.resolve("bench-" + n + ".res");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String ip = (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255);
            b.append("resource r").append(i).append(" { device minor ").append(i).append("; disk /dev/vg/r").append(i)
                    .append("; meta-disk internal;\n on alpha { address 10.").append(ip).append(":7000; node-id 0; }\n")
                    .append(" on beta { address 11.").append(ip).append(":7000; node-id 1; } }\n");
        }
        Files.writeString(f, b);
        return f;
    }

    /** Best of three wall-clock runs in milliseconds. */
    static double best(List<String> cmd, Path dir) throws Exception {
        double best = Double.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(new File(dir.toFile(), "out.txt"));
            pb.environment().putAll(Map.of("__DRBD_NODE__", "alpha", "DRBD_DRIVER_VERSION_OVERRIDE", "9.2.0"));
            long t = System.nanoTime();
            pb.start().waitFor();
            best = Math.min(best, (System.nanoTime() - t) / 1e6);
        }
        return best;
    }
}
