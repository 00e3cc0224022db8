package io.drbdctl.netlink.ctrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.netlink.DumpResult;
import io.drbdctl.netlink.GenlClient;
import io.drbdctl.netlink.GenlRequest;
import io.drbdctl.netlink.Netlink;
import io.drbdctl.netlink.NetlinkErrnoException;
import io.drbdctl.netlink.NetlinkException;
import io.drbdctl.netlink.NlAttr;
import io.drbdctl.netlink.NlAttrBuilder;
import io.drbdctl.netlink.NlAttrs;
import io.drbdctl.netlink.socket.NetlinkSocket;
import io.drbdctl.netlink.socket.SocketOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** nlctrl against the host kernel. */
class NlctrlHostTest {

    private GenlClient client;
    private Nlctrl ctrl;

    @BeforeEach
    void open() {
        client = new GenlClient(NetlinkSocket.open(
                SocketOptions.defaults().withReceiveTimeout(Duration.ofSeconds(5))));
        ctrl = new Nlctrl(client);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void resolvesNlctrlByName() {
        GenlFamily f = ctrl.family("nlctrl");
        assertEquals(16, f.id());
        assertEquals("nlctrl", f.name());
        assertTrue(f.version() >= 1);
        assertEquals(16, f.mcastGroup("notify").orElseThrow().id());
        assertTrue(f.op(Ctrl.CTRL_CMD_GETFAMILY).orElseThrow().canDump());
        assertEquals(16, ctrl.mcastGroupId("nlctrl", "notify"));
    }

    @Test
    void dumpFindsNlctrl() {
        DumpResult r = client.dump(GenlRequest.of(Ctrl.GENL_ID_CTRL, Ctrl.CTRL_CMD_GETFAMILY,
                Ctrl.VERSION));
        assertTrue(r.multipart(), "NLM_F_MULTI parts ended by NLMSG_DONE");
        assertTrue(r.messages().size() >= 1);
        List<GenlFamily> all = ctrl.families();
        GenlFamily nlctrl = all.stream().filter(f -> f.name().equals("nlctrl")).findFirst()
                .orElseThrow();
        assertEquals(16, nlctrl.id());
        assertEquals(ctrl.family("nlctrl"), nlctrl);
    }

    /**
     * CTRL_ATTR_FAMILY_NAME is NLA_NUL_STRING with max length GENL_NAMSIZ-1. What the kernel
     * really answers: EINVAL, "Attribute failed policy validation", the offset of the
     * attribute (20 = nlmsghdr 16 + genlmsghdr 4) and the policy (NUL_STRING, max length 15).
     * The same with and without NETLINK_CAP_ACK (the echoed request is skipped correctly).
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void unterminatedFamilyNameFailsPolicyValidation(boolean capAck) {
        try (GenlClient c = new GenlClient(NetlinkSocket.open(SocketOptions.defaults()
                .withCapAck(capAck).withReceiveTimeout(Duration.ofSeconds(5))))) {
            GenlRequest bad = GenlRequest.of(Ctrl.GENL_ID_CTRL, Ctrl.CTRL_CMD_GETFAMILY,
                    Ctrl.VERSION, new NlAttrBuilder().stringUnterminated(
                            Ctrl.CTRL_ATTR_FAMILY_NAME, "abcdefghijklmnopqrst"));
            NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class,
                    () -> c.request(bad));
            assertEquals(22, e.errno());
            assertEquals("EINVAL", e.errnoName());
            assertEquals(Optional.of("Attribute failed policy validation"), e.kernelMessage());
            assertEquals(OptionalInt.of(20), e.extAck().offset());
            assertEquals("EINVAL (22): Attribute failed policy validation [offset 20]",
                    e.getMessage());
            NlAttr offending = e.offendingAttribute().orElseThrow();
            assertEquals(Ctrl.CTRL_ATTR_FAMILY_NAME, offending.type());
            assertEquals(20, offending.length());
            NlAttrs policy = NlAttrs.decode(e.extAck().policy().orElseThrow());
            assertEquals(12, policy.require(1).asU32()); // NL_ATTR_TYPE_NUL_STRING
            assertEquals(15, policy.require(7).asU32()); // max length GENL_NAMSIZ - 1
            assertEquals(e.request().seq(), e.request().header().seq());
        }
    }

    @Test
    void unknownFamilyIsEnoent() {
        NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class,
                () -> ctrl.family("no-such-family"));
        assertEquals(2, e.errno());
        assertEquals("ENOENT", e.errnoName());
        assertTrue(e.getMessage().startsWith("ENOENT (2)"), e.getMessage());
        assertTrue(ctrl.findFamily("no-such-family").isEmpty());
        assertThrows(NetlinkException.class, () -> ctrl.mcastGroupId("nlctrl", "no-such-group"));
    }

    @Test
    void unknownCommandIsEopnotsupp() {
        NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class,
                () -> client.request(GenlRequest.of(Ctrl.GENL_ID_CTRL, 99, Ctrl.VERSION)));
        assertEquals("EOPNOTSUPP", e.errnoName());
        // the socket stays usable after an error
        assertEquals(16, ctrl.family("nlctrl").id());
    }

    @Test
    void flagsOfTheAckMatchTheSocketOptions() {
        // with NETLINK_CAP_ACK (default) the error ack is capped; with extack it carries TLVs
        NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class,
                () -> client.request(GenlRequest.of(Ctrl.GENL_ID_CTRL,
                        Ctrl.CTRL_CMD_GETFAMILY, Ctrl.VERSION, new NlAttrBuilder()
                                .stringUnterminated(Ctrl.CTRL_ATTR_FAMILY_NAME, "x"))));
        assertTrue(e.extAck().message().isPresent());
        assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, e.request().flags());
    }
}
