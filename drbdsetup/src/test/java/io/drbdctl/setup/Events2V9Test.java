package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.genl.drbd2.Binary;
import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.Drbd2Op;
import io.drbdctl.genl.drbd2.Path;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.genl.drbd2.Resource;
import io.drbdctl.setup.v9.Addresses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** events2 and wait-* over the fake drbd2 kernel: initial state, notifications, races, timeouts. */
class Events2V9Test {

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

    private static Resource res(String name, int role) {
        return Resource.builder().name(name).nodeId(1).role(role).build();
    }

    private static Device dev(int disk) {
        return Device.builder().resource("r0").minor(5).volume(0).diskState(disk).backingDev("/dev/loop0")
                .size(2048).build();
    }

    private static Connection conn(int cstate) {
        return Connection.builder().resource("r0").peerNodeId(2).name("peer").cstate(cstate).build();
    }

    private static PeerDevice pd(int repl) {
        return PeerDevice.builder().resource("r0").peerNodeId(2).volume(0).minor(5).peerDiskState(5)
                .replState(repl).received(3).sent(4).outOfSync(0).pending(0).unacked(0).build();
    }

    private static Path path() {
        return Path.builder().resource("r0").peerNodeId(2)
                .myAddr(Binary.of(Addresses.parse("192.0.2.1:7789").orElseThrow()))
                .peerAddr(Binary.of(Addresses.parse("192.0.2.2:7789").orElseThrow())).build();
    }

    /** A resource with one of each object. */
    private static FakeDrbd2Kernel configured() {
        FakeDrbd2Kernel k = new FakeDrbd2Kernel(Set.of("drbd2"));
        k.resources.add(res("r0", 2));
        k.devices.add(dev(4));
        k.connections.add(conn(3));
        k.peerDevices.add(pd(0));
        k.paths.add(path());
        return k;
    }

    private static final String EXISTS = """
            exists resource name:r0 role:Secondary suspended:no force-io-failures:no may_promote:yes \
            promotion_score:10101
            exists connection name:r0 peer-node-id:2 conn-name:peer connection:Connecting role:Unknown
            exists device name:r0 volume:0 minor:5 backing_dev:/dev/loop0 disk:UpToDate client:no quorum:yes
            exists peer-device name:r0 peer-node-id:2 conn-name:peer volume:0 replication:Off peer-disk:DUnknown \
            peer-client:no resync-suspended:no
            exists path name:r0 peer-node-id:2 conn-name:peer local:ipv4:192.0.2.1:7789 peer:ipv4:192.0.2.2:7789 \
            established:no
            exists -
            """;

    @Test
    void nowPrintsTheInitialState() {
        Run r = run(configured(), "events2", "--now");
        assertEquals(new Run(0, EXISTS, ""), r);
        Run other = run(configured(), "events2", "--now", "r1");
        assertEquals(new Run(0, "exists -\n", ""), other);
    }

    @Test
    void statisticsAndTimestamps() {
        Run r = run(configured(), "events2", "--now", "--statistics", "--timestamps", "all");
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}[+-]\\d\\d:\\d\\d (exists|change) .*")), r.out());
        assertTrue(r.out().contains(" quorum:yes size:1024\n"), r.out());
        assertTrue(r.out().contains(" resync-suspended:no received:3 sent:4 out-of-sync:0 pending:0 unacked:0\n"),
                r.out());
    }

    @Test
    void notificationsPrintWhatChanged() {
        FakeDrbd2Kernel k = configured();
        k.notifyAfter(1, Drbd2Op.RESOURCE_CHANGE_NTF, res("r0", 1));
        k.notifyAfter(1, Drbd2Op.CONNECTION_CHANGE_NTF, conn(3)); // nothing new: no line
        k.notifyAfter(1, Drbd2Op.CONNECTION_CHANGE_NTF, conn(0));
        k.notifyAfter(1, Drbd2Op.DEVICE_CREATE_NTF, Device.builder().resource("r0").minor(6).volume(1)
                .diskState(0).build());
        k.notifyAfter(1, Drbd2Op.PATH_DELETE_NTF, path());
        k.notifyAfter(1, Drbd2Op.RESOURCE_CREATE_NTF, res("r1", 2));
        k.notifyAfter(1, Drbd2Op.RESOURCE_DELETE_NTF, res("r1", 2));
        k.hangUpAfterNotices();
        Run r = run(k, "events2", "all");
        assertEquals(EXISTS + """
                change resource name:r0 role:Primary may_promote:no promotion_score:10101
                change connection name:r0 peer-node-id:2 conn-name:peer connection:StandAlone
                change resource name:r0 may_promote:no promotion_score:0
                create device name:r0 volume:1 minor:6 backing_dev:none disk:Diskless client:no quorum:yes
                destroy path name:r0 peer-node-id:2 conn-name:peer local:ipv4:192.0.2.1:7789 \
                peer:ipv4:192.0.2.2:7789
                create resource name:r1 role:Secondary suspended:no force-io-failures:no may_promote:no \
                promotion_score:0
                destroy resource name:r1
                """, r.out());
    }

    @Test
    void aChangeDuringTheDumpMakesItDumpAgain() {
        FakeDrbd2Kernel k = configured();
        // arrives while (after) the first dump is read: the state is dumped again, the
        // notification is not printed as a change (the second dump shows it)
        k.notifyDuringDump(1, Drbd2Op.CONNECTION_CHANGE_NTF, conn(3));
        k.hangUpAfterNotices();
        Run r = run(k, "events2");
        assertEquals(EXISTS, r.out());
        assertEquals(2, k.ops().stream().filter(o -> o == Drbd2Op.RESOURCE_GET).count());
    }

    @Test
    void waitConnectTimesOutWith5() {
        long t0 = System.nanoTime();
        Run r = run(configured(), "wait-connect-resource", "r0", "--wfc-timeout=1");
        // 9.22 complains about the default degr-wfc-timeout (0) being longer
        assertEquals(new Run(5, "", "degr-wfc-timeout has to be shorter than wfc-timeout\n"
                + "degr-wfc-timeout implicitly set to wfc-timeout (1s)\n"
                + "outdated-wfc-timeout has to be shorter than degr-wfc-timeout\n"
                + "outdated-wfc-timeout implicitly set to degr-wfc-timeout (1s)\n"), r);
        assertTrue(System.nanoTime() - t0 >= 900_000_000L);
        assertEquals(5, run(configured(), "wait-sync-volume", "r0", "2", "0", "--wfc-timeout", "1").rc());
    }

    @Test
    void waitConnectSucceedsWhenEstablished() {
        FakeDrbd2Kernel k = configured();
        k.notifyAfter(1, Drbd2Op.PEER_DEVICE_CHANGE_NTF, pd(1));
        assertEquals(0, run(k, "wait-connect-connection", "r0", "2", "--wfc-timeout=30").rc());
        FakeDrbd2Kernel syncing = configured();
        syncing.notifyAfter(1, Drbd2Op.PEER_DEVICE_CHANGE_NTF, pd(8));
        assertEquals(0, run(syncing, "wait-connect-volume", "r0", "2", "0").rc(), "beyond established");
    }

    @Test
    void waitEndsAtOnceWithoutPeersOrWhenStandAlone() {
        FakeDrbd2Kernel none = new FakeDrbd2Kernel(Set.of("drbd2"));
        none.resources.add(res("r0", 2));
        assertEquals(new Run(0, "", ""), run(none, "wait-sync-resource", "r0"));
        FakeDrbd2Kernel standalone = configured();
        standalone.connections.set(0, conn(0));
        assertEquals(0, run(standalone, "wait-connect-resource", "r0", "--wfc-timeout=60").rc());
        FakeDrbd2Kernel sb = configured();
        sb.connections.set(0, conn(0));
        assertEquals(5, run(sb, "wait-connect-resource", "r0", "--wfc-timeout=1", "--wait-after-sb").rc());
    }

    @Test
    void badTimeoutsAreRefused() {
        Run r = run(configured(), "wait-connect-resource", "r0", "--wfc-timeout=300001");
        assertEquals(new Run(20, "", "wfc_timeout => 300001 out of range [0..300000]\n"), r);
        Run n = run(configured(), "wait-connect-resource", "r0", "--wfc-timeout=soon");
        assertEquals(20, n.rc());
        assertTrue(n.err().contains("'soon' is not a number"), n.err());
        Run d = run(configured(), "wait-connect-resource", "r0", "--wfc-timeout=1", "--degr-wfc-timeout=5");
        assertEquals(5, d.rc());
        assertTrue(d.err().startsWith("degr-wfc-timeout has to be shorter than wfc-timeout\n"), d.err());
    }
}
