package io.drbdctl.lab.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The comparer on the goldens alone (host test, no guest). */
class GoldenCaptureTest {

    private static Path goldens() {
        return Goldens.dir(Path.of("")).orElseGet(() -> {
            Assumptions.abort("shared/reference/v8-traces not found beside the repository");
            return null;
        });
    }

    @Test
    void lifecycleRequestsAreTheSameOn61And72() throws Exception {
        Path d = goldens();
        NlCapture k61 = NlCapture.read(d.resolve("k6.1/lifecycle84.pcap"));
        NlCapture k72 = NlCapture.read(d.resolve("k7.2/lifecycle84-k72.pcap"));
        System.out.println("lifecycle84: " + k61.requestCount() + " requests in " + k61.segments().size()
                + " segments, " + k61.outsideRequests() + " outside");
        assertEquals("", RequestComparison.compare(k61, k72, "k6.1", "k7.2"));
        assertTrue(k61.requestCount() > 100, "requests found: " + k61.requestCount());
        assertEquals(62 + 1, k61.segments().size(), "62 commands and one background start");
    }

    @Test
    void aChangedAttributeIsReportedWithItsCommand() throws Exception {
        Path d = goldens();
        List<Pcap.Packet> packets = Pcap.read(d.resolve("k6.1/errors84.pcap"));
        NlCapture golden = NlCapture.of(packets);
        // flip the last payload byte of the first drbd request that carries attributes
        List<Pcap.Packet> changed = new java.util.ArrayList<>(packets);
        for (int i = 0; i < changed.size(); i++) {
            Pcap.Packet p = changed.get(i);
            if (p.protocol() == Pcap.NETLINK_GENERIC && p.data().length > 40 && (p.data()[6] & 1) != 0
                    && p.data()[4] != 0x10) {
                byte[] b = p.data().clone();
                b[b.length - 1] ^= 0x01;
                changed.set(i, new Pcap.Packet(p.index(), p.micros(), p.protocol(), b));
                break;
            }
        }
        String report = RequestComparison.compare(golden, NlCapture.of(changed), "golden", "changed");
        System.out.println(report);
        assertTrue(report.startsWith("requests of 1 of "), report);
    }
}
