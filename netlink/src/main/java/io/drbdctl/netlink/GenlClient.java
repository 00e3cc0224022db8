package io.drbdctl.netlink;

import java.util.ArrayList;
import java.util.List;

/**
 * Request/response over a {@link NetlinkTransport}: {@link #request} ("do", with NLM_F_ACK so
 * that an empty success is seen) and {@link #dump} (NLM_F_DUMP, all NLM_F_MULTI parts until
 * NLMSG_DONE). Every received message must carry this socket's port id and the request's
 * sequence number; anything else is a {@link NetlinkProtocolException}, never dropped.
 * Methods are synchronized: one exchange at a time per client.
 */
public final class GenlClient implements AutoCloseable {

    private final NetlinkTransport transport;
    private int nextSeq;

    public GenlClient(NetlinkTransport transport) {
        this(transport, 1);
    }

    public GenlClient(NetlinkTransport transport, int firstSeq) {
        this.transport = transport;
        this.nextSeq = firstSeq;
    }

    public NetlinkTransport transport() {
        return transport;
    }

    /**
     * Sends {@code req} with NLM_F_REQUEST|NLM_F_ACK and returns the reply messages (possibly
     * none) once the kernel's ACK arrives.
     *
     * @throws NetlinkErrnoException    if the kernel answers with an errno
     * @throws NetlinkProtocolException on malformed or unexpected replies
     * @throws NetlinkTimeoutException  if the transport's receive timeout expires
     */
    public synchronized List<GenlMessage> request(GenlRequest req) {
        return request(req, 0).messages();
    }

    /**
     * As {@link #request(GenlRequest)}, with extra header flags such as NLM_F_ECHO, and also
     * returning the extended ack that came with the success ACK.
     */
    public synchronized GenlReply request(GenlRequest req, int extraFlags) {
        DumpResult r = exchange(req, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | extraFlags,
                false, false);
        return new GenlReply(r.messages(), r.extAck());
    }

    /**
     * Sends {@code req} with NLM_F_REQUEST only (no ACK requested, as legacy families' tools
     * do) and returns the first reply message of the family. An NLMSG_ERROR with an errno
     * throws {@link NetlinkErrnoException}; a success ACK without a reply yields an empty list.
     */
    public synchronized List<GenlMessage> requestNoAck(GenlRequest req) {
        return exchange(req, Netlink.NLM_F_REQUEST, false, true).messages();
    }

    /**
     * Sends {@code req} with NLM_F_REQUEST|NLM_F_DUMP and collects all parts. NLM_F_DUMP_INTR
     * is reported in the result, not thrown. An errno in NLMSG_ERROR or in NLMSG_DONE throws
     * {@link NetlinkErrnoException}.
     */
    public synchronized DumpResult dump(GenlRequest req) {
        return exchange(req, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, true, false);
    }

    /**
     * Dumps until a result without NLM_F_DUMP_INTR arrives.
     *
     * @throws NetlinkDumpInterruptedException if all {@code maxAttempts} were interrupted
     */
    public List<GenlMessage> dumpConsistent(GenlRequest req, int maxAttempts) {
        for (int i = 0; i < maxAttempts; i++) {
            DumpResult r = dump(req);
            if (!r.interrupted()) {
                return r.messages();
            }
        }
        throw new NetlinkDumpInterruptedException(maxAttempts);
    }

    /**
     * Receives one datagram of notifications (on a socket subscribed to multicast groups) and
     * decodes its messages with a fixed header of {@code familyHeaderSize} bytes.
     */
    public synchronized List<GenlMessage> receiveEvents(int familyHeaderSize) {
        List<GenlMessage> out = new ArrayList<>();
        for (NlMessage m : NlMessage.split(transport.receive())) {
            switch (m.type()) {
                case Netlink.NLMSG_NOOP, Netlink.NLMSG_DONE -> { }
                case Netlink.NLMSG_OVERRUN -> throw new NetlinkProtocolException(
                        "NLMSG_OVERRUN: notifications were lost");
                case Netlink.NLMSG_ERROR -> {
                    NlAck ack = NlAck.fromError(m);
                    if (!ack.isSuccess()) {
                        throw new NetlinkErrnoException(ack.errno(), ack.extAck(), null);
                    }
                }
                default -> out.add(GenlMessage.decode(m, familyHeaderSize));
            }
        }
        return List.copyOf(out);
    }

    private int takeSeq() {
        int seq = nextSeq++;
        if (nextSeq == 0) {
            nextSeq = 1;
        }
        return seq;
    }

    private DumpResult exchange(GenlRequest req, int flags, boolean dump, boolean firstReply) {
        int seq = takeSeq();
        NlMessage sent = req.toMessage(flags, seq, transport.portId());
        transport.send(sent.toBytes());
        ReplyState st = new ReplyState();
        while (true) {
            List<NlMessage> msgs = NlMessage.split(transport.receive());
            st.datagrams++;
            for (int i = 0; i < msgs.size(); i++) {
                NlMessage m = msgs.get(i);
                checkOrigin(m, sent);
                if ((m.flags() & Netlink.NLM_F_DUMP_INTR) != 0) {
                    st.interrupted = true;
                }
                boolean finished = handle(m, req, sent, dump, st)
                        || firstReply && !st.messages.isEmpty();
                if (finished) {
                    if (i != msgs.size() - 1) {
                        throw new NetlinkProtocolException("message after the end of the reply "
                                + "to seq " + Integer.toUnsignedString(seq) + ": "
                                + msgs.get(i + 1).header());
                    }
                    return new DumpResult(st.messages, st.interrupted, st.multipart,
                            st.datagrams, st.extAck);
                }
            }
        }
    }

    private static final class ReplyState {
        final List<GenlMessage> messages = new ArrayList<>();
        boolean interrupted;
        boolean multipart;
        int datagrams;
        ExtAck extAck = ExtAck.NONE;
    }

    /** Handles one reply message; returns true when it ends the exchange. */
    private static boolean handle(NlMessage m, GenlRequest req, NlMessage sent, boolean dump,
                                  ReplyState st) {
        switch (m.type()) {
            case Netlink.NLMSG_NOOP:
                return false;
            case Netlink.NLMSG_OVERRUN:
                throw new NetlinkProtocolException("NLMSG_OVERRUN: data lost");
            case Netlink.NLMSG_ERROR: {
                NlAck ack = NlAck.fromError(m);
                if (!ack.isSuccess()) {
                    throw new NetlinkErrnoException(ack.errno(), ack.extAck(), sent);
                }
                st.extAck = ack.extAck();
                return true;
            }
            case Netlink.NLMSG_DONE: {
                NlAck done = NlAck.fromDone(m);
                if (!done.isSuccess()) {
                    throw new NetlinkErrnoException(done.errno(), done.extAck(), sent);
                }
                if (dump) {
                    st.extAck = done.extAck();
                    st.multipart = true;
                    return true;
                }
                return false; // a "do" reply that was multi-part: the ACK follows
            }
            default: {
                if (m.type() != req.familyId()) {
                    throw new NetlinkProtocolException("reply of type " + m.type()
                            + " to a request to family " + req.familyId() + ": " + m.header());
                }
                st.messages.add(GenlMessage.decode(m, req.replyHeaderSize()));
                boolean multi = (m.flags() & Netlink.NLM_F_MULTI) != 0;
                // a dump answered by a single message without NLM_F_MULTI has no NLMSG_DONE
                return dump && !multi;
            }
        }
    }

    private void checkOrigin(NlMessage m, NlMessage sent) {
        if (m.pid() != transport.portId()) {
            throw new NetlinkProtocolException("reply addressed to port "
                    + Integer.toUnsignedString(m.pid()) + ", this socket is port "
                    + Integer.toUnsignedString(transport.portId()) + ": " + m.header());
        }
        if (m.seq() != sent.seq()) {
            throw new NetlinkProtocolException("sequence mismatch: expected "
                    + Integer.toUnsignedString(sent.seq()) + ", got "
                    + Integer.toUnsignedString(m.seq()) + ": " + m.header());
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
