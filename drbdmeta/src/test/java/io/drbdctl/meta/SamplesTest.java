package io.drbdctl.meta;

import io.drbdctl.meta.support.Hexdump;
import io.drbdctl.meta.support.Ours;
import io.drbdctl.meta.support.RunResult;
import io.drbdctl.meta.support.Scratch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reproduces every case of md-samples/ (recorded from drbdmeta 9.22) byte for byte. */
class SamplesTest {
    private Scratch scratch;
    private Ours ours;

    @BeforeEach
    void setUp() {
        scratch = new Scratch("samples");
        ours = new Ours(scratch.dir().resolve("state"));
    }

    @AfterEach
    void tearDown() {
        scratch.close();
    }

    static Stream<Arguments> createCases() {
        return Stream.of(
                Arguments.of("v08-internal-256M", "v08 internal create-md"),
                Arguments.of("v09-internal-256M-p1", "v09 internal create-md 1"),
                Arguments.of("v09-internal-oddsize-p1", "v09 internal create-md 1"),
                Arguments.of("v09-internal-10G-p3", "v09 internal create-md 3"),
                Arguments.of("v09-internal-256M-alstripes2x64k-p2", "v09 internal create-md --al-stripes 2 "
                        + "--al-stripe-size-kB 64 --peer-max-bio-size 131072 2"),
                Arguments.of("v08-external-idx1-meta300M", "v08 1 create-md"),
                Arguments.of("v09-external-idx0-meta300M-p1", "v09 0 create-md 1"),
                Arguments.of("v09-flex-external-16M-p3", "v09 flex-external create-md 3"));
    }

    private RunResult run(Path dev, String spec) {
        String[] w = spec.split(" ");
        List<String> a = new ArrayList<>(List.of("--force", "231", w[0], dev.toString()));
        a.addAll(List.of(w).subList(1, w.length));
        return ours.run(a.toArray(String[]::new));
    }

    private void assertRegion(Hexdump h, Path dev) {
        assertArrayEquals(h.region(), Scratch.read(dev, h.regionOffset(), h.region().length),
                "metadata region differs from the sample");
    }

    private void assertDump(String sample, Path dev, String version, String index) {
        RunResult d = ours.run("--force", "231", version, dev.toString(), index, "dump-md");
        assertEquals(0, d.rc(), d.err());
        RunResult expected = new RunResult(0, Hexdump.resource(sample + ".dump-md.txt"), "");
        assertEquals(expected.dumpBody(), d.dumpBody());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("createCases")
    void createMdReproducesSample(String sample, String spec) {
        Hexdump h = Hexdump.load(sample + ".hexdump.txt");
        Path dev = scratch.sparse("dev.img", h.deviceSize());
        RunResult r = run(dev, spec);
        assertEquals(0, r.rc(), r.err());
        assertRegion(h, dev);
        String[] w = spec.split(" ");
        assertDump(sample, dev, w[0], w[1]);
    }

    @Test
    void restoreMdReproducesSample() throws Exception {
        String sample = "v09-internal-256M-p3-restored";
        Hexdump h = Hexdump.load(sample + ".hexdump.txt");
        Path dev = scratch.sparse("dev.img", h.deviceSize());
        assertEquals(0, run(dev, "v09 internal create-md 3").rc());
        Path input = scratch.dir().resolve("restore.txt");
        Files.writeString(input, Hexdump.resource(sample + ".restore-input.txt"));
        RunResult r = ours.run("--force", "231", "v09", dev.toString(), "internal", "restore-md", input.toString());
        assertEquals(0, r.rc(), r.err());
        assertEquals("Successfully restored meta data\n", r.out());
        assertRegion(h, dev);
        assertDump(sample, dev, "v09", "internal");
    }

    @Test
    void applyAlReproducesSample() {
        Hexdump before = Hexdump.load("v09-internal-256M-alstripes2x64k-p2-unclean-al.hexdump.txt");
        Hexdump after = Hexdump.load("v09-internal-256M-alstripes2x64k-p2-after-apply-al.hexdump.txt");
        Path dev = scratch.sparse("dev.img", before.deviceSize());
        Scratch.write(dev, before.regionOffset(), before.region());
        RunResult r = ours.run("--force", "239", "v09", dev.toString(), "internal", "apply-al");
        assertEquals(0, r.rc(), r.err());
        assertEquals("Marked additional 16 MB as out-of-sync based on AL.\n",
                r.err().replace("ioctl(md_fd, BLKSSZGET) returned -1, assuming hard_sect_size is 512 Byte\n", ""));
        assertRegion(after, dev);
        assertDump("v09-internal-256M-alstripes2x64k-p2-after-apply-al", dev, "v09", "internal");
    }
}
