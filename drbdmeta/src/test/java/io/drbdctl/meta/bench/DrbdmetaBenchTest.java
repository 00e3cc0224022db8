package io.drbdctl.meta.bench;

import io.drbdctl.meta.support.Ours;
import io.drbdctl.meta.support.Reference;
import io.drbdctl.meta.support.RunResult;
import io.drbdctl.meta.support.Scratch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Benchmark, not a unit test (run with {@code mvn -Pbench}): create-md and dump-md on a 16 TiB
 * sparse device (ext4's largest file, 16 TiB - 4 KiB), ours vs the reference, printed as ratios.
 * "ours in-process" is how drbdadm calls us; "ours new JVM" includes the JVM start.
 */
@Tag("bench")
class DrbdmetaBenchTest {
    private static final long SIZE = (16L << 40) - 4096;
    private static final int ROUNDS = 3;

    @Test
    void createAndDump16TiB() throws Exception {
        assumeTrue(Reference.available(), Reference.SKIP_REASON);
        try (Scratch s = new Scratch("bench")) {
            Ours ours = new Ours(s.dir().resolve("state"));
            Path ref = s.sparse("ref.img", SIZE);
            Path our = s.sparse("our.img", SIZE);
            String[] create = {"--force", "217", "v09", "DEV", "internal", "create-md", "1"};
            String[] dump = {"--force", "217", "v09", "DEV", "internal", "dump-md"};
            report("create-md", bench(ref, create, null), bench(our, create, ours), benchJvm(our, create));

            // give the metadata the full size so dump-md walks the whole 512 MiB bitmap
            Path in = s.dir().resolve("full.txt");
            String d = ours.run(with(our, dump)).out();
            Files.writeString(in, d.substring(0, d.indexOf("# bm-bytes"))
                    .replaceFirst("la-size-sect 0;", "la-size-sect 99999999999;") + "bitmap[0] {\n}\n");
            String[] restore = {"--force", "217", "v09", "DEV", "internal", "restore-md", in.toString()};
            assertEquals(0, Reference.run(with(ref, restore)).rc());
            assertEquals(0, ours.run(with(our, restore)).rc());
            report("dump-md", bench(ref, dump, null), bench(our, dump, ours), benchJvm(our, dump));
        } finally {
            Reference.cleanup(217);
        }
    }

    private static String[] with(Path dev, String[] a) {
        String[] r = a.clone();
        for (int i = 0; i < r.length; i++) {
            if (r[i].equals("DEV")) {
                r[i] = dev.toString();
            }
        }
        return r;
    }

    /** Best of ROUNDS wall-clock milliseconds; reference when {@code ours} is null. */
    private static double bench(Path dev, String[] args, Ours ours) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            RunResult r = ours == null ? Reference.run(with(dev, args)) : ours.run(with(dev, args));
            long t1 = System.nanoTime();
            assertEquals(0, r.rc(), r.err());
            best = Math.min(best, (t1 - t0) / 1e6);
        }
        return best;
    }

    private static double benchJvm(Path dev, String[] args) throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.drbdctl.meta.Main"));
            cmd.addAll(List.of(with(dev, args)));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("DRBD_LOCK_DIR", dev.getParent().resolve("state/lock").toString());
            pb.environment().put("DRBD_LIB_DIR", dev.getParent().resolve("state/lib").toString());
            long t0 = System.nanoTime();
            int rc = pb.start().waitFor();
            long t1 = System.nanoTime();
            assertEquals(0, rc);
            best = Math.min(best, (t1 - t0) / 1e6);
        }
        return best;
    }

    private static void report(String what, double ref, double ours, double oursJvm) {
        System.out.printf("BENCH %-9s 16 TiB: reference %8.1f ms | ours in-process %8.1f ms (ratio ours/ref %.2f)"
                + " | ours new JVM %8.1f ms (ratio %.2f)%n", what, ref, ours, ours / ref, oursJvm, oursJvm / ref);
    }
}
