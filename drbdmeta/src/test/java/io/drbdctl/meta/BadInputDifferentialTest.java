package io.drbdctl.meta;

import io.drbdctl.meta.support.Ours;
import io.drbdctl.meta.support.Pair;
import io.drbdctl.meta.support.Reference;
import io.drbdctl.meta.support.RunResult;
import io.drbdctl.meta.support.Scratch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bad input: the reference and we give the same exit status and messages, and neither changes a
 * byte of the device (checksummed before and after).
 */
class BadInputDifferentialTest {
    private static final long MIB = 1L << 20;
    private static final long SB = 256 * MIB - 4096;
    private Scratch scratch;
    private Ours ours;

    @BeforeEach
    void setUp() {
        assumeTrue(Reference.available(), Reference.SKIP_REASON);
        scratch = new Scratch("bad");
        ours = new Ours(scratch.dir().resolve("state"));
    }

    @AfterEach
    void tearDown() {
        if (scratch != null) {
            scratch.close();
        }
        Reference.cleanup(215);
    }

    /** Device preparation: size, then a step applied to both files. */
    record Setup(long size, String createSpec, Consumer<Path> corrupt) {
        static Setup zero(long size) {
            return new Setup(size, null, p -> { });
        }

        static Setup md(long size, String create) {
            return new Setup(size, create, p -> { });
        }

        Setup then(Consumer<Path> c) {
            return new Setup(size, createSpec, corrupt.andThen(c));
        }
    }

    static Consumer<Path> put(long off, int value) {
        return p -> Scratch.write(p, off, ByteBuffer.allocate(4).putInt(value).array());
    }

    static Consumer<Path> truncate(long size) {
        return p -> {
            try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                f.setLength(size);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** A minimal ext4-like superblock claiming {@code blocks} 4 KiB blocks, with a journal. */
    static Consumer<Path> ext(long blocks) {
        return p -> {
            ByteBuffer b = ByteBuffer.allocate(1024).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.putInt(4, (int) blocks);
            b.putInt(24, 2);
            b.putShort(56, (short) 0xEF53);
            b.putInt(92, 4);
            Scratch.write(p, 1024, b.array());
        };
    }

    static Consumer<Path> swap() {
        return p -> Scratch.write(p, 4086, "SWAPSPACE2".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static Stream<Arguments> cases() {
        Setup v09 = Setup.md(256 * MIB, "MINOR v09 DEV internal create-md 2");
        Setup v08 = Setup.md(256 * MIB, "MINOR v08 DEV internal create-md");
        Setup ext09 = Setup.md(300 * MIB, "MINOR v09 DEV 1 create-md 1");
        Setup zero = Setup.zero(256 * MIB);
        return Stream.of(
                Arguments.of("too small internal dump", Setup.zero(2048), "MINOR v09 DEV internal dump-md"),
                Arguments.of("too small internal create", Setup.zero(64 * 1024), "MINOR v09 DEV internal create-md 1"),
                Arguments.of("too small indexed create", Setup.zero(4096), "MINOR v09 DEV 0 create-md 1"),
                Arguments.of("too small v08 create", Setup.zero(66 * 1024), "MINOR v08 DEV internal create-md"),
                Arguments.of("no metadata dump", zero, "MINOR v09 DEV internal dump-md"),
                Arguments.of("no metadata get-gi", zero, "MINOR v09 DEV internal get-gi --node-id 0"),
                Arguments.of("no metadata show-gi", zero, "MINOR v08 DEV internal show-gi"),
                Arguments.of("no metadata dstate", zero, "MINOR v09 DEV internal dstate"),
                Arguments.of("no metadata apply-al", zero, "MINOR v08 DEV internal apply-al"),
                Arguments.of("no metadata outdate", zero, "MINOR v09 DEV internal outdate"),
                Arguments.of("no metadata invalidate", zero, "MINOR v09 DEV internal invalidate"),
                Arguments.of("no metadata read-dev-uuid", zero, "MINOR v09 DEV internal read-dev-uuid"),
                Arguments.of("no metadata write-dev-uuid", zero, "MINOR v09 DEV internal write-dev-uuid 1234"),
                Arguments.of("no metadata set-gi", zero, "MINOR v08 DEV internal set-gi 1:2:3:4"),
                Arguments.of("no metadata wipe-md", zero, "MINOR v09 DEV internal wipe-md"),
                Arguments.of("no metadata check-resize", zero, "MINOR v09 DEV internal check-resize"),
                Arguments.of("corrupted magic dump", v09.then(put(SB + 0x3C, 0x8374FFFF)), "MINOR v09 DEV internal dump-md"),
                Arguments.of("corrupted magic get-gi", v08.then(put(SB + 0x3C, 0x12345678)), "MINOR v08 DEV internal get-gi"),
                Arguments.of("corrupted magic apply-al", v09.then(put(SB + 0x3C, 0)), "MINOR v09 DEV internal apply-al"),
                Arguments.of("wrong version v08 as v09", v08, "MINOR v09 DEV internal dump-md"),
                Arguments.of("wrong version v09 as v08", v09, "MINOR v08 DEV internal get-gi"),
                Arguments.of("wrong version outdate", v09, "MINOR v08 DEV internal outdate"),
                Arguments.of("bad al_offset v09", v09.then(put(SB + 0x44, 16)), "MINOR v09 DEV internal dump-md"),
                Arguments.of("bad bm_offset v09", v09.then(put(SB + 0x4C, -65536)), "MINOR v09 DEV internal get-gi --node-id 1"),
                Arguments.of("bad md_size v08", v08.then(put(SB + 0x40, 1 << 20)), "MINOR v08 DEV internal dump-md"),
                Arguments.of("bad al stripes v08", v08.then(put(SB + 0x58, 2)), "MINOR v08 DEV internal dump-md"),
                Arguments.of("bad bm_bytes_per_bit v08", v08.then(put(SB + 0x50, 8192)), "MINOR v08 DEV internal dstate"),
                Arguments.of("bad al_offset external", ext09.then(put(128 * MIB + 0x44, 16)), "MINOR v09 DEV 1 dump-md"),
                Arguments.of("bad bm_offset external", ext09.then(put(128 * MIB + 0x4C, 256)), "MINOR v09 DEV 1 dump-md"),
                Arguments.of("bad stripes external", ext09.then(put(128 * MIB + 0x60, 2)), "MINOR v09 DEV 1 outdate"),
                Arguments.of("truncated internal", v09.then(truncate(200 * MIB)), "MINOR v09 DEV internal dump-md"),
                Arguments.of("truncated indexed", ext09.then(truncate(130 * MIB)), "MINOR v09 DEV 1 dump-md"),
                Arguments.of("truncated indexed get-gi", ext09.then(truncate(128 * MIB + 2048)), "MINOR v09 DEV 1 get-gi --node-id 0"),
                Arguments.of("max-peers missing", zero, "MINOR v09 DEV internal create-md"),
                Arguments.of("max-peers 32", zero, "MINOR v09 DEV internal create-md 32"),
                Arguments.of("max-peers 0", zero, "MINOR v09 DEV internal create-md 0"),
                Arguments.of("max-peers abc", zero, "MINOR v09 DEV internal create-md abc"),
                Arguments.of("al-stripes 0", zero, "MINOR v09 DEV internal create-md 1 --al-stripes 0"),
                Arguments.of("al-stripes huge", zero, "MINOR v09 DEV internal create-md 1 --al-stripes 100000"),
                Arguments.of("al-stripe-size 3k", zero, "MINOR v09 DEV internal create-md 1 --al-stripe-size-kB 3"),
                Arguments.of("peer-max-bio-size 2M", zero, "MINOR v09 DEV internal create-md 1 --peer-max-bio-size 2M"),
                Arguments.of("unknown option", zero, "MINOR v09 DEV internal create-md 1 --bogus"),
                Arguments.of("unknown format", zero, "MINOR v10 DEV internal create-md 1"),
                Arguments.of("unknown command", v09, "MINOR v09 DEV internal frobnicate"),
                Arguments.of("bad index 256", zero, "MINOR v09 DEV 256 create-md 1"),
                Arguments.of("bad index word", zero, "MINOR v09 DEV foo dump-md"),
                Arguments.of("too few arguments", zero, "MINOR v09 DEV"),
                Arguments.of("node-id 32", v09, "MINOR v09 DEV internal get-gi --node-id 32"),
                Arguments.of("node-id word", v09, "MINOR v09 DEV internal get-gi --node-id x"),
                Arguments.of("get-gi without node-id", v09, "MINOR v09 DEV internal get-gi"),
                Arguments.of("show-gi without node-id", v09, "MINOR v09 DEV internal show-gi"),
                Arguments.of("forget-peer without node-id", v09, "MINOR v09 DEV internal forget-peer"),
                Arguments.of("set-gi bad flag", v09, "MINOR v09 DEV internal set-gi --node-id 0 ::::7"),
                Arguments.of("set-gi missing gi", v09, "MINOR v09 DEV internal set-gi --node-id 0"),
                Arguments.of("write-dev-uuid missing", v09, "MINOR v09 DEV internal write-dev-uuid"),
                Arguments.of("restore-md missing file", v09, "MINOR v09 DEV internal restore-md /nonexistent/dump.txt"),
                Arguments.of("verify-dump missing file", v09, "MINOR v09 DEV internal verify-dump /nonexistent/dump.txt"),
                Arguments.of("not a block device", v09, "NOFORCE MINOR v09 DEV internal dump-md"),
                Arguments.of("not a block device create", zero, "NOFORCE MINOR v08 DEV internal create-md"),
                Arguments.of("ext fs over whole device", zero.then(ext(65536)), "MINOR v09 DEV internal create-md 1"),
                Arguments.of("ext fs on flex-external", Setup.zero(64 * MIB).then(ext(1024)), "MINOR v09 DEV flex-external create-md 1"),
                Arguments.of("ext fs on indexed", Setup.zero(300 * MIB).then(ext(1024)), "MINOR v08 DEV 0 create-md"),
                Arguments.of("swap signature internal", zero.then(swap()), "MINOR v09 DEV internal create-md 1"),
                Arguments.of("swap on flex-external", Setup.zero(64 * MIB).then(swap()), "MINOR v08 DEV flex-external create-md"),
                Arguments.of("AL does not fit", Setup.zero(69632),
                        "MINOR v09 DEV internal create-md 2 --al-stripes 3 --al-stripe-size-kB 48"),
                Arguments.of("AL does not fit odd size", Setup.zero(131071),
                        "MINOR v09 DEV internal create-md 2 --al-stripes 3 --al-stripe-size-kB 48"),
                Arguments.of("indexed slot beyond device", Setup.zero(300 * MIB), "MINOR v09 DEV 3 dump-md"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void sameErrorAndNoBytesChanged(String name, Setup setup, String cmd) {
        Pair p = new Pair(scratch, ours, setup.size(), 215);
        if (setup.createSpec() != null) {
            assertEquals(0, p.our(setup.createSpec()).rc());
            assertEquals(0, p.ref(setup.createSpec()).rc());
        }
        setup.corrupt().accept(p.ref);
        setup.corrupt().accept(p.our);
        String refBefore = Scratch.fingerprint(p.ref);
        String ourBefore = Scratch.fingerprint(p.our);
        RunResult r = p.ref(cmd);
        RunResult o = p.our(cmd);
        assertEquals(r, o);
        assertFalse(o.err().contains("Exception"), "no Java exception text");
        assertEquals(refBefore, Scratch.fingerprint(p.ref), "reference changed the device");
        assertEquals(ourBefore, Scratch.fingerprint(p.our), "we changed the device");
    }

    static Stream<Arguments> brokenDumps() {
        return Stream.of(
                Arguments.of("max-peers 2;", "max-peers 3;"),
                Arguments.of("current-uuid 0x0000000000000004;", "current-uuid 0x04;"),
                Arguments.of("node-id -1;", "node-id -1"),
                Arguments.of("version \"v09\";", "version \"v08\";"),
                Arguments.of("peer[5]", "peer[44]"),
                Arguments.of("peer[5]", "peer[4]"),
                Arguments.of("bm-byte-per-bit 4096;", "bm-byte-per-bit 1000;"),
                Arguments.of("bitmap[1]", "bitmap[0]"),
                Arguments.of("node-id", "nodeid"),
                Arguments.of("bitmap[1] {", "bitmap[1] { 0x12345678;"),
                Arguments.of("bitmap[1] {", "bitmap[1] { 5 times;"),
                Arguments.of("la-size-sect 0;", "la-size-sect 100000; garbage"));
    }

    /** restore-md and verify-dump of broken dumps: same parse error, device untouched. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("brokenDumps")
    void brokenDumpIsRejected(String from, String to) throws Exception {
        Pair p = new Pair(scratch, ours, 64 * MIB, 215);
        assertEquals(0, p.our("MINOR v09 DEV internal create-md 2").rc());
        assertEquals(0, p.ref("MINOR v09 DEV internal create-md 2").rc());
        String dump = p.ref("MINOR v09 DEV internal dump-md").out();
        Path bad = scratch.dir().resolve("bad.txt");
        Files.writeString(bad, dump.replace(from, to));
        String refBefore = Scratch.fingerprint(p.ref);
        String ourBefore = Scratch.fingerprint(p.our);
        for (String c : new String[] {"restore-md ", "verify-dump "}) {
            RunResult r = p.ref("MINOR v09 DEV internal " + c + bad);
            RunResult o = p.our("MINOR v09 DEV internal " + c + bad);
            assertEquals(r, o, c);
        }
        assertEquals(refBefore, Scratch.fingerprint(p.ref));
        assertEquals(ourBefore, Scratch.fingerprint(p.our));
    }

    @Test
    void missingDeviceAndDirectory() throws Exception {
        Path missing = scratch.dir().resolve("missing.img");
        Path dir = Files.createDirectories(scratch.dir().resolve("adir"));
        for (Path p : new Path[] {missing, dir}) {
            RunResult r = Reference.run("--force", "215", "v09", p.toString(), "internal", "dump-md");
            RunResult o = ours.run("--force", "215", "v09", p.toString(), "internal", "dump-md");
            assertEquals(r, o);
        }
    }

    @Test
    void readOnlyDevice() throws Exception {
        Pair p = new Pair(scratch, ours, 256 * MIB, 215);
        assertEquals(0, p.our("MINOR v09 DEV internal create-md 1").rc());
        assertEquals(0, p.ref("MINOR v09 DEV internal create-md 1").rc());
        assumeTrue(chattr("+i", p.ref) && chattr("+i", p.our), "chattr +i not supported here");
        try {
            String refBefore = Scratch.fingerprint(p.ref);
            String ourBefore = Scratch.fingerprint(p.our);
            for (String cmd : new String[] {"MINOR v09 DEV internal dump-md", "MINOR v09 DEV internal create-md 1",
                "MINOR v09 DEV internal outdate", "MINOR v09 DEV internal wipe-md"}) {
                assertEquals(p.ref(cmd), p.our(cmd), cmd);
            }
            assertEquals(refBefore, Scratch.fingerprint(p.ref));
            assertEquals(ourBefore, Scratch.fingerprint(p.our));
        } finally {
            chattr("-i", p.ref);
            chattr("-i", p.our);
        }
    }

    private static boolean chattr(String flag, Path p) {
        try {
            Process pr = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
            pr.getInputStream().readAllBytes();
            return pr.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
