package io.drbdctl.adm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a unit test ({@code mvn -Pbench}): {@code -d up all} and {@code dump all} on
 * generated configurations of 1, 1000 and 10000 resources, Debian's drbdadm and ours (a fresh
 * JVM per run, as a user runs it, the two alternating run by run so that both see the same
 * machine), printed side by side: median wall time of {@code -Dbench.runs=N} runs (default 5),
 * the ratio, and the marginal cost per resource between 1000 and 10000, of the medians and of
 * the fastest runs (the least disturbed by other work on the machine). Ours runs through the launcher of {@code dist} (with its class-data sharing
 * archive) when it is built ({@code -Ddrbdctl.launcher=PATH}, default
 * {@code ../dist/target/drbdctl/bin/drbdadm}), else as a plain JVM with the launcher's flags.
 * The machine's load average is printed with the numbers: on a busy machine they mean little.
 */
@Tag("bench")
class BenchmarkTest {
    static final int[] SIZES = {1, 1000, 10000};

    @Test
    void sideBySide(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("drbdctl.test.groups", "").contains("bench"), "run with -Pbench");
        int runs = Integer.getInteger("bench.runs", 5);
        Path launcher = Path.of(System.getProperty("drbdctl.launcher", "../dist/target/drbdctl/bin/drbdadm"));
        List<String> ours;
        if (Files.isExecutable(launcher)) {
            ours = List.of(launcher.toAbsolutePath().normalize().toString());
        } else {
            ours = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName());
        }
        boolean ref = Files.isExecutable(Path.of(DifferentialTest.REFERENCE));
        System.out.println("drbdctl: " + String.join(" ", ours.size() == 1 ? ours : ours.subList(0, 5)));
        System.out.printf("%-10s %6s %13s %12s %7s   (median of %d, load %s)%n", "command", "n", "reference ms",
                "drbdctl ms", "ratio", runs, load());
        for (String cmd : new String[] {"-d up all", "dump all"}) {
            double[][] r = new double[SIZES.length][];
            double[][] o = new double[SIZES.length][];
            for (int i = 0; i < SIZES.length; i++) {
                Path f = generate(dir, SIZES[i]);
                List<String> args = new ArrayList<>(List.of("-c", f.toString()));
                args.addAll(List.of(cmd.split(" ")));
                List<String> refCmd = new ArrayList<>(List.of(DifferentialTest.REFERENCE));
                refCmd.addAll(args);
                List<String> ourCmd = new ArrayList<>(ours);
                ourCmd.addAll(args);
                r[i] = new double[runs];
                o[i] = new double[runs];
                for (int k = 0; k < runs; k++) {
                    r[i][k] = ref ? time(refCmd, dir) : Double.NaN;
                    o[i][k] = time(ourCmd, dir);
                }
                Arrays.sort(r[i]);
                Arrays.sort(o[i]);
                System.out.printf("%-10s %6d %13.1f %12.1f %7.1f%n", cmd, SIZES[i], r[i][runs / 2], o[i][runs / 2],
                        o[i][runs / 2] / r[i][runs / 2]);
            }
            for (int at : new int[] {runs / 2, 0}) {
                double rs = (r[2][at] - r[1][at]) * 1000 / 9000;
                double os = (o[2][at] - o[1][at]) * 1000 / 9000;
                System.out.printf("%-10s slope 1000..10000 (%s): reference %.1f us/resource, drbdctl %.1f"
                        + " us/resource, ratio %.1f%n", cmd, at == 0 ? "fastest runs" : "medians", rs, os, os / rs);
            }
        }
        System.out.println("load after: " + load());
    }

    /** Resources of two hosts each; IP verification off, so that dump really dumps. */
    static Path generate(Path dir, int n) throws Exception {
        Path f = dir.resolve("bench-" + n + ".res");
        StringBuilder b = new StringBuilder("global { disable-ip-verification; }\n");
        for (int i = 0; i < n; i++) {
            String ip = (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255);
            b.append("resource r").append(i).append(" { device minor ").append(i).append("; disk /dev/vg/r").append(i)
                    .append("; meta-disk internal;\n on alpha { address 10.").append(ip).append(":7000; node-id 0; }\n")
                    .append(" on beta { address 11.").append(ip).append(":7000; node-id 1; } }\n");
        }
        Files.writeString(f, b);
        return f;
    }

    /** Wall-clock time of one run in milliseconds. */
    static double time(List<String> cmd, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(new File(dir.toFile(), "out.txt"));
        pb.environment().putAll(Map.of("__DRBD_NODE__", "alpha", "DRBD_DRIVER_VERSION_OVERRIDE", "9.2.0"));
        long start = System.nanoTime();
        pb.start().waitFor();
        return (System.nanoTime() - start) / 1e6;
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
