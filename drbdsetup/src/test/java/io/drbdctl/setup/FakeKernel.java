package io.drbdctl.setup;

import io.drbdctl.netlink.NetlinkTransport;
import io.drbdctl.netlink.NlAttrBuilder;
import io.drbdctl.netlink.NlMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * A netlink socket that plays back one command's captured exchange: each request the tool
 * sends must equal the next captured request (sequence number and port id masked); the
 * captured replies up to the following request are then handed out, with the tool's sequence
 * number and port id (notifications unchanged). nlctrl's GETFAMILY is answered here.
 */
final class FakeKernel implements NetlinkTransport {
    static final int PORT = 4242;
    private final int familyId;
    private final int eventsGroup;
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private List<Capture.Msg> script = List.of();
    private int pos;

    FakeKernel(int familyId, int eventsGroup) {
        this.familyId = familyId;
        this.eventsGroup = eventsGroup;
    }

    /** The next command's captured drbd messages (requests and replies), in order. */
    void expect(List<Capture.Msg> exchange) {
        script = List.copyOf(exchange);
        pos = 0;
        queue.clear();
    }

    /** Requests of the script that were not sent. */
    int unsentRequests() {
        return (int) script.subList(pos, script.size()).stream().filter(Capture.Msg::request).count();
    }

    @Override
    public int portId() {
        return PORT;
    }

    @Override
    public void send(byte[] datagram) {
        NlMessage m = NlMessage.split(datagram).get(0);
        if (m.type() == 16) {
            queue.add(family(m.seq()));
            if ((m.flags() & 4) != 0) {
                ByteBuffer ack = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
                ack.putInt(0).put(datagram, 0, 16);
                queue.add(NlMessage.of(2, 0x100, m.seq(), PORT, ack.array()).toBytes());
            }
            return;
        }
        while (pos < script.size() && !script.get(pos).request()) {
            pos++;
        }
        if (pos >= script.size()) {
            throw new AssertionError("unexpected request " + HexFormat.of().formatHex(datagram));
        }
        Capture.Msg want = script.get(pos++);
        if (!Arrays.equals(masked(want.bytes()), masked(datagram))) {
            throw new AssertionError("request differs from pkt " + want.pkt() + "\n  want "
                    + HexFormat.of().formatHex(masked(want.bytes())) + "\n  got  "
                    + HexFormat.of().formatHex(masked(datagram)));
        }
        while (pos < script.size() && !script.get(pos).request()) {
            Capture.Msg next = script.get(pos++);
            byte[] r = next.bytes().clone();
            if (!next.multicast()) {
                ByteBuffer.wrap(r).order(ByteOrder.LITTLE_ENDIAN).putInt(8, m.seq()).putInt(12, PORT);
            }
            queue.add(r);
        }
    }

    private static byte[] masked(byte[] b) {
        byte[] c = b.clone();
        Arrays.fill(c, 8, 16, (byte) 0);
        return c;
    }

    private byte[] family(int seq) {
        byte[] attrs = new NlAttrBuilder().string(2, "drbd").u16(1, familyId).u32(3, 1).u32(4, 8).u32(5, 24)
                .nest(7, g -> g.nest(1, e -> e.string(1, "events").u32(2, eventsGroup))).build();
        ByteBuffer p = ByteBuffer.allocate(4 + attrs.length).order(ByteOrder.LITTLE_ENDIAN);
        p.put((byte) 1).put((byte) 2).putShort((short) 0).put(attrs);
        return NlMessage.of(16, 0, seq, PORT, p.array()).toBytes();
    }

    @Override
    public byte[] receive() {
        if (queue.isEmpty()) {
            throw new AssertionError("the tool waits for a reply the capture does not have");
        }
        return queue.poll();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
