package io.drbdctl.adm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded-time mutation fuzzing of whole drbdadm runs: no stack trace, only known exit codes. */
class FuzzMainTest {
    static final String[][] COMMANDS = {{"dump"}, {"-d", "up", "all"}, {"-d", "adjust", "all"}, {"sh-dev", "all"},
        {"-d", "attach", "all"}, {"validate"}};
    static final Set<Integer> CODES = Set.of(0, 1, 10, 20);

    @Test
    void mutatedCorpusNeverCrashes(@TempDir Path dir) throws Exception {
        List<Path> corpus;
        try (Stream<Path> s = Files.list(DifferentialTest.CORPUS)) {
            corpus = s.filter(p -> p.toString().endsWith(".res")).sorted().toList();
        }
        Random rnd = new Random(7);
        long end = System.nanoTime() + Long.getLong("fuzz.seconds", 5L) * 1_000_000_000L;
        Path f = dir.resolve("fuzz.res");
        int runs = 0;
        while (System.nanoTime() < end) {
            StringBuilder b = new StringBuilder(Files.readString(corpus.get(rnd.nextInt(corpus.size()))));
            for (int i = 0, n = 1 + rnd.nextInt(3); i < n && b.length() > 0; i++) {
                int pos = rnd.nextInt(b.length());
                switch (rnd.nextInt(4)) {
                    case 0 -> b.deleteCharAt(pos);
                    case 1 -> b.insert(pos, "{};:[]\"#x9".charAt(rnd.nextInt(10)));
                    case 2 -> b.delete(pos, Math.min(b.length(), pos + rnd.nextInt(20)));
                    default -> {
                        int from = rnd.nextInt(b.length());
                        b.insert(pos, b.substring(from, Math.min(b.length(), from + 15)));
                    }
                }
            }
            Files.writeString(f, b.toString());
            String[] cmd = COMMANDS[rnd.nextInt(COMMANDS.length)];
            String[] argv = Stream.concat(Stream.of("-c", f.toString()), Stream.of(cmd)).toArray(String[]::new);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = Main.run(argv, Map.of("__DRBD_NODE__", rnd.nextBoolean() ? "alpha" : "testnode"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String e = err.toString(StandardCharsets.UTF_8);
            assertFalse(e.contains("internal error") || e.contains("Exception"), b + "\n" + e);
            assertTrue(CODES.contains(rc), "exit " + rc + " for\n" + b);
            runs++;
        }
        assertTrue(runs > 0);
    }
}
