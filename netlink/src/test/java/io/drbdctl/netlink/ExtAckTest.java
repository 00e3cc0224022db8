package io.drbdctl.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExtAckTest {

    private static final NlMessage REQUEST = GenlRequest.of(16, 3, 2,
            new NlAttrBuilder().stringUnterminated(2, "abcdefghijklmnopqrst"))
            .toMessage(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, 9, 77);

    private static NlAttrBuilder policyTlvs() {
        return new NlAttrBuilder().string(Netlink.NLMSGERR_ATTR_MSG,
                        "Attribute failed policy validation")
                .u32(Netlink.NLMSGERR_ATTR_OFFS, 20)
                .nest(Netlink.NLMSGERR_ATTR_POLICY, n -> n.u32(1, 12).u32(7, 15));
    }

    @Test
    void cappedErrorAckCarriesOnlyTheHeaderThenTlvs() {
        NlMessage err = Frames.error(REQUEST, -22, false, policyTlvs());
        NlAck ack = NlAck.fromError(err);
        assertTrue(ack.capped());
        assertEquals(22, ack.errno());
        assertFalse(ack.isSuccess());
        assertEquals(REQUEST.header(), ack.echoedHeader().orElseThrow());
        assertEquals(Optional.of("Attribute failed policy validation"), ack.extAck().message());
        assertEquals(OptionalInt.of(20), ack.extAck().offset());
        NlAttrs policy = NlAttrs.decode(ack.extAck().policy().orElseThrow());
        assertEquals(15, policy.require(7).asU32());
    }

    @Test
    void uncappedErrorAckSkipsTheEchoedRequest() {
        NlAck ack = NlAck.fromError(Frames.error(REQUEST, -22, true, policyTlvs()));
        assertFalse(ack.capped());
        assertEquals(OptionalInt.of(20), ack.extAck().offset());
        assertEquals("Attribute failed policy validation [offset 20]", ack.extAck().describe());
    }

    @Test
    void tlvsAreIgnoredWithoutAckTlvsFlag() {
        NlMessage err = Frames.error(REQUEST, -22, false, policyTlvs());
        NlMessage noFlag = NlMessage.of(err.type(), Netlink.NLM_F_CAPPED, err.seq(), err.pid(),
                err.payload());
        assertTrue(NlAck.fromError(noFlag).extAck().isEmpty());
    }

    @Test
    void successAckWithoutCappedFlagHasNoEchoedPayload() {
        // older kernels: error 0 and no NLM_F_CAPPED, still only the header is echoed
        ByteBuffer p = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder()).putInt(0)
                .put(REQUEST.toBytes(), 0, 16);
        NlAck ack = NlAck.fromError(NlMessage.of(Netlink.NLMSG_ERROR, 0, 9, 77, p.array()));
        assertTrue(ack.isSuccess());
        assertTrue(ack.extAck().isEmpty());
    }

    @Test
    void missingAttributeTlvsAndCookie() {
        NlAttrBuilder tlvs = new NlAttrBuilder()
                .u32(Netlink.NLMSGERR_ATTR_MISS_TYPE, 3).u32(Netlink.NLMSGERR_ATTR_MISS_NEST, 24)
                .binary(Netlink.NLMSGERR_ATTR_COOKIE, new byte[] {1, 2});
        ExtAck x = NlAck.fromError(Frames.error(REQUEST, -22, false, tlvs)).extAck();
        assertEquals(OptionalInt.of(3), x.missingType());
        assertEquals(OptionalInt.of(24), x.missingNest());
        assertArrayEquals(new byte[] {1, 2}, x.cookie().orElseThrow());
        assertEquals("[missing attribute 3 in nest at offset 24]", x.describe());
        assertEquals("EINVAL (22): Invalid argument [missing attribute 3 in nest at offset 24]",
                new NetlinkErrnoException(22, x, REQUEST).getMessage());
    }

    @Test
    void errnoExceptionTextAndOffendingAttribute() {
        ExtAck x = NlAck.fromError(Frames.error(REQUEST, -22, false, policyTlvs())).extAck();
        NetlinkErrnoException e = new NetlinkErrnoException(22, x, REQUEST);
        assertEquals("EINVAL (22): Attribute failed policy validation [offset 20]",
                e.getMessage());
        assertEquals("EINVAL", e.errnoName());
        assertEquals(REQUEST, e.request());
        NlAttr bad = e.offendingAttribute().orElseThrow();
        assertEquals(2, bad.type());
        assertEquals("abcdefghijklmnopqrst", bad.asString());
        assertEquals("ENOENT (2): No such file or directory",
                new NetlinkErrnoException(2, ExtAck.NONE, REQUEST).getMessage());
    }

    @Test
    void errorAckEchoingMoreThanItCarriesIsMalformed() {
        NlMessage err = Frames.error(REQUEST, -22, true, null);
        byte[] p = err.payload();
        ByteBuffer.wrap(p).order(ByteOrder.nativeOrder()).putInt(4, 4000);
        NlMessage bad = NlMessage.of(Netlink.NLMSG_ERROR, 0, err.seq(), err.pid(), p);
        assertThrows(NetlinkProtocolException.class, () -> NlAck.fromError(bad));
        NlMessage shortErr = NlMessage.of(Netlink.NLMSG_ERROR, 0, 1, 1, new byte[6]);
        assertThrows(NetlinkProtocolException.class, () -> NlAck.fromError(shortErr));
    }

    @Test
    void doneCarriesErrorAndTlvs() {
        NlAck done = NlAck.fromDone(Frames.done(3, 4, -16, 0,
                new NlAttrBuilder().string(Netlink.NLMSGERR_ATTR_MSG, "busy")));
        assertEquals(16, done.errno());
        assertEquals(Optional.of("busy"), done.extAck().message());
        assertTrue(done.echoedHeader().isEmpty());
        assertTrue(NlAck.fromDone(Frames.done(3, 4, 0, 0, null)).isSuccess());
    }

    @Test
    void errnoNames() {
        assertEquals("EINVAL", Errno.name(22));
        assertEquals("ENOENT", Errno.name(-2));
        assertEquals("EOPNOTSUPP", Errno.name(95));
        assertEquals("EPERM", Errno.name(1));
        assertEquals("E9999", Errno.name(9999));
        assertEquals("EBUSY (16): Device or resource busy", Errno.describe(16));
    }
}
