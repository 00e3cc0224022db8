package io.drbdctl.meta;

import io.drbdctl.meta.support.Ours;
import io.drbdctl.meta.support.Pair;
import io.drbdctl.meta.support.Reference;
import io.drbdctl.meta.support.RunResult;
import io.drbdctl.meta.support.Scratch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DRBD 0.7 metadata (written by the reference on both devices: we do not write v07) converted by
 * create-md v08/v09, internal (fixed 128 MiB area at the end to a flexible one) and indexed.
 * Same output, same bytes, same dump afterwards.
 */
class V07ConversionDifferentialTest {
    private static final long MIB = 1L << 20;
    private Scratch scratch;

    @BeforeEach
    void setUp() {
        assumeTrue(Reference.available(), Reference.SKIP_REASON);
        scratch = new Scratch("v07");
    }

    @AfterEach
    void tearDown() {
        if (scratch != null) {
            scratch.close();
        }
        Reference.cleanup(212);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "internal, v08, ''", "internal, v09, 3", "internal, v09, 1", "1, v08, ''", "1, v09, 2"})
    void createMdConvertsV07(String index, String to, String arg) {
        Pair p = new Pair(scratch, new Ours(scratch.dir().resolve("state")), 300 * MIB, 212);
        for (java.nio.file.Path d : new java.nio.file.Path[] {p.ref, p.our}) {
            String dev = d.toString();
            assertEquals(0, Reference.run("--force", "212", "v07", dev, index, "create-md").rc());
            assertEquals(0, Reference.run("--force", "212", "v07", dev, index, "set-gi", "1:2:3:4:5:1:0:1").rc());
        }
        String spec = "MINOR " + to + " DEV " + index + " create-md" + (arg.isEmpty() ? "" : " " + arg);
        RunResult r = p.ref(spec);
        RunResult o = p.our(spec);
        assertEquals(r, o, spec);
        assertEquals(Scratch.fingerprint(p.ref), Scratch.fingerprint(p.our), "bytes after " + spec);
        assertEquals("", Scratch.firstDiff(p.ref, p.our, 0, 300 * MIB), "bytes after " + spec);
        String dump = "MINOR " + to + " DEV " + index + " dump-md";
        assertEquals(p.ref(dump).dumpBody(), p.our(dump).dumpBody(), dump);
    }
}
