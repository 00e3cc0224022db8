package io.drbdctl.netlink.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.netlink.DumpResult;
import io.drbdctl.netlink.GenlClient;
import io.drbdctl.netlink.GenlRequest;
import io.drbdctl.netlink.NetlinkException;
import io.drbdctl.netlink.NetlinkSocketException;
import io.drbdctl.netlink.NetlinkTimeoutException;
import io.drbdctl.netlink.ctrl.Ctrl;
import io.drbdctl.netlink.ctrl.GenlFamily;
import io.drbdctl.netlink.ctrl.Nlctrl;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against the host kernel's NETLINK_GENERIC. */
class NetlinkSocketHostTest {

    private static final SocketOptions SHORT_TIMEOUT =
            SocketOptions.defaults().withReceiveTimeout(Duration.ofMillis(200));

    @Test
    void bindsToDistinctKernelAssignedPorts() {
        try (NetlinkSocket a = NetlinkSocket.openGeneric();
             NetlinkSocket b = NetlinkSocket.openGeneric()) {
            assertNotEquals(0, a.portId());
            assertNotEquals(0, b.portId());
            assertNotEquals(a.portId(), b.portId());
            assertTrue(a.socketReceiveBuffer() > 0);
        }
    }

    @Test
    void receiveTimeoutIsTyped() {
        try (NetlinkSocket s = NetlinkSocket.open(SHORT_TIMEOUT)) {
            long t0 = System.nanoTime();
            assertThrows(NetlinkTimeoutException.class, s::receive);
            assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(150).toNanos());
        }
    }

    @Test
    void closedSocketRefusesWorkAndClosesOnce() {
        NetlinkSocket s = NetlinkSocket.openGeneric();
        s.close();
        s.close();
        assertFalse(s.isOpen());
        assertThrows(NetlinkException.class, s::receive);
    }

    @Test
    void multicastMembershipAddAndDrop() {
        try (GenlClient requests = new GenlClient(NetlinkSocket.open(SHORT_TIMEOUT));
             NetlinkSocket events = NetlinkSocket.open(SHORT_TIMEOUT)) {
            int id = new Nlctrl(requests).subscribe(events, Ctrl.FAMILY_NAME, "notify");
            assertTrue(id > 0);
            events.dropMembership(id);
            assertThrows(NetlinkTimeoutException.class, events::receive);
            NetlinkSocketException e = assertThrows(NetlinkSocketException.class,
                    () -> events.addMembership(0));
            assertEquals("EINVAL", e.errnoName());
        }
    }

    @Test
    void dumpWithTinyReadBufferGrowsThroughPeekAndTrunc() {
        List<GenlFamily> reference;
        try (GenlClient c = new GenlClient(NetlinkSocket.open(SHORT_TIMEOUT))) {
            reference = new Nlctrl(c).families();
        }
        try (NetlinkSocket s = NetlinkSocket.open(SHORT_TIMEOUT.withReadBufferSize(16));
             GenlClient c = new GenlClient(s)) {
            assertEquals(16, s.readBufferSize());
            DumpResult r = c.dump(GenlRequest.of(Ctrl.GENL_ID_CTRL, Ctrl.CTRL_CMD_GETFAMILY,
                    Ctrl.VERSION));
            assertTrue(s.readBufferSize() > 16, "buffer grew to " + s.readBufferSize());
            assertTrue(r.multipart());
            List<GenlFamily> tiny = r.messages().stream().map(GenlFamily::decode).toList();
            assertEquals(reference.stream().map(GenlFamily::name).toList(),
                    tiny.stream().map(GenlFamily::name).toList());
        }
    }
}
