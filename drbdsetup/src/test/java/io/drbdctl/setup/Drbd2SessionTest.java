package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.genl.drbd2.Binary;
import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.Drbd2Op;
import io.drbdctl.genl.drbd2.NetOptions;
import io.drbdctl.genl.drbd2.Path;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.genl.drbd2.PeerDeviceOptions;
import io.drbdctl.genl.drbd2.Resource;
import io.drbdctl.netlink.GenlMessage;
import io.drbdctl.netlink.ctrl.Ctrl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** drbdsetup over a fake socket: family selection, the 9 dialect's requests, outputs and exit codes. */
class Drbd2SessionTest {

    /** One command's result. */
    record Run(int rc, String out, String err) {
    }

    private static Run run(SetupSession s, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = s.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static SetupSession session(FakeDrbd2Kernel k, Map<String, String> env) {
        return SetupSession.open(new FakeHost(k), env);
    }

    private static List<String> lookedUp(FakeDrbd2Kernel k) {
        return k.requests().stream().filter(m -> m.familyId() == Ctrl.GENL_ID_CTRL)
                .map(m -> m.attrs().require(Ctrl.CTRL_ATTR_FAMILY_NAME).asString()).toList();
    }

    // ---- family selection ------------------------------------------------------------

    @Test
    void drbd2IsChosenWhenRegistered() {
        FakeDrbd2Kernel k = new FakeDrbd2Kernel(Set.of("drbd2", "drbd"));
        try (SetupSession s = session(k, Map.of())) {
            assertEquals(new Run(0, "", ""), run(s, "new-resource", "r0", "1"));
        }
        assertEquals(List.of("drbd2"), lookedUp(k));
        assertEquals(List.of(Drbd2Op.RESOURCE_NEW), k.ops());
    }

    @Test
    void legacyFamilyWithoutDrbd2RunsThe84Dialect() {
        FakeDrbd2Kernel k = new FakeDrbd2Kernel(Set.of("drbd"));
        try (SetupSession s = session(k, Map.of())) {
            // an 8.4 command line: attach with its 8.4 syntax is parsed by the 8.4 dialect,
            // which asks for a disk size it cannot find and complains before the kernel
            Run r = run(s, "new-peer", "r0", "2");
            assertEquals(20, r.rc(), r.toString());
            assertTrue(r.out().contains("Commands are:"), "the 8.4 usage: " + r);
        }
        assertEquals(List.of("drbd2", "drbd"), lookedUp(k));
    }

    @Test
    void noModuleIsOneLineAndExit20() {
        FakeDrbd2Kernel k = new FakeDrbd2Kernel(Set.of());
        try (SetupSession s = session(k, Map.of())) {
            Run r = run(s, "status");
            assertEquals(20, r.rc());
            assertEquals("drbdsetup: no DRBD kernel module loaded: neither the 'drbd2' nor the 'drbd' "
                    + "generic netlink family is registered\n", r.err());
        }
        try (SetupSession s = session(new FakeDrbd2Kernel(Set.of()), Map.of())) {
            assertEquals(0, run(s, "down", "r0").rc(), "down succeeds without DRBD (9.22)");
        }
    }

    @Test
    void nineDialectHelpNeedsNoModule() {
        try (SetupSession s = session(new FakeDrbd2Kernel(Set.of()), Map.of())) {
            Run r = run(s, "--family=drbd2", "net-options", "--help");
            assertEquals(0, r.rc(), r.err());
            assertTrue(r.out().startsWith("USAGE: drbdsetup net-options {resource} {peer_node_id}"), r.out());
        }
        try (SetupSession s = session(new FakeDrbd2Kernel(Set.of()), Map.of("DRBDCTL_FAMILY", "drbd2"))) {
            Run r = run(s, "help");
            assertEquals(0, r.rc(), r.err());
            assertTrue(r.out().contains("events2") || r.out().contains("new-peer"), r.out());
        }
    }

    @Test
    void overrideByOptionAndEnvironment() {
        FakeDrbd2Kernel k = new FakeDrbd2Kernel(Set.of("drbd"));
        try (SetupSession s = session(k, Map.of())) {
            Run r = run(s, "--family=drbd2", "status");
            assertEquals(20, r.rc());
            assertEquals("drbdsetup: the 'drbd2' generic netlink family is not registered "
                    + "(--family=drbd2): is the DRBD kernel module loaded?\n", r.err());
        }
        FakeDrbd2Kernel both = new FakeDrbd2Kernel(Set.of("drbd2", "drbd"));
        try (SetupSession s = session(both, Map.of("DRBDCTL_FAMILY", "drbd2"))) {
            assertEquals(0, run(s, "status").rc());
        }
        assertEquals(List.of("drbd2"), lookedUp(both));
        try (SetupSession s = session(new FakeDrbd2Kernel(Set.of()), Map.of("DRBDCTL_FAMILY", "drbd9"))) {
            Run r = run(s, "status");
            assertEquals(new Run(20, "", "drbdsetup: DRBDCTL_FAMILY: unknown family 'drbd9' (use drbd2 or drbd)\n"), r);
        }
    }

    // ---- requests --------------------------------------------------------------------

    @Test
    void commandsSendTheirAttributes() {
        FakeDrbd2Kernel k = new FakeDrbd2Kernel(Set.of("drbd2"));
        try (SetupSession s = session(k, Map.of())) {
            assertEquals(0, run(s, "new-resource", "r0", "3", "--auto-promote=no").rc());
            assertEquals(0, run(s, "new-minor", "r0", "7", "1").rc());
            assertEquals(0, run(s, "attach", "7", "/dev/loop0", "/dev/loop1", "flexible").rc());
            assertEquals(0, run(s, "primary", "r0", "--force").rc());
            assertEquals(0, run(s, "new-peer", "r0", "2", "--_name=bob", "--protocol=A").rc());
            assertEquals(0, run(s, "new-path", "r0", "2", "192.0.2.1:7789", "ipv6:[fe80::1]:7790").rc());
            assertEquals(0, run(s, "peer-device-options", "r0", "2", "1", "--c-max-rate=1000").rc());
        }
        List<GenlMessage> d2 = k.requests().stream().filter(m -> m.familyId() == FakeDrbd2Kernel.DRBD2_ID).toList();
        Resource res = Resource.decode(d2.get(0).attrs());
        assertEquals("r0", res.name().orElseThrow());
        assertEquals(3, res.nodeId().getAsLong());
        assertEquals(0, res.options().orElseThrow().autoPromote().getAsLong());
        Device dev = Device.decode(d2.get(1).attrs());
        assertEquals(List.of(7L, 1L, "r0"), List.of(dev.minor().getAsLong(), dev.volume().getAsLong(),
                dev.resource().orElseThrow()));
        Device att = Device.decode(d2.get(2).attrs());
        assertEquals("/dev/loop1", att.metaDev().orElseThrow());
        assertEquals(-2, att.metaIdx().getAsInt());
        Resource role = Resource.decode(d2.get(3).attrs());
        assertEquals(List.of(1L, true), List.of(role.role().getAsLong(), role.force().orElse(false)));
        Connection c = Connection.decode(d2.get(4).attrs());
        assertEquals("bob", c.name().orElseThrow());
        assertEquals(1, c.netOptions().orElseThrow().protocol().getAsLong());
        Path p = Path.decode(d2.get(5).attrs());
        assertEquals(16, p.myAddr().orElseThrow().length());
        assertEquals(28, p.peerAddr().orElseThrow().length());
        PeerDevice pd = PeerDevice.decode(d2.get(6).attrs());
        assertEquals(1000, pd.options().orElseThrow().cMaxRate().getAsLong());
    }

    @Test
    void usageErrorsExit20BeforeTheKernel() {
        FakeDrbd2Kernel k = new FakeDrbd2Kernel(Set.of("drbd2"));
        try (SetupSession s = session(k, Map.of())) {
            Run r = run(s, "new-resource", "r0");
            assertEquals(20, r.rc());
            assertEquals("drbdsetup new-resource: missing arguments\n", r.err());
            assertTrue(r.out().startsWith("USAGE: drbdsetup new-resource {resource} {node_id}"), r.out());
            assertEquals(20, run(s, "primary", "r0", "--bogus").rc());
            assertEquals(20, run(s, "new-peer", "r0", "2", "--protocol=D").rc());
            assertEquals(20, run(s, "new-minor", "r0", "x", "0").rc());
            Run addr = run(s, "new-path", "r0", "2", "host.example:1", "192.0.2.2:7789");
            assertEquals(20, addr.rc());
            assertTrue(addr.err().startsWith("drbdsetup new-path: invalid address 'host.example:1'"), addr.err());
            assertEquals(20, run(s, "frobnicate").rc());
        }
        assertEquals(List.of(), k.ops());
    }

    @Test
    void kernelRefusalsAreOneLineWithTheReferenceExitCode() {
        FakeDrbd2Kernel k = new FakeDrbd2Kernel(Set.of("drbd2"));
        k.refuse(Drbd2Op.RESOURCE_SET_ROLE, 61, "device 0 has no up-to-date data");
        k.refuse(Drbd2Op.RESOURCE_DEL, 2, "no resource r9");
        k.refuse(Drbd2Op.PEER_DEVICE_SET_OPTIONS, 22, "c-min-rate: above c-max-rate");
        k.refuse(Drbd2Op.CONNECTION_CONNECT, 89, "connecting needs a path");
        try (SetupSession s = session(k, Map.of())) {
            assertEquals(new Run(17, "", "primary r0: No data available (ENODATA): device 0 has no "
                    + "up-to-date data\n"), run(s, "primary", "r0"));
            assertEquals(new Run(10, "", "del-resource r9: No such file or directory (ENOENT): no "
                    + "resource r9\n"), run(s, "del-resource", "r9"));
            assertEquals(new Run(10, "", "peer-device-options r0 2 0: Invalid argument (EINVAL): "
                    + "c-min-rate: above c-max-rate\n"),
                    run(s, "peer-device-options", "r0", "2", "0", "--c-min-rate=4G"));
            assertEquals(new Run(10, "", "connect r0 2: Destination address required (EDESTADDRREQ): "
                    + "connecting needs a path\n"), run(s, "connect", "r0", "2"));
        }
    }

    // ---- status and show -------------------------------------------------------------

    private static FakeDrbd2Kernel twoResources() {
        FakeDrbd2Kernel k = new FakeDrbd2Kernel(Set.of("drbd2"));
        k.resources.add(Resource.builder().name("r1").nodeId(1).role(2).build());
        k.resources.add(Resource.builder().name("r0").nodeId(1).role(1).build());
        k.devices.add(Device.builder().resource("r0").minor(0).volume(0).diskState(4).backingDev("/dev/loop0")
                .metaDev("/dev/loop0").metaIdx(-1).build());
        k.devices.add(Device.builder().resource("r1").minor(1).volume(0).diskState(0).build());
        k.devices.add(Device.builder().resource("r1").minor(2).volume(1).diskState(1).backingDev("/dev/loop2")
                .metaDev("/dev/loop3").metaIdx(0).build());
        k.connections.add(Connection.builder().resource("r0").peerNodeId(2).name("bob").cstate(3)
                .netOptions(NetOptions.builder().protocol(3).allowTwoPrimaries(0).build()).build());
        k.connections.add(Connection.builder().resource("r1").peerNodeId(3).name("carol").cstate(0)
                .netOptions(NetOptions.builder().protocol(1).build()).build());
        k.paths.add(Path.builder().resource("r0").peerNodeId(2)
                .myAddr(Binary.of(io.drbdctl.setup.v9.Addresses.parse("192.0.2.1:7789").orElseThrow()))
                .peerAddr(Binary.of(io.drbdctl.setup.v9.Addresses.parse("192.0.2.2:7789").orElseThrow())).build());
        k.peerDevices.add(PeerDevice.builder().resource("r1").peerNodeId(3).volume(1).peerDiskState(5)
                .options(PeerDeviceOptions.builder().resyncRate(1000).cPlanAhead(20).build()).build());
        return k;
    }

    @Test
    void statusInThe922TextFormat() {
        try (SetupSession s = session(twoResources(), Map.of())) {
            assertEquals(new Run(0, "r0 role:Primary\n"
                    + "  disk:UpToDate\n"
                    + "  bob connection:Connecting\n"
                    + "\n"
                    + "r1 role:Secondary\n"
                    + "  volume:0 disk:Diskless client:no\n"
                    + "  volume:1 disk:Inconsistent\n"
                    + "  carol connection:StandAlone\n"
                    + "\n", ""), run(s, "status"));
            assertEquals(new Run(10, "", "r7: No such resource\n"), run(s, "status", "r7"));
        }
        try (SetupSession s = session(new FakeDrbd2Kernel(Set.of("drbd2")), Map.of())) {
            assertEquals(new Run(0, "# No currently configured DRBD found.\n", ""), run(s, "status"));
        }
    }

    @Test
    void showInThe922ConfigurationSyntax() {
        try (SetupSession s = session(twoResources(), Map.of())) {
            assertEquals(new Run(0, "resource \"r0\" {\n"
                    + "    _this_host {\n"
                    + "        node-id\t\t\t1;\n"
                    + "        volume 0 {\n"
                    + "            device\t\t\tminor 0;\n"
                    + "            disk\t\t\t\"/dev/loop0\";\n"
                    + "            meta-disk\t\t\tinternal;\n"
                    + "        }\n"
                    + "    }\n"
                    + "    connection {\n"
                    + "        _peer_node_id 2;\n"
                    + "        path {\n"
                    + "            _this_host ipv4 192.0.2.1:7789;\n"
                    + "            _remote_host ipv4 192.0.2.2:7789;\n"
                    + "        }\n"
                    + "        net {\n"
                    + "            _name           \t\"bob\";\n"
                    + "        }\n"
                    + "    }\n"
                    + "}\n\n", ""), run(s, "show", "r0"));
            String r1 = run(s, "show", "r1").out();
            assertTrue(r1.contains("            meta-disk\t\t\t\"/dev/loop3\" [ 0 ];\n"), r1);
            assertTrue(r1.contains("        _is_standalone;\n        net {\n"
                    + "            protocol        \tA;\n"
                    + "            _name           \t\"carol\";\n        }\n"), r1);
            assertTrue(r1.contains("        volume 1 {\n            disk {\n"
                    + "                resync-rate     \t1000k; # bytes/second\n"
                    + "            }\n        }\n"), r1);
        }
    }

    @Test
    void downTakesEverythingApartInOrder() {
        FakeDrbd2Kernel k = twoResources();
        FakeHost host = new FakeHost(k);
        try (SetupSession s = SetupSession.open(host, Map.of())) {
            assertEquals(new Run(0, "", ""), run(s, "down", "r0"));
            assertEquals(new Run(0, "", ""), run(s, "down", "nosuch"));
        }
        assertEquals(List.of("minor 0", "resource r0"), host.forgotten, "the registry, as 9.22");
        assertEquals(List.of(Drbd2Op.RESOURCE_GET, Drbd2Op.RESOURCE_SET_ROLE, Drbd2Op.CONNECTION_GET,
                Drbd2Op.CONNECTION_DEL, Drbd2Op.DEVICE_GET, Drbd2Op.DEVICE_DETACH, Drbd2Op.DEVICE_DEL,
                Drbd2Op.RESOURCE_DEL, Drbd2Op.RESOURCE_GET), k.ops());
    }

    @Test
    void helpListsThe9Commands() {
        try (SetupSession s = session(new FakeDrbd2Kernel(Set.of("drbd2")), Map.of())) {
            Run r = run(s, "help");
            assertEquals(0, r.rc());
            assertTrue(r.out().contains("    new-path - "), r.out());
            Run one = run(s, "help", "attach");
            assertTrue(one.out().startsWith("USAGE: drbdsetup attach {minor} {lower_dev} {meta_data_dev} "
                    + "{meta_data_index}\n"), one.out());
        }
    }
}
