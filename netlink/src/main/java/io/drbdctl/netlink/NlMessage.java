package io.drbdctl.netlink;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * One netlink message: the header and the payload that follows it (exactly
 * {@code header.length() - 16} bytes, alignment padding excluded). Immutable.
 */
public record NlMessage(NlMsgHeader header, byte[] payload) {

    public NlMessage {
        if (header.length() != Netlink.NLMSG_HDRLEN + payload.length) {
            throw new IllegalArgumentException("nlmsg_len " + header.length()
                    + " does not match payload of " + payload.length + " byte(s)");
        }
        payload = payload.clone();
    }

    /** Builds a message, computing nlmsg_len from the payload. */
    public static NlMessage of(int type, int flags, int seq, int pid, byte[] payload) {
        return new NlMessage(new NlMsgHeader(Netlink.NLMSG_HDRLEN + payload.length, type, flags,
                seq, pid), payload);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    public int type() {
        return header.type();
    }

    public int flags() {
        return header.flags();
    }

    public int seq() {
        return header.seq();
    }

    public int pid() {
        return header.pid();
    }

    /** Header, payload and trailing padding to the 4-byte boundary. */
    public byte[] toBytes() {
        ByteBuffer out = Wire.allocate(Netlink.align(header.length()));
        header.encode(out);
        out.put(payload);
        return out.array();
    }

    /** Concatenates several messages into one datagram. */
    public static byte[] toDatagram(List<NlMessage> messages) {
        int size = 0;
        for (NlMessage m : messages) {
            size += Netlink.align(m.header.length());
        }
        ByteBuffer out = Wire.allocate(size);
        for (NlMessage m : messages) {
            out.put(m.toBytes());
        }
        return out.array();
    }

    /**
     * Splits a received datagram into its messages. A header that is cut short, or whose
     * nlmsg_len is smaller than the header or runs past the datagram, is a protocol error.
     */
    public static List<NlMessage> split(byte[] datagram) {
        List<NlMessage> out = new ArrayList<>();
        int off = 0;
        while (off < datagram.length) {
            NlMsgHeader h = NlMsgHeader.decode(datagram, off);
            int len = h.length();
            if (len < Netlink.NLMSG_HDRLEN || len > datagram.length - off) {
                throw new NetlinkProtocolException("bad nlmsg_len " + Integer.toUnsignedString(len)
                        + " at offset " + off + " of a " + datagram.length + "-byte datagram");
            }
            byte[] payload = Arrays.copyOfRange(datagram, off + Netlink.NLMSG_HDRLEN, off + len);
            out.add(new NlMessage(h, payload));
            off += Math.min(Netlink.align(len), datagram.length - off);
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NlMessage m && header.equals(m.header)
                && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return header.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return header + " " + HexFormat.of().formatHex(payload);
    }
}
