package io.drbdctl.netlink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A transport that answers each sent request with the datagrams a responder computes from it.
 * An empty queue on receive behaves like an expired receive timeout.
 */
final class FakeTransport implements NetlinkTransport {

    final int portId;
    final List<NlMessage> sent = new ArrayList<>();
    final Deque<byte[]> queue = new ArrayDeque<>();
    private final Function<NlMessage, List<byte[]>> responder;
    boolean closed;

    FakeTransport(int portId, Function<NlMessage, List<byte[]>> responder) {
        this.portId = portId;
        this.responder = responder;
    }

    @Override
    public int portId() {
        return portId;
    }

    @Override
    public void send(byte[] datagram) {
        List<NlMessage> msgs = NlMessage.split(datagram);
        sent.addAll(msgs);
        for (NlMessage m : msgs) {
            queue.addAll(responder.apply(m));
        }
    }

    @Override
    public byte[] receive() {
        if (queue.isEmpty()) {
            throw new NetlinkTimeoutException("fake transport: nothing queued");
        }
        return queue.poll();
    }

    @Override
    public void close() {
        closed = true;
    }
}
