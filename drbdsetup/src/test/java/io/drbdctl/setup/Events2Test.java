package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drbdctl.genl.v8.DrbdFamily;
import io.drbdctl.netlink.GenlMessage;
import io.drbdctl.netlink.NlMessage;
import io.drbdctl.setup.format.Events2Formatter;
import io.drbdctl.setup.kernel.KernelReply;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The events2 formatter over the DRBD 9 style notifications of the lifecycle capture (no golden
 * output exists for events2): every line names an action and an object, and the sequence has
 * no gaps.
 */
class Events2Test {

    @Test
    void lifecycleNotificationsFormat() throws Exception {
        Optional<Path> d = Traces.dir();
        assumeTrue(d.isPresent(), "shared/reference/v8-traces not found");
        Capture cap = Capture.read(d.get().resolve("k6.1/lifecycle84.decoded.txt"));
        Events2Formatter f = new Events2Formatter(false, false, false);
        Set<String> seen = new HashSet<>();
        StringBuilder out = new StringBuilder();
        for (Capture.Entry e : cap.entries()) {
            if (e instanceof Capture.Msg m && m.multicast() && seen.add(HexFormat.of().formatHex(m.bytes()))) {
                KernelReply r = KernelReply.of(GenlMessage.decode(NlMessage.split(m.bytes()).get(0),
                        DrbdFamily.HDRSIZE));
                out.append(f.format(r).text());
            }
        }
        String text = out.toString();
        assertTrue(text.startsWith("create resource name:r0 role:Secondary suspended:no\n"), text.substring(0, 200));
        assertTrue(text.contains("change peer-device name:r0 peer-node-id:0 conn-name:peer volume:0 replication:"),
                text);
        assertFalse(text.contains("- skipped"), text);
    }
}
