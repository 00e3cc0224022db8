package io.drbdctl.meta;

import io.drbdctl.meta.al.AlTransaction;
import io.drbdctl.meta.format.Layout;
import io.drbdctl.meta.format.MetaIndex;
import io.drbdctl.meta.support.Pair;
import io.drbdctl.meta.support.Workspace;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.drbdctl.meta.support.RunResult;
import io.drbdctl.meta.support.Scratch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * apply-al on hand-made activity logs (striping, ring wrap-around, context and update entries,
 * extents beyond the bitmap): identical messages and identical bitmap/AL/superblock bytes.
 */
class ApplyAlDifferentialTest {
    private static final long MIB = 1L << 20;
    @RegisterExtension
    final Workspace ws = new Workspace("al", 216);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("v09", 2, 1, 8, 0x13, 2, 1L),
                Arguments.of("v09", 3, 2, 16, 0x13, 5, 2L),
                Arguments.of("v09", 1, 1, 8, 0x13, 12, 3L),
                Arguments.of("v09", 7, 4, 8, 0x13, 40, 4L),
                Arguments.of("v09", 2, 1, 8, 0x11, 3, 5L),
                Arguments.of("v08", 1, 1, 8, 0x13, 4, 6L),
                Arguments.of("v08", 1, 1, 8, 0x13, 11, 7L));
    }

    @ParameterizedTest(name = "{0} peers={1} AL {2}x{3} flags={4} transactions={5}")
    @MethodSource("cases")
    void applyAlIsIdentical(String v, int peers, int stripes, int size4k, int flags, int transactions, long seed)
            throws Exception {
        long size = 512 * MIB;
        Pair p = ws.pair(size);
        String base = "MINOR " + v + " DEV internal ";
        String create = base + "create-md " + (v.equals("v09") ? peers + " " : "") + "--al-stripes " + stripes
                + " --al-stripe-size-kB " + size4k * 4;
        assertEquals(0, p.ref(create).rc());
        assertEquals(0, p.our(create).rc());
        String dump = p.ref(base + "dump-md").out();
        long la = 1_000_000;
        String state = dump.substring(0, dump.indexOf("# bm-bytes")).replaceFirst("la-size-sect 0;", "la-size-sect " + la + ";");
        if (v.equals("v09")) {
            state = state.replaceFirst("\nflags 0x00000080;", String.format("%nflags 0x%08X;", flags));
        }
        StringBuilder in = new StringBuilder(state);
        for (int s = 0; s < (v.equals("v09") ? peers : 1); s++) {
            in.append(v.equals("v09") ? "bitmap[" + s + "] {\n 3 times 0x00000000000000F0;\n}\n" : "bm {\n}\n");
        }
        Path input = ws.dir().resolve("in.txt");
        Files.writeString(input, in.toString());
        assertEquals(0, p.ref(base + "restore-md " + input).rc());
        assertEquals(0, p.our(base + "restore-md " + input).rc());
        if (v.equals("v08")) {
            // v08 dumps carry no flags (9.22); set primary etc. through set-gi
            assertEquals(0, p.ref(base + "set-gi ::::1:1:1:0:0:0:0").rc());
            assertEquals(0, p.our(base + "set-gi ::::1:1:1:0:0:0:0").rc());
        }

        Layout l = Layout.compute(new MetaIndex.Internal(), size, v.equals("v09") ? peers : 1, stripes, size4k, 4096);
        Random r = new Random(seed);
        int mx = stripes * size4k;
        int first = r.nextInt(1000);
        long maxExtent = la / 8 / 1024 + 3;
        for (int i = 0; i < transactions; i++) {
            int tr = first + i;
            List<Integer> slots = new ArrayList<>();
            List<Integer> ext = new ArrayList<>();
            int n = 1 + r.nextInt(4);
            for (int j = 0; j < n; j++) {
                slots.add(r.nextInt(61));
                ext.add(r.nextInt((int) maxExtent));
            }
            List<Integer> ctx = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                ctx.add(r.nextBoolean() ? -1 : r.nextInt((int) maxExtent));
            }
            byte[] block = new AlTransaction(tr, AlTransaction.TYPE_UPDATE, slots, ext, 61, (i * 5) % 61, ctx).encode();
            long at = l.alAbs() + (long) AlTransaction.blockFor(tr, stripes, size4k) * AlTransaction.BLOCK;
            Scratch.write(p.ref, at, block);
            Scratch.write(p.our, at, block);
        }
        assertEquals(mx, l.alBlocks());
        RunResult ra = p.ref(base + "apply-al");
        RunResult oa = p.our(base + "apply-al");
        assertEquals(ra, oa);
        assertEquals((flags & 2) != 0, oa.err().contains("as out-of-sync based on AL"), oa.err());
        long start = l.regionStart();
        assertEquals("", Scratch.firstDiff(p.ref, p.our, start, size - start));
        RunResult rd = p.ref(base + "dump-md");
        RunResult od = p.our(base + "dump-md");
        assertEquals(rd.err(), od.err());
        assertEquals(rd.dumpBody(), od.dumpBody());
    }
}
