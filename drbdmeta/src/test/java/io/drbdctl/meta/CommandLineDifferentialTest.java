package io.drbdctl.meta;

import io.drbdctl.meta.support.Ours;
import io.drbdctl.meta.support.Pair;
import io.drbdctl.meta.support.Reference;
import io.drbdctl.meta.support.Scratch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Command line scanning (GNU getopt_long rules: permutation, abbreviations, clustered short
 * options, glibc's messages) and the order of the argument checks, against the reference. The
 * device holds v09 metadata; every case runs without --force (prefix NOFORCE) or with it.
 */
class CommandLineDifferentialTest {
    private Scratch scratch;
    private Pair pair;

    @BeforeEach
    void setUp() {
        assumeTrue(Reference.available(), Reference.SKIP_REASON);
        scratch = new Scratch("cli");
        pair = new Pair(scratch, new Ours(scratch.dir().resolve("state")), 64L << 20, 214);
        assertEquals(0, pair.ref("MINOR v09 DEV internal create-md 2").rc());
        assertEquals(0, pair.our("MINOR v09 DEV internal create-md 2").rc());
    }

    @AfterEach
    void tearDown() {
        if (scratch != null) {
            scratch.close();
        }
        Reference.cleanup(214);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NOFORCE --help",
        "NOFORCE -h",
        "NOFORCE MINOR v09",
        "NOFORCE -h MINOR v09",
        "NOFORCE --forc MINOR v09 DEV internal dstate",
        "NOFORCE --f MINOR v09 DEV internal dstate",
        "NOFORCE --for=1 MINOR v09 DEV internal dstate",
        "--node 1 MINOR v09 DEV internal get-gi",
        "--node-id=1 MINOR v09 DEV internal get-gi",
        "-i1 MINOR v09 DEV internal get-gi",
        "-fi 1 MINOR v09 DEV internal get-gi",
        "-x MINOR v09 DEV internal dstate",
        "--bogus=3 MINOR v09 DEV internal dstate",
        "--al 3 MINOR v09 DEV internal dstate",
        "--i 3 MINOR v09 DEV internal dstate",
        "--node-id MINOR v09 DEV internal dstate",
        "MINOR v09 DEV internal get-gi --node-id",
        "MINOR v09 -i",
        "--peer-max-bio-size MINOR v09",
        "-b x MINOR",
        "-i 40 MINOR",
        "--node-id=x MINOR v09 DEV internal dstate",
        "--peer-max-bio-size=x MINOR v09 DEV internal dstate",
        "MINOR v09 DEV internal",
        "MINOR v09 DEV 3",
        "MINOR x DEV internal dstate",
        "MINOR v06",
        "MINOR v06 3",
        "MINOR v06 x dump-md",
        "-- MINOR v09 DEV internal dstate",
        "/dev/drbd214 v09 DEV internal dstate",
        "MINOR v09 DEV internal dump-md -p 3 extra",
        "MINOR v09 DEV internal dstate -s 2",
        "MINOR v09 DEV internal set-gi -p 3",
        "MINOR v09 DEV internal write-dev-uuid -i 3",
        "MINOR v09 DEV internal dstate -i 3",
        "MINOR v09 DEV internal create-md -i 3 2",
        "MINOR v09 DEV internal set-gi -i 3",
        "MINOR v09 DEV internal get-gi extra",
        "MINOR v09 DEV internal dstate extra",
        "MINOR v08 DEV internal get-gi -i 3 extra",
    })
    void sameAsReference(String spec) {
        assertEquals(pair.ref(spec), pair.our(spec), spec);
    }
}
