package io.drbdctl.meta;

import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.Layout;
import io.drbdctl.meta.format.MetaIndex;
import io.drbdctl.meta.io.LastKnownFile;
import io.drbdctl.meta.support.Ours;
import io.drbdctl.meta.support.Pair;
import io.drbdctl.meta.support.Reference;
import io.drbdctl.meta.support.RunResult;
import io.drbdctl.meta.support.Scratch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * create-md on sparse files by the reference and by us: the whole metadata region, stdout, stderr,
 * exit status, the last-known-device file and the following dump-md must be identical.
 */
class CreateMdDifferentialTest {
    static final long MIB = 1L << 20;
    static final long GIB = 1L << 30;
    static final long TIB = 1L << 40;
    /** ext4 cannot hold a 16 TiB file; this is the largest size it accepts. */
    static final long SIXTEEN_TIB = 16 * TIB - 4096;

    private Scratch scratch;
    private Ours ours;

    @BeforeEach
    void setUp() {
        assumeTrue(Reference.available(), Reference.SKIP_REASON);
        scratch = new Scratch("create");
        ours = new Ours(scratch.dir().resolve("state"));
    }

    @AfterEach
    void tearDown() {
        if (scratch != null) {
            scratch.close();
        }
        Reference.cleanup(211);
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("v08", "internal", 64 * MIB, ""),
                Arguments.of("v09", "internal", 64 * MIB, "1"),
                Arguments.of("v09", "internal", 1 * GIB + 1536, "3"),
                Arguments.of("v09", "internal", 10 * GIB, "7"),
                Arguments.of("v08", "internal", 1 * TIB, ""),
                Arguments.of("v09", "internal", 2 * TIB, "3 --al-stripes 4 --al-stripe-size-kB 128"),
                Arguments.of("v09", "internal", SIXTEEN_TIB, "1"),
                Arguments.of("v08", "0", 300 * MIB, ""),
                Arguments.of("v08", "1", 300 * MIB, "--peer-max-bio-size 65536"),
                Arguments.of("v09", "2", 400 * MIB, "3"),
                Arguments.of("v09", "1", 300 * MIB, "7"),
                Arguments.of("v09", "0", 1 * TIB, "3"),
                Arguments.of("v08", "flex-external", 64 * MIB, ""),
                Arguments.of("v09", "flex-external", 16 * MIB, "1"),
                Arguments.of("v09", "flex-external", 1 * GIB, "7"),
                Arguments.of("v09", "flex-external", 1 * TIB, "3"));
    }

    @ParameterizedTest(name = "--initialize-bitmap={0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"automatic", "pwrite", "skip", "zeroout", "bogus"})
    void initializeBitmapModes(String mode) {
        Pair p = new Pair(scratch, ours, 256 * MIB, 211);
        // garbage in the bitmap area shows whether it was cleared
        byte[] junk = new byte[8192];
        java.util.Arrays.fill(junk, (byte) 0x5A);
        Scratch.write(p.ref, 256 * MIB - 4096 - 32768 - 16384, junk);
        Scratch.write(p.our, 256 * MIB - 4096 - 32768 - 16384, junk);
        String cmd = "MINOR v09 DEV internal create-md 2 --initialize-bitmap=" + mode;
        RunResult r = p.ref(cmd);
        RunResult o = p.our(cmd);
        assertEquals(r, o);
        if (r.rc() == 0) {
            assertEquals("", Scratch.firstDiff(p.ref, p.our, 255 * MIB, MIB));
        }
    }

    /** 9.22 refuses indexed metadata whose bitmap (sized from the whole device) exceeds the slot. */
    @org.junit.jupiter.api.Test
    void indexedOnHugeDeviceFailsLikeReference() {
        check(SIXTEEN_TIB, "MINOR v09 DEV 0 create-md 7", 211);
        check(2 * TIB, "MINOR v09 DEV 1 create-md 7", 213);
    }

    private void check(long size, String cmd, int minor) {
        Pair p = new Pair(scratch, ours, size, minor);
        RunResult r = p.ref(cmd);
        String before = Scratch.sha256(p.our, 0, 256L << 20);
        RunResult o = p.our(cmd);
        assertEquals(10, r.rc());
        assertEquals(r.rc(), o.rc());
        assertEquals(r.out(), o.out());
        assertEquals(r.err(), o.err());
        assertEquals(before, Scratch.sha256(p.our, 0, 256L << 20), "we must not write anything when refusing");
        Reference.cleanup(minor);
    }

    @ParameterizedTest(name = "{0} {1} {2} bytes, create-md {3}")
    @MethodSource("layouts")
    void createMdIsByteIdentical(String v, String index, long size, String args) throws Exception {
        Pair p = new Pair(scratch, ours, size, 211);
        String cmd = "MINOR " + v + " DEV " + index + " create-md " + args;
        RunResult r = p.ref(cmd);
        RunResult o = p.our(cmd);
        assertEquals(r, o);
        assertEquals(0, o.rc(), o.err());

        int peers = v.equals("v09") ? Integer.parseInt(args.split(" ")[0]) : 1;
        int stripes = args.contains("--al-stripes 4") ? 4 : 1;
        int size4k = args.contains("128") ? 32 : 8;
        Layout l = Layout.compute(MetaIndex.parse(index), size, peers, stripes, size4k, 4096);
        long start = l.regionStart();
        long len = Math.min(l.regionBytes(), size - start);
        if (!l.internal()) {
            // flex-external spans the whole device: compare superblock, AL, and the initialised
            // bitmap plus 1 MiB (the rest of a sparse device is untouched by both)
            long used = (long) l.bmOffset() * 512 + Layout.bitmapBytes(size / 512, peers, 4096) + MIB;
            len = Math.min(len, used);
        }
        assertEquals(Scratch.sha256(p.ref, start, len), Scratch.sha256(p.our, start, len),
                "metadata region [" + start + ", +" + len + ") differs");
        if (start > 4096) {
            assertEquals(Scratch.sha256(p.ref, start - 4096, 4096), Scratch.sha256(p.our, start - 4096, 4096));
        }

        Path refLk = Path.of("/var/lib/drbd/drbd-minor-211.lkbd");
        Path ourLk = LastKnownFile.pathFor(ours.libDir(), 211);
        assertEquals(Files.exists(refLk), Files.exists(ourLk), "last-known-device file presence");
        if (Files.exists(refLk)) {
            assertEquals(Files.readString(refLk).replace(p.ref.toString(), "<dev>"),
                    Files.readString(ourLk).replace(p.our.toString(), "<dev>"));
        }

        String dump = "MINOR " + v + " DEV " + index + " dump-md";
        RunResult rd = p.ref(dump);
        RunResult od = p.our(dump);
        assertEquals(rd.rc(), od.rc());
        assertEquals(rd.err(), od.err());
        assertEquals(rd.dumpBody(), od.dumpBody());
        assertEquals(FormatVersion.parse(v).label(), v);
    }
}
