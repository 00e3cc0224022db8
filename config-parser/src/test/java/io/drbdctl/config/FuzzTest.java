package io.drbdctl.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.drbdctl.config.dump.DumpWriter;
import io.drbdctl.config.parse.ParseResult;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bounded-time mutation fuzzer: random edits of a valid config never throw. */
class FuzzTest {
    static final String SEED = "global { usage-count no; }\ncommon { net { protocol C; } disk { resync-rate 10M; } }\n"
            + "resource r0 { device /dev/drbd1; disk /dev/vg/r0; meta-disk internal;\n"
            + " on alpha { address 10.0.0.1:7789; node-id 0; volume 1 { device minor 5; disk /dev/b; meta-disk /dev/m [1]; } }\n"
            + " on beta { address ipv6 [fd00::2]:7789; node-id 1; proxy on beta { inside 127.0.0.1:1; outside 1.1.1.1:2; } }\n"
            + " connection { path { host alpha; host beta port 7000; } net { max-buffers 8k; } volume 0 { disk { c-plan-ahead 0; } } }\n"
            + " connection-mesh { hosts alpha beta; } skip { x { y } } options { quorum 2; }\n"
            + " proxy { plugin { lz4 level 9; } } handlers { split-brain \"a b\"; } startup { wfc-timeout 5; } }\n";
    static final String[] PIECES = {"{", "}", ";", "[", "]", ":", "on", "resource", "\"", "#", "\n", "volume", "-1",
        "999999999999", "ipv6", "[::1]", "no-", "_this_host", "floating", "include \"*\";", "skip", "disk", "net"};

    @Test
    void mutationsNeverThrow() {
        long end = System.nanoTime() + Long.getLong("fuzz.seconds", 8L) * 1_000_000_000L;
        Random rnd = new Random(42);
        int n = 0;
        while (System.nanoTime() < end) {
            StringBuilder b = new StringBuilder(SEED);
            int edits = 1 + rnd.nextInt(4);
            for (int i = 0; i < edits; i++) {
                int pos = rnd.nextInt(b.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> b.deleteCharAt(pos);
                    case 1 -> b.insert(pos, PIECES[rnd.nextInt(PIECES.length)]);
                    default -> b.setCharAt(pos, (char) (32 + rnd.nextInt(95)));
                }
            }
            ParseResult r = ParseTest.parse(b.toString());
            assertNotNull(DumpWriter.dump(r.config(), r.config().resources(), "alpha"));
            n++;
        }
        assertNotNull(n > 0 ? "ran " + n : null);
    }
}
