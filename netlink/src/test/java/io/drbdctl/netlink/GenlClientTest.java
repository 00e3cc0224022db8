package io.drbdctl.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GenlClientTest {

    private static final int PORT = 4242;
    private static final int FAMILY = 33;
    private static final GenlRequest GET = GenlRequest.of(FAMILY, 1, 1);

    private static GenlClient client(Function<NlMessage, List<byte[]>> responder) {
        return new GenlClient(new FakeTransport(PORT, responder));
    }

    private static FakeTransport fake(GenlClient c) {
        return (FakeTransport) c.transport();
    }

    private static NlMessage part(NlMessage req, int flags, int value) {
        return Frames.genl(FAMILY, flags, req.seq(), PORT, 2, new NlAttrBuilder().u32(1, value));
    }

    @Test
    void doReturnsRepliesUntilTheAck() {
        GenlClient c = client(req -> List.of(Frames.datagram(part(req, 0, 5)),
                Frames.datagram(Frames.ack(req))));
        List<GenlMessage> replies = c.request(GET);
        assertEquals(1, replies.size());
        assertEquals(5, replies.get(0).attrs().require(1).asU32());
        NlMessage sent = fake(c).sent.get(0);
        assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, sent.flags());
        assertEquals(PORT, sent.pid());
    }

    @Test
    void doWithEmptySuccessSeesTheAck() {
        GenlClient c = client(req -> List.of(Frames.datagram(Frames.ack(req))));
        assertTrue(c.request(GET).isEmpty());
    }

    @Test
    void warningsAndCookiesOfASuccessAckAreKept() {
        GenlClient c = client(req -> List.of(Frames.datagram(Frames.error(req, 0, false,
                new NlAttrBuilder().string(Netlink.NLMSGERR_ATTR_MSG, "deprecated attribute")
                        .binary(Netlink.NLMSGERR_ATTR_COOKIE, new byte[] {9})))));
        GenlReply r = c.request(GET, Netlink.NLM_F_ECHO);
        assertTrue(r.messages().isEmpty());
        assertEquals(java.util.Optional.of("deprecated attribute"), r.extAck().message());
        assertEquals(9, r.extAck().cookie().orElseThrow()[0]);
        assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_ECHO,
                fake(c).sent.get(0).flags());
        GenlClient d = client(req -> List.of(Frames.datagram(Frames.done(req.seq(), PORT, 0, 0,
                new NlAttrBuilder().string(Netlink.NLMSGERR_ATTR_MSG, "partial")))));
        assertEquals(java.util.Optional.of("partial"), d.dump(GET).extAck().message());
    }

    @Test
    void sequenceNumbersIncrease() {
        GenlClient c = client(req -> List.of(Frames.datagram(Frames.ack(req))));
        c.request(GET);
        c.request(GET);
        assertEquals(fake(c).sent.get(0).seq() + 1, fake(c).sent.get(1).seq());
    }

    @Test
    void errorAckThrowsWithErrnoExtackAndRequest() {
        GenlClient c = client(req -> List.of(Frames.datagram(Frames.error(req, -95, false,
                new NlAttrBuilder().string(Netlink.NLMSGERR_ATTR_MSG, "nope")))));
        NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> c.request(GET));
        assertEquals(95, e.errno());
        assertEquals("EOPNOTSUPP (95): nope", e.getMessage());
        assertEquals(fake(c).sent.get(0), e.request());
    }

    @Test
    void dumpCollectsAllPartsAcrossDatagramsUntilDone() {
        GenlClient c = client(req -> List.of(
                Frames.datagram(part(req, Netlink.NLM_F_MULTI, 1), part(req, Netlink.NLM_F_MULTI, 2)),
                Frames.datagram(part(req, Netlink.NLM_F_MULTI, 3)),
                Frames.datagram(Frames.done(req.seq(), PORT, 0, 0, null))));
        DumpResult r = c.dump(GET);
        assertEquals(3, r.messages().size());
        assertEquals(3, r.messages().get(2).attrs().require(1).asU32());
        assertTrue(r.multipart());
        assertFalse(r.interrupted());
        assertEquals(3, r.datagrams());
        assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, fake(c).sent.get(0).flags());
    }

    @Test
    void doneCarryingAnErrorThrows() {
        GenlClient c = client(req -> List.of(
                Frames.datagram(part(req, Netlink.NLM_F_MULTI, 1)),
                Frames.datagram(Frames.done(req.seq(), PORT, -105, 0, new NlAttrBuilder()
                        .string(Netlink.NLMSGERR_ATTR_MSG, "dump failed")))));
        NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> c.dump(GET));
        assertEquals("ENOBUFS (105): dump failed", e.getMessage());
    }

    @Test
    void dumpStartErrorArrivesAsErrorAck() {
        GenlClient c = client(req -> List.of(Frames.datagram(Frames.error(req, -1, false, null))));
        NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> c.dump(GET));
        assertEquals("EPERM", e.errnoName());
    }

    @Test
    void dumpInterruptedIsSurfacedAndRetried() {
        int[] calls = {0};
        GenlClient c = client(req -> {
            calls[0]++;
            int intr = calls[0] < 3 ? Netlink.NLM_F_DUMP_INTR : 0;
            return List.of(Frames.datagram(part(req, Netlink.NLM_F_MULTI, calls[0]),
                    Frames.done(req.seq(), PORT, 0, intr, null)));
        });
        assertTrue(c.dump(GET).interrupted());
        List<GenlMessage> ok = c.dumpConsistent(GET, 5);
        assertEquals(3, ok.get(0).attrs().require(1).asU32());
        assertEquals(3, calls[0]);
        GenlClient never = client(req -> List.of(Frames.datagram(
                part(req, Netlink.NLM_F_MULTI | Netlink.NLM_F_DUMP_INTR, 1),
                Frames.done(req.seq(), PORT, 0, 0, null))));
        NetlinkDumpInterruptedException e = assertThrows(NetlinkDumpInterruptedException.class,
                () -> never.dumpConsistent(GET, 2));
        assertEquals(2, e.attempts());
    }

    @Test
    void dumpAnsweredWithOneNonMultiMessage() {
        GenlClient c = client(req -> List.of(Frames.datagram(part(req, 0, 8))));
        DumpResult r = c.dump(GET);
        assertEquals(1, r.messages().size());
        assertFalse(r.multipart());
    }

    @Test
    void sequenceMismatchIsAProtocolError() {
        GenlClient c = client(req -> List.of(Frames.datagram(
                Frames.genl(FAMILY, 0, req.seq() + 1, PORT, 2, new NlAttrBuilder()))));
        NetlinkProtocolException e = assertThrows(NetlinkProtocolException.class,
                () -> c.request(GET));
        assertTrue(e.getMessage().startsWith("sequence mismatch"), e.getMessage());
    }

    @Test
    void portIdMismatchIsAProtocolError() {
        GenlClient c = client(req -> List.of(Frames.datagram(
                Frames.genl(FAMILY, 0, req.seq(), PORT + 1, 2, new NlAttrBuilder()))));
        assertThrows(NetlinkProtocolException.class, () -> c.request(GET));
    }

    @Test
    void replyFromAnotherFamilyIsAProtocolError() {
        GenlClient c = client(req -> List.of(Frames.datagram(
                Frames.genl(FAMILY + 1, 0, req.seq(), PORT, 2, new NlAttrBuilder()))));
        assertThrows(NetlinkProtocolException.class, () -> c.request(GET));
    }

    @Test
    void messagesAfterTheAckAreNotDropped() {
        GenlClient c = client(req -> List.of(Frames.datagram(Frames.ack(req), part(req, 0, 1))));
        assertThrows(NetlinkProtocolException.class, () -> c.request(GET));
    }

    @Test
    void truncatedDatagramsAreProtocolErrors() {
        GenlClient c = client(req -> {
            byte[] dg = Frames.datagram(part(req, 0, 1));
            return List.of(java.util.Arrays.copyOf(dg, dg.length - 6));
        });
        assertThrows(NetlinkProtocolException.class, () -> c.request(GET));
        GenlClient badAttr = client(req -> {
            byte[] dg = Frames.datagram(part(req, 0, 1));
            dg[20] = 100; // nla_len of the first attribute beyond the message
            return List.of(dg);
        });
        assertThrows(NetlinkProtocolException.class, () -> badAttr.request(GET));
        GenlClient overrun = client(req -> List.of(Frames.datagram(
                NlMessage.of(Netlink.NLMSG_OVERRUN, 0, req.seq(), PORT, new byte[0]))));
        assertThrows(NetlinkProtocolException.class, () -> overrun.request(GET));
    }

    @Test
    void timeoutPropagates() {
        GenlClient c = client(req -> List.of());
        assertThrows(NetlinkTimeoutException.class, () -> c.request(GET));
    }

    @Test
    void familyHeaderOfRepliesIsSplitOff() {
        GenlRequest withHdr = GET.withFamilyHeader(new byte[8]);
        GenlClient c = client(req -> {
            byte[] attrs = new NlAttrBuilder().u32(1, 77).build();
            byte[] payload = new byte[4 + 8 + attrs.length];
            payload[0] = 2;
            payload[4] = 42; // first byte of the family header
            System.arraycopy(attrs, 0, payload, 12, attrs.length);
            return List.of(Frames.datagram(NlMessage.of(FAMILY, 0, req.seq(), PORT, payload),
                    Frames.ack(req)));
        });
        GenlMessage m = c.request(withHdr).get(0);
        assertEquals(42, m.familyHeader()[0]);
        assertEquals(77, m.attrs().require(1).asU32());
    }

    @Test
    void receiveEventsDecodesNotificationsAndCloseClosesTransport() {
        FakeTransport t = new FakeTransport(PORT, req -> List.of());
        t.queue.add(Frames.datagram(Frames.genl(FAMILY, 0, 0, 0, 9, new NlAttrBuilder().u8(1, 1)),
                Frames.genl(FAMILY, 0, 0, 0, 9, new NlAttrBuilder().u8(1, 2))));
        GenlClient c = new GenlClient(t);
        List<GenlMessage> events = c.receiveEvents(0);
        assertEquals(2, events.size());
        assertEquals(9, events.get(1).cmd());
        c.close();
        assertTrue(t.closed);
        assertSame(t, c.transport());
    }
}
