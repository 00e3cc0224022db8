package io.drbdctl.config.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.config.diag.Diagnostic;
import io.drbdctl.config.dump.DumpWriter;
import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big file is read in pieces ({@link Chunks}, on two threads): the model and every diagnostic,
 * in order, are those of reading it in one go, for valid files and for random edits of them
 * (broken statements, strings, comments and braces anywhere, also across the cuts).
 */
class ChunkedReadTest {
    static final String[] PIECES = {"{", "}", ";", "\"", "#", "\n", "\\", "resource", "on", "volume", "skip",
        "-1", "include \"inc.res\";", "disk", "net", "}\n", ";\n", "\"\n"};

    static String config(int resources) {
        StringBuilder b = new StringBuilder("global { disable-ip-verification; }\n"
                + "common { net { protocol C; } disk { resync-rate 10M; } }\n");
        for (int i = 0; i < resources; i++) {
            b.append("# resource ").append(i).append(" \"quoted { in a comment\n");
            b.append("resource r").append(i).append(" { device minor ").append(i).append("; disk \"/dev/vg/r")
                    .append(i).append("\"; meta-disk internal;\n on alpha { address 10.0.").append(i / 250).append('.')
                    .append(i % 250).append(":7000; node-id 0; }\n on beta { address 11.0.").append(i / 250)
                    .append('.').append(i % 250).append(":7000; node-id 1; }\n");
            if (i % 7 == 3) {
                b.append(" connection { path { host alpha; host beta port 7001; } net { max-buffers 8k; } }\n");
            }
            if (i % 11 == 5) {
                b.append(" skip { x { y; } }\n handlers { split-brain \"a { b\"; }\n");
            }
            b.append("}\n");
            if (i == resources / 2) {
                b.append("include \"inc.res\";\n");
            }
        }
        return b.toString();
    }

    @Test
    void piecesReadAsTheWhole(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inc.res"), "resource inc { device minor 9999; disk /dev/x;\n"
                + " on alpha { address 10.9.9.9:7000; node-id 0; }\n on beta { address 11.9.9.9:7000; node-id 1; } }\n");
        String seed = config(60);
        assertTrue(Chunks.split(seed, 400).size() > 10, "the test file must make many pieces");
        long end = System.nanoTime() + Long.getLong("fuzz.seconds", 4L) * 1_000_000_000L;
        Random rnd = new Random(7);
        int n = 0;
        while (n < 20 || System.nanoTime() < end) {
            StringBuilder b = new StringBuilder(seed);
            int edits = n == 0 ? 0 : 1 + rnd.nextInt(3);
            for (int i = 0; i < edits; i++) {
                int pos = rnd.nextInt(b.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> b.deleteCharAt(pos);
                    case 1 -> b.insert(pos, PIECES[rnd.nextInt(PIECES.length)]);
                    default -> b.setCharAt(pos, (char) (32 + rnd.nextInt(95)));
                }
            }
            Path f = dir.resolve("big.res");
            Files.writeString(f, b);
            ParseResult whole = new ConfigLoader(OptionTable.load(), Dialect.V9, "alpha", Integer.MAX_VALUE / 4).load(f);
            ParseResult pieces = new ConfigLoader(OptionTable.load(), Dialect.V9, "alpha", 400).load(f);
            String what = "edit " + n + ":\n" + b;
            assertEquals(lines(whole.diagnostics()), lines(pieces.diagnostics()), what);
            assertEquals(whole.moduleRequirements(), pieces.moduleRequirements(), what);
            assertEquals(DumpWriter.dump(whole.config(), whole.config().resources(), "alpha"),
                    DumpWriter.dump(pieces.config(), pieces.config().resources(), "alpha"), what);
            n++;
        }
    }

    private static String lines(List<Diagnostic> ds) {
        StringBuilder b = new StringBuilder();
        ds.forEach(d -> b.append(d.format()).append('\n'));
        return b.toString();
    }
}
