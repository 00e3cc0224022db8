package io.drbdctl.meta;

import io.drbdctl.meta.support.DumpGen;
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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * restore-md of synthetic dumps (state, bitmap runs and odd values) by the reference and by us:
 * identical bytes, identical dump-md output, and our restore of the reference's dump gives back
 * the same bytes.
 */
class DumpRestoreDifferentialTest {
    private static final long MIB = 1L << 20;
    @RegisterExtension
    final Workspace ws = new Workspace("restore", 212);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("v09", "internal", 1024 * MIB, "3", 2_000_000L, 100),
                Arguments.of("v09", "internal", 256 * MIB, "1", 524_000L, 100),
                Arguments.of("v09", "internal", 512 * MIB, "7", 900_000L, 100),
                Arguments.of("v09", "internal", 512 * MIB, "5", 1_000_000L, 40),
                Arguments.of("v09", "internal", 256 * MIB, "2", 8L, 100),
                Arguments.of("v08", "internal", 256 * MIB, "", 524_000L, 100),
                Arguments.of("v08", "internal", 256 * MIB, "", 300_000L, 50),
                Arguments.of("v09", "1", 300 * MIB, "2", 3_000_000L, 100),
                Arguments.of("v08", "0", 300 * MIB, "", 1_000_000L, 100),
                Arguments.of("v09", "flex-external", 64 * MIB, "3", 10_000_000L, 100),
                Arguments.of("v09", "internal", 128 * MIB + 12345, "6", 25_316L, -1),
                Arguments.of("v09", "internal", 256 * MIB + 12345, "9", 363_862L, -1),
                Arguments.of("v09", "internal", 512 * MIB + 512, "13", 99_810L, -1),
                Arguments.of("v09", "internal", 1024 * MIB + 12345, "2", 1_252_938L, -1));
    }

    @ParameterizedTest(name = "{0} {1} {2} bytes peers={3} la={4} fill={5}%")
    @MethodSource("cases")
    void restoreAndDumpAreIdentical(String v, String index, long size, String peers, long la, int fill)
            throws Exception {
        Pair p = ws.pair(size);
        String base = "MINOR " + v + " DEV " + index + " ";
        assertEquals(0, p.ref(base + "create-md " + peers).rc());
        assertEquals(0, p.our(base + "create-md " + peers).rc());
        String fresh = p.ref(base + "dump-md").out();
        Path input = ws.dir().resolve("input.txt");
        Files.writeString(input, DumpGen.generate(fresh, la, fill, la ^ fill));

        RunResult r = p.ref(base + "restore-md " + input);
        RunResult o = p.our(base + "restore-md " + input);
        assertEquals(r, o);
        assertEquals(0, o.rc(), o.err());
        assertRegionsEqual(p, size, index);
        if (v.equals("v08")) {
            // 9.22 dumps v08 flags as 0, so the restored metadata is "unclean" until apply-al
            RunResult ru = p.ref(base + "dump-md");
            RunResult ou = p.our(base + "dump-md");
            assertEquals(ru.rc(), ou.rc());
            assertEquals(ru.err(), ou.err());
            assertEquals(ru.dumpBody(), ou.dumpBody());
            assertEquals(p.ref(base + "apply-al"), p.our(base + "apply-al"));
            assertRegionsEqual(p, size, index);
        }

        RunResult rd = p.ref(base + "dump-md");
        RunResult od = p.our(base + "dump-md");
        assertEquals(rd.rc(), od.rc());
        assertEquals(rd.err(), od.err());
        assertEquals(rd.dumpBody(), od.dumpBody());

        RunResult rv = p.ref(base + "verify-dump " + input);
        RunResult ov = p.our(base + "verify-dump " + input);
        assertEquals(rv, ov);

        // round trip: our restore of the reference's own dump reproduces the same bytes
        Path refDump = ws.dir().resolve("refdump.txt");
        Files.writeString(refDump, rd.out());
        RunResult again = p.our(base + "restore-md " + refDump);
        assertEquals(0, again.rc(), again.err());
        if (v.equals("v08")) {
            assertEquals(0, p.our(base + "apply-al").rc());
        }
        assertRegionsEqual(p, size, index);
        for (String cmd : new String[] {"get-gi --node-id 1", "show-gi --node-id 1", "dstate", "read-dev-uuid"}) {
            assertEquals(p.ref(base + cmd), p.our(base + cmd), cmd);
        }
    }

    static void assertRegionsEqual(Pair p, long size, String index) {
        long start = index.equals("internal") ? Math.max(0, size - 8 * MIB) : 0;
        long len = Math.min(size - start, index.equals("internal") ? 8 * MIB : 130 * MIB);
        if (index.equals("1")) {
            start = 128 * MIB;
            len = 128 * MIB;
        }
        assertEquals("", Scratch.firstDiff(p.ref, p.our, start, len), "metadata bytes differ");
    }
}
