package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.genl.drbd2.Resource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** role, cstate and dstate of the 9 dialect over a fake drbd2 socket (9.22's words and exit codes). */
class StateQueriesTest {

    record Run(int rc, String out, String err) {
    }

    private static Run run(FakeDrbd2Kernel k, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (SetupSession s = SetupSession.open(new FakeHost(k), Map.of())) {
            int rc = s.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static FakeDrbd2Kernel kernel() {
        FakeDrbd2Kernel k = new FakeDrbd2Kernel(Set.of("drbd2"));
        k.resources.add(Resource.builder().name("r0").nodeId(1).role(1).build());
        k.devices.add(Device.builder().resource("r0").minor(5).volume(0).diskState(4).build());
        k.devices.add(Device.builder().resource("r0").minor(6).volume(1).diskState(0).build());
        k.connections.add(Connection.builder().resource("r0").peerNodeId(2).name("peer").cstate(3).build());
        k.peerDevices.add(PeerDevice.builder().resource("r0").peerNodeId(2).volume(0).minor(5).peerDiskState(5)
                .build());
        return k;
    }

    @Test
    void answersInOneWord() {
        assertEquals(new Run(0, "Primary\n", ""), run(kernel(), "role", "r0"));
        assertEquals(new Run(0, "Connecting\n", ""), run(kernel(), "cstate", "r0", "2"));
        assertEquals(new Run(0, "UpToDate/DUnknown\n", ""), run(kernel(), "dstate", "5"));
        assertEquals(new Run(0, "Diskless\n", ""), run(kernel(), "dstate", "6"));
    }

    @Test
    void unknownObjectsExit10() {
        assertEquals(new Run(10, "", "r9: Unknown resource\n"), run(kernel(), "role", "r9"));
        assertEquals(new Run(10, "", "r0: No such connection\n"), run(kernel(), "cstate", "r0", "7"));
        assertEquals(new Run(10, "", "r9: No such connection\n"), run(kernel(), "cstate", "r9", "2"));
        assertEquals(new Run(10, "", "9: No such device\n"), run(kernel(), "dstate", "9"));
        assertEquals(20, run(kernel(), "dstate", "x").rc());
    }
}
