package io.drbdctl.lab.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalisationTest {

    @Test
    void generationUuidsAreNumberedAndKeepTheirStructure() {
        String a = "5E3412D9E0F2BBC9:0000000000000000:F380B6F2F593FC97:0000000000000004:1:1\n"
                + "F34D7100221C929C:5E3412D9E0F2BBC8:F380B6F2F593FC96:0000000000000004:1:0\n";
        String b = "20AE43F7C43BBAD3:0000000000000000:E3DC6C762ECA0A36:0000000000000004:1:1\n"
                + "3B6007625480EA9C:20AE43F7C43BBAD2:E3DC6C762ECA0A37:0000000000000004:1:0\n";
        Normalisation n = Normalisation.generationUuids();
        assertEquals("UUID-1.1:0000000000000000:UUID-2:0000000000000004:1:1\n"
                + "UUID-3.0:UUID-1:UUID-2:0000000000000004:1:0\n", n.apply(a));
        assertEquals(n.apply(a), n.apply(b));
        // the primary flag of the current UUID is not normalised away
        assertTrue(!n.apply(a).equals(n.apply(a.replaceFirst("C9:", "C8:"))));
    }

    @Test
    void toolPathsOnlyInLoggedCommandLines() {
        Normalisation n = Normalisation.toolPaths(Map.of("/x/bin/drbdsetup", "/lib/drbd/drbdsetup-84"));
        assertEquals("=== [3] $ /lib/drbd/drbdsetup-84 new-resource r0\n/x/bin/drbdsetup new-resource r0\n",
                n.apply("=== [3] $ /x/bin/drbdsetup new-resource r0\n/x/bin/drbdsetup new-resource r0\n"));
    }

    @Test
    void diffShowsTheCommandOfAChange() {
        List<String> e = List.of("=== [1] $ a", "--- stdout", "x", "--- rc=0", "=== [2] $ b", "--- stdout", "y", "--- rc=0");
        List<String> a = List.of("=== [1] $ a", "--- stdout", "x", "--- rc=0", "=== [2] $ b", "--- stdout", "z", "--- rc=10");
        String d = TextDiff.diff(e, a, 1, l -> l.startsWith("=== ["));
        assertEquals("@@ === [2] $ b\n --- stdout\n-y\n---- rc=0\n+z\n+--- rc=10\n", d);
        assertEquals("", TextDiff.diff(e, e, 3));
    }

    @Test
    void eventLinesAreSplitByResource() {
        String ev = "3 R - r0\n139 ST 1,r1[0] { cs:WFSyncUUID }\n141 ST 0,r0[0] { cs:SyncSource }\n26 SP 1,r1[0] 62.5\n";
        assertEquals(Map.of("r0", List.of("3 R - r0", "141 ST 0,r0[0] { cs:SyncSource }"),
                "r1", List.of("139 ST 1,r1[0] { cs:WFSyncUUID }", "26 SP 1,r1[0] 62.5")), EventLines.byResource(ev));
    }
}
