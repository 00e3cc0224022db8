package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.DiskOptions;
import io.drbdctl.genl.drbd2.Drbd2Op;
import io.drbdctl.genl.drbd2.NetOptions;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.genl.drbd2.PeerDeviceOptions;
import io.drbdctl.genl.drbd2.Resource;
import io.drbdctl.genl.drbd2.ResourceOptions;
import io.drbdctl.netlink.GenlMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The 9 dialect's options from the option table over a fake drbd2: parsing, ranges, units, requests, show. */
class Drbd2OptionsTest {

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
        return new FakeDrbd2Kernel(Set.of("drbd2"));
    }

    /** The last drbd2 do request. */
    private static GenlMessage last(FakeDrbd2Kernel k) {
        List<GenlMessage> d2 = k.requests().stream().filter(m -> m.familyId() == FakeDrbd2Kernel.DRBD2_ID).toList();
        return d2.get(d2.size() - 1);
    }

    private static Run ok(FakeDrbd2Kernel k, String... argv) {
        Run r = run(k, argv);
        assertEquals(0, r.rc(), r.toString());
        return r;
    }

    @Test
    void numbersTakeTheScaleAndUnitSuffixes() {
        FakeDrbd2Kernel k = kernel();
        ok(k, "peer-device-options", "r0", "2", "0", "--resync-rate=1M", "--c-fill-target=1M",
                "--c-max-rate=100", "--c-min-rate=4096s", "--c-plan-ahead", "0");
        PeerDeviceOptions p = PeerDevice.decode(last(k).attrs()).options().orElseThrow();
        assertEquals(1024, p.resyncRate().getAsLong(), "1M in KiB");
        assertEquals(2048, p.cFillTarget().getAsLong(), "1M in sectors");
        assertEquals(100, p.cMaxRate().getAsLong(), "a bare number is in the option's scale");
        assertEquals(2048, p.cMinRate().getAsLong(), "4096 sectors in KiB");
        assertEquals(0, p.cPlanAhead().getAsLong());
        assertTrue(p.bitmap().isEmpty(), "options not given are not sent");

        ok(k, "attach", "7", "/dev/loop0", "internal", "internal", "--size=1G", "--resync-after=-1",
                "--read-balancing=32K-striping", "--md-flushes");
        DiskOptions d = Device.decode(last(k).attrs()).diskOptions().orElseThrow();
        assertEquals(2097152, d.size().getAsLong());
        assertEquals(-1, d.resyncAfter().getAsInt());
        assertEquals(5, d.readBalancing().getAsLong());
        assertEquals(1, d.mdFlushes().getAsLong(), "a boolean without a value is yes");
    }

    @Test
    void enumsBooleansStringsAndQuorum() {
        FakeDrbd2Kernel k = kernel();
        ok(k, "new-resource", "r0", "1", "--quorum=majority", "--quorum-minimum-redundancy=2",
                "--on-no-quorum=io-error", "--cpu-mask=ff", "--auto-promote=no", "--max-io-depth=4294967295");
        ResourceOptions ro = Resource.decode(last(k).attrs()).options().orElseThrow();
        assertEquals(List.of(1024L, 2L, 0L, 0L, 4294967295L), List.of(ro.quorum().getAsLong(),
                ro.quorumMinimumRedundancy().getAsLong(), ro.onNoQuorum().getAsLong(), ro.autoPromote().getAsLong(),
                ro.maxIoDepth().getAsLong()));
        assertEquals("ff", ro.cpuMask().orElseThrow());

        ok(k, "new-peer", "r0", "2", "--_name=bob", "--protocol=b", "--after-sb-1pri=discard-secondary",
                "--shared-secret=s3cret", "--fencing=resource-only", "--allow-remote-read=no");
        Connection c = Connection.decode(last(k).attrs());
        NetOptions n = c.netOptions().orElseThrow();
        assertEquals("bob", c.name().orElseThrow());
        assertEquals(List.of(2L, 3L, 1L, 0L), List.of(n.protocol().getAsLong(), n.afterSb1pri().getAsLong(),
                n.fencing().getAsLong(), n.allowRemoteRead().getAsLong()), "protocol without case, as 9.22");
        assertEquals("s3cret", n.sharedSecret().orElseThrow());

        ok(k, "new-resource", "r1", "1");
        assertTrue(Resource.decode(last(k).attrs()).options().isEmpty(), "no options: no nest");
    }

    @Test
    void badValuesAreUsageErrorsBeforeTheKernel() {
        FakeDrbd2Kernel k = kernel();
        assertEquals("drbdsetup net-options: Option --timeout: invalid argument '601': too big (1 ... 600)\n",
                run(k, "net-options", "r0", "2", "--timeout=601").err());
        assertEquals("drbdsetup resource-options: Option --peer-ack-window: invalid argument '1000': too small "
                + "(2048 ... 204800)\n", run(k, "resource-options", "r0", "--peer-ack-window=1000").err());
        assertEquals("drbdsetup resource-options: Option --quorum: invalid argument '32': too big (1 ... 31)\n",
                run(k, "resource-options", "r0", "--quorum=32").err());
        assertEquals("drbdsetup peer-device-options: 12x is not a valid number\n",
                run(k, "peer-device-options", "r0", "2", "0", "--resync-rate=12x").err());
        assertEquals("drbdsetup disk-options: Option --on-io-error: invalid argument 'Detach' "
                + "(pass_on|call-local-io-error|detach)\n", run(k, "disk-options", "0", "--on-io-error=Detach").err());
        assertEquals("drbdsetup disk-options: Option --al-updates: invalid argument 'maybe' (yes or no)\n",
                run(k, "disk-options", "0", "--al-updates=maybe").err());
        assertEquals("drbdsetup disk-options: unrecognized option '--size'\n",
                run(k, "disk-options", "0", "--size=1G").err(), "the size is attach's only, as 9.22");
        assertEquals("drbdsetup net-options: unrecognized option '--transport'\n",
                run(k, "net-options", "r0", "2", "--transport=tcp").err());
        assertEquals("drbdsetup new-resource: unrecognized option '--bogus'\n",
                run(k, "new-resource", "r0", "1", "--bogus=1").err());
        Run r = run(k, "resource-options", "r0", "--twopc-timeout=10");
        assertEquals(20, r.rc());
        assertTrue(r.out().startsWith("USAGE: drbdsetup resource-options {resource}\n    [--set-defaults]"), r.out());
        assertEquals(List.of(), k.ops(), "nothing reached the kernel");
    }

    @Test
    void theOptionsCommandsSendOnlyWhatIsGiven() {
        FakeDrbd2Kernel k = kernel();
        ok(k, "resource-options", "r0", "--twopc-timeout=100");
        Resource r = Resource.decode(last(k).attrs());
        assertEquals("r0", r.name().orElseThrow());
        assertEquals(ResourceOptions.builder().twopcTimeout(100).build(), r.options().orElseThrow());

        ok(k, "disk-options", "7", "--al-extents=3000", "--disk-timeout=50");
        Device d = Device.decode(last(k).attrs());
        assertEquals(7, d.minor().getAsLong());
        assertEquals(DiskOptions.builder().alExtents(3000).diskTimeout(50).build(), d.diskOptions().orElseThrow());

        ok(k, "net-options", "r0", "2", "--max-buffers=8000", "--verify-alg=sha256");
        Connection c = Connection.decode(last(k).attrs());
        assertEquals(List.of("r0", 2L), List.of(c.resource().orElseThrow(), c.peerNodeId().getAsLong()));
        assertEquals(NetOptions.builder().maxBuffers(8000).verifyAlg("sha256").build(), c.netOptions().orElseThrow());
        assertEquals(List.of(Drbd2Op.RESOURCE_SET_OPTIONS, Drbd2Op.DEVICE_SET_DISK_OPTIONS,
                Drbd2Op.CONNECTION_SET_OPTIONS), k.ops());
    }

    @Test
    void setDefaultsSendsEveryOtherOptionAtItsDefault() {
        FakeDrbd2Kernel k = kernel();
        ok(k, "resource-options", "r0", "--set-defaults", "--quorum=2");
        assertEquals(ResourceOptions.builder().cpuMask("").onNoDataAccessible(0).autoPromote(1).peerAckWindow(4096)
                .peerAckDelay(100).twopcTimeout(300).twopcRetryTimeout(1).autoPromoteTimeout(20).maxIoDepth(8000)
                .quorum(2).onNoQuorum(1).quorumMinimumRedundancy(0).onSuspendedPrimaryOutdated(0).build(),
                Resource.decode(last(k).attrs()).options().orElseThrow());

        ok(k, "disk-options", "0", "--set-defaults");
        DiskOptions d = Device.decode(last(k).attrs()).diskOptions().orElseThrow();
        assertTrue(d.size().isEmpty(), "no size: disk-options cannot change it");
        assertEquals(List.of(2L, -1, 1237L, 1L), List.of(d.onIoError().getAsLong(), d.resyncAfter().getAsInt(),
                d.alExtents().getAsLong(), d.alUpdates().getAsLong()));

        ok(k, "peer-device-options", "r0", "2", "0", "--set-defaults");
        assertEquals(PeerDeviceOptions.builder().resyncRate(250).cPlanAhead(20).cDelayTarget(10).cFillTarget(100)
                .cMaxRate(102400).cMinRate(250).bitmap(1).build(),
                PeerDevice.decode(last(k).attrs()).options().orElseThrow());

        ok(k, "net-options", "r0", "2", "--set-defaults");
        NetOptions n = Connection.decode(last(k).attrs()).netOptions().orElseThrow();
        assertTrue(n.transport().isEmpty(), "the transport stays");
        assertEquals(List.of(3L, 60L, 0L), List.of(n.protocol().getAsLong(), n.timeout().getAsLong(),
                n.allowTwoPrimaries().getAsLong()));
        assertEquals("", n.cramHmacAlg().orElseThrow());
    }

    @Test
    void kernelRefusalsOfTheOptionsCommands() {
        FakeDrbd2Kernel k = kernel();
        k.refuse(Drbd2Op.DEVICE_SET_DISK_OPTIONS, 19, "minor 3 has no disk");
        k.refuse(Drbd2Op.CONNECTION_SET_OPTIONS, 22, "allow-two-primaries needs protocol c");
        assertEquals(new Run(10, "", "disk-options 3: No such device (ENODEV): minor 3 has no disk\n"),
                run(k, "disk-options", "3", "--al-extents=100"));
        assertEquals(new Run(10, "", "net-options r0 2: Invalid argument (EINVAL): allow-two-primaries needs "
                + "protocol c\n"), run(k, "net-options", "r0", "2", "--allow-two-primaries=yes"));
    }

    private static FakeDrbd2Kernel configured() {
        FakeDrbd2Kernel k = kernel();
        k.resources.add(Resource.builder().name("r0").nodeId(1).role(2).options(ResourceOptions.builder()
                .cpuMask("").onNoDataAccessible(0).autoPromote(1).peerAckWindow(4096).peerAckDelay(100)
                .twopcTimeout(300).twopcRetryTimeout(1).autoPromoteTimeout(20).maxIoDepth(8000).quorum(1024)
                .onNoQuorum(1).quorumMinimumRedundancy(0).onSuspendedPrimaryOutdated(0).build()).build());
        k.devices.add(Device.builder().resource("r0").minor(0).volume(0).diskState(4).backingDev("/dev/loop0")
                .metaDev("/dev/loop0").metaIdx(-1).diskOptions(DiskOptions.builder().size(0).onIoError(2)
                        .resyncAfter(-1).alExtents(3000).readBalancing(5).build()).build());
        k.connections.add(Connection.builder().resource("r0").peerNodeId(2).name("bob").cstate(0)
                .netOptions(NetOptions.builder().transport("").protocol(3).timeout(90).maxBuffers(2048)
                        .build()).build());
        k.peerDevices.add(PeerDevice.builder().resource("r0").peerNodeId(2).volume(0)
                .options(PeerDeviceOptions.builder().resyncRate(250).cFillTarget(200).build()).build());
        return k;
    }

    @Test
    void showPrintsWhatDiffersFromTheDefaults() {
        assertEquals("resource \"r0\" {\n"
                + "    options {\n"
                + "        quorum          \tmajority;\n"
                + "    }\n"
                + "    _this_host {\n"
                + "        node-id\t\t\t1;\n"
                + "        volume 0 {\n"
                + "            device\t\t\tminor 0;\n"
                + "            disk\t\t\t\"/dev/loop0\";\n"
                + "            meta-disk\t\t\tinternal;\n"
                + "            disk {\n"
                + "                al-extents      \t3000;\n"
                + "                read-balancing  \t32K-striping;\n"
                + "            }\n"
                + "        }\n"
                + "    }\n"
                + "    connection {\n"
                + "        _peer_node_id 2;\n"
                + "        _is_standalone;\n"
                + "        net {\n"
                + "            timeout         \t90; # 1/10 seconds\n"
                + "            _name           \t\"bob\";\n"
                + "        }\n"
                + "        volume 0 {\n"
                + "            disk {\n"
                + "                c-fill-target   \t200s; # bytes\n"
                + "            }\n"
                + "        }\n"
                + "    }\n"
                + "}\n\n", run(configured(), "show", "r0").out());
    }

    @Test
    void showDefaultsPrintsTheDefaultsToo() {
        String s = run(configured(), "show", "--show-defaults", "r0").out();
        assertTrue(s.contains("    options {\n"
                + "        cpu-mask        \t\"\"; # default\n"
                + "        on-no-data-accessible\tio-error; # default\n"
                + "        auto-promote    \tyes; # default\n"
                + "        peer-ack-window \t4096s; # bytes, default\n"), s);
        assertTrue(s.contains("        quorum          \tmajority;\n"), s);
        assertTrue(s.contains("            disk {\n"
                + "                size            \t0s; # bytes, default\n"
                + "                on-io-error     \tdetach; # default\n"
                + "                resync-after    \t-1; # default\n"
                + "                al-extents      \t3000;\n"), s);
        assertTrue(s.contains("        net {\n"
                + "            transport       \t\"\"; # default\n"
                + "            protocol        \tC; # default\n"
                + "            timeout         \t90; # 1/10 seconds\n"
                + "            max-buffers     \t2048; # default\n"
                + "            _name           \t\"bob\";\n"), s);
        assertTrue(s.contains("                resync-rate     \t250k; # bytes/second, default\n"
                + "                c-fill-target   \t200s; # bytes\n"), s);
    }

    @Test
    void helpListsTheTableOptionsIn922Syntax() {
        Run r = run(kernel(), "help", "net-options");
        assertEquals(0, r.rc());
        assertTrue(r.out().startsWith("USAGE: drbdsetup net-options {resource} {peer_node_id}\n"
                + "    [--set-defaults] [--protocol={A|B|C}] [--timeout=(1 ... 600)]\n"), r.out());
        assertTrue(r.out().contains("[--congestion-fill=(0 ... 20971520)]"), r.out());
        assertTrue(r.out().contains("--quorum") == false && !r.out().contains("--_name"), r.out());
        assertTrue(run(kernel(), "new-peer", "--help").out().contains("[--_name=<str>]"));
        assertTrue(run(kernel(), "help", "resource-options").out()
                .contains("[--quorum={off|majority|all}|(1 ... 31)]"));
        assertTrue(run(kernel(), "help", "show").out().contains("[--show-defaults]"));
    }
}
