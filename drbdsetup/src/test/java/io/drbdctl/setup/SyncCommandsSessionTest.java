package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.Drbd2Op;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.netlink.GenlMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The 9 dialect's data and resync commands over a fake drbd2 socket: the requests they make,
 * their refusals (errno, extack, 9.22 exit code) and the get-gi / show-gi texts.
 */
class SyncCommandsSessionTest {

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

    private static GenlMessage last(FakeDrbd2Kernel k) {
        List<GenlMessage> r = k.requests().stream().filter(m -> m.familyId() == FakeDrbd2Kernel.DRBD2_ID).toList();
        return r.get(r.size() - 1);
    }

    private static FakeDrbd2Kernel kernel() {
        return new FakeDrbd2Kernel(Set.of("drbd2"));
    }

    @Test
    void invalidateSendsTheMinorAndItsOptions() {
        FakeDrbd2Kernel k = kernel();
        assertEquals(new Run(0, "", ""), run(k, "invalidate", "3"));
        Device d = Device.decode(last(k).attrs());
        assertEquals(3, d.minor().orElseThrow());
        assertTrue(d.syncFromPeerNodeId().isEmpty());
        assertTrue(d.resetBitmap().isEmpty());
        assertEquals(new Run(0, "", ""),
                run(k, "invalidate", "3", "--sync-from-peer-node-id=2", "--reset-bitmap=no"));
        d = Device.decode(last(k).attrs());
        assertEquals(2, d.syncFromPeerNodeId().orElseThrow());
        assertEquals(0, d.resetBitmap().orElseThrow());
        assertEquals(List.of(Drbd2Op.DEVICE_INVALIDATE, Drbd2Op.DEVICE_INVALIDATE), k.ops());
    }

    @Test
    void invalidateRefusalsKeepTheKernelsReason() {
        FakeDrbd2Kernel k = kernel();
        k.refuse(Drbd2Op.DEVICE_INVALIDATE, 61, "needs up-to-date data");
        assertEquals(new Run(11, "", "invalidate 0: No data available (ENODATA): needs up-to-date data\n"),
                run(k, "invalidate", "0"));
        k.refuse(Drbd2Op.DEVICE_INVALIDATE, 19, "no disk");
        assertEquals(10, run(k, "invalidate", "0").rc());
        k.refuse(Drbd2Op.DEVICE_INVALIDATE, 107, "the connection to the peer is not established");
        Run r = run(k, "invalidate", "0", "--sync-from-peer-node-id=1");
        assertEquals(11, r.rc());
        assertTrue(r.err().startsWith("invalidate 0: ") && r.err().contains("(ENOTCONN)"), r.err());
    }

    @Test
    void badArgumentsAndOptionsAreUsageErrorsWithoutARequest() {
        FakeDrbd2Kernel k = kernel();
        assertEquals(20, run(k, "invalidate", "x").rc());
        assertEquals(20, run(k, "invalidate", "0", "--reset-bitmap=maybe").rc());
        assertEquals(20, run(k, "invalidate", "0", "--sync-from-peer-node-id=-1").rc());
        assertEquals(20, run(k, "verify", "r0", "1", "0", "--start=12Q").rc());
        assertEquals(20, run(k, "resize", "0", "--size=").rc());
        assertEquals(20, run(k, "pause-sync", "r0", "1").rc());
        assertEquals(20, run(k, "get-gi", "r0", "x", "0").rc());
        assertEquals(List.of(), k.ops());
    }

    @Test
    void peerDeviceCommandsNameThePeerDevice() {
        FakeDrbd2Kernel k = kernel();
        assertEquals(0, run(k, "invalidate-remote", "r0", "2", "1", "--reset-bitmap=no").rc());
        assertEquals(0, run(k, "verify", "r0", "2", "1", "--start=1M", "--stop=4096").rc());
        PeerDevice v = PeerDevice.decode(last(k).attrs());
        assertEquals(2048, v.startSector().orElseThrow());
        assertEquals(4096, v.stopSector().orElseThrow());
        assertEquals(0, run(k, "pause-sync", "r0", "2", "1").rc());
        assertEquals(0, run(k, "resume-sync", "r0", "2", "1").rc());
        PeerDevice p = PeerDevice.decode(last(k).attrs());
        assertEquals("r0", p.resource().orElseThrow());
        assertEquals(2, p.peerNodeId().orElseThrow());
        assertEquals(1, p.volume().orElseThrow());
        assertEquals(List.of(Drbd2Op.PEER_DEVICE_INVALIDATE, Drbd2Op.PEER_DEVICE_VERIFY,
                Drbd2Op.PEER_DEVICE_PAUSE_SYNC, Drbd2Op.PEER_DEVICE_RESUME_SYNC), k.ops());
    }

    @Test
    void peerDeviceRefusals() {
        FakeDrbd2Kernel k = kernel();
        k.refuse(Drbd2Op.PEER_DEVICE_VERIFY, 107, "the connection to the peer is not established");
        k.refuse(Drbd2Op.PEER_DEVICE_INVALIDATE, 107, "the connection to the peer is not established");
        k.refuse(Drbd2Op.PEER_DEVICE_PAUSE_SYNC, 114, "resync is paused already");
        k.refuse(Drbd2Op.PEER_DEVICE_RESUME_SYNC, 2, "no such peer device (volume)");
        assertEquals(11, run(k, "verify", "r0", "2", "0").rc());
        k.refuse(Drbd2Op.PEER_DEVICE_VERIFY, 34, "option out of range");
        assertEquals(10, run(k, "verify", "r0", "2", "0", "--start=8", "--stop=0").rc());
        assertEquals(11, run(k, "invalidate-remote", "r0", "2", "0").rc());
        Run r = run(k, "pause-sync", "r0", "2", "0");
        assertEquals(10, r.rc());
        assertTrue(r.err().startsWith("pause-sync r0 2 0: ") && r.err().endsWith("(EALREADY): resync is "
                + "paused already\n"), r.err());
        assertEquals(10, run(k, "resume-sync", "r0", "2", "0").rc());
    }

    @Test
    void resizeOutdateNewCurrentUuid() {
        FakeDrbd2Kernel k = kernel();
        assertEquals(0, run(k, "resize", "4", "--size=1G", "--assume-peer-has-space").rc());
        Device d = Device.decode(last(k).attrs());
        assertEquals(2097152, d.size().orElseThrow());
        assertEquals(true, d.force().orElseThrow());
        assertEquals(0, run(k, "resize", "4").rc());
        d = Device.decode(last(k).attrs());
        assertTrue(d.size().isEmpty() && d.force().isEmpty());
        assertEquals(0, run(k, "outdate", "4").rc());
        assertEquals(0, run(k, "new-current-uuid", "4", "--clear-bitmap").rc());
        assertEquals(true, Device.decode(last(k).attrs()).clearBitmap().orElseThrow());
        assertEquals(List.of(Drbd2Op.DEVICE_RESIZE, Drbd2Op.DEVICE_RESIZE, Drbd2Op.DEVICE_OUTDATE,
                Drbd2Op.DEVICE_NEW_CURRENT_UUID), k.ops());
        k.refuse(Drbd2Op.DEVICE_OUTDATE, 22, "disk state is lower than outdated");
        assertEquals(11, run(k, "outdate", "4").rc());
        k.refuse(Drbd2Op.DEVICE_RESIZE, 28, "the requested size does not fit");
        assertEquals(10, run(k, "resize", "4", "--size=100").rc());
        k.refuse(Drbd2Op.DEVICE_NEW_CURRENT_UUID, 19, "no disk");
        assertEquals(new Run(10, "", "new-current-uuid 4: No such device (ENODEV): no disk\n"),
                run(k, "new-current-uuid", "4"));
    }

    private static FakeDrbd2Kernel withGi(int mdVersion, long diskState) {
        FakeDrbd2Kernel k = kernel();
        Device.Builder d = Device.builder().resource("r0").minor(5).volume(0).diskState(diskState);
        if (diskState != 0) {
            d.mdVersion(mdVersion).currentUuid(0x1234ABCD00000004L).mdFlags(1 | 1 << 4 | 1 << 3);
            d.addHistoryUuid(0xB1).addHistoryUuid(0xC2).addHistoryUuid(0xD3);
        }
        k.devices.add(d.peerOutdated(1).build());
        k.peerDevices.add(PeerDevice.builder().resource("r0").peerNodeId(2).volume(0).minor(5).replState(0)
                .build());
        return k;
    }

    @Test
    void getGiOfV08MetaData() {
        Run r = run(withGi(8, 4), "get-gi", "r0", "2", "0");
        assertEquals(new Run(0, "1234ABCD00000004:00000000000000B1:00000000000000C2:00000000000000D3:"
                + "1:1:0:0:0:0:0:0:1:0:1:0\n", ""), r);
    }

    @Test
    void getGiOfV09MetaData() {
        Run r = run(withGi(9, 4), "get-gi", "r0", "2", "0");
        assertEquals(new Run(0, "1234ABCD00000004:0000000000000000:00000000000000B1:00000000000000C2:"
                + "1:1:0:0:0:0:0:0:1:0:0:0\n", ""), r);
    }

    @Test
    void showGiExplainsTheLine() {
        Run r = run(withGi(8, 4), "show-gi", "r0", "2", "0");
        assertEquals(0, r.rc());
        assertTrue(r.out().startsWith("\n       +--<  Current data generation UUID  >-\n"), r.out());
        assertTrue(r.out().contains("\n1234ABCD00000004:00000000000000B1:"), r.out());
        assertTrue(r.out().endsWith("we saw this node with a backing device attached >--+\n\n"), r.out());
    }

    @Test
    void getGiFailures() {
        assertEquals(new Run(10, "", "r0 3 0: No such peer device\n"), run(withGi(8, 4), "get-gi", "r0", "3", "0"));
        assertEquals(new Run(1, "", "Device is unconfigured\n"), run(withGi(8, 0), "show-gi", "r0", "2", "0"));
    }

    @Test
    void helpListsTheCommands() {
        Run r = run(kernel(), "help", "verify");
        assertEquals(0, r.rc());
        assertTrue(r.out().contains("verify {resource} {peer_node_id} {volume}\n")
                && r.out().contains("[--start=(string)] [--stop=(string)]"), r.out());
    }
}
