package io.drbdctl.netlink;

import java.nio.ByteBuffer;

/**
 * struct nlmsghdr: total length (header included), type, flags, sequence number and port id.
 * {@code type} and {@code flags} are unsigned 16-bit values; {@code seq} and {@code pid} hold
 * the raw 32 bits.
 */
public record NlMsgHeader(int length, int type, int flags, int seq, int pid) {

    public NlMsgHeader {
        if ((type & ~0xffff) != 0 || (flags & ~0xffff) != 0) {
            throw new IllegalArgumentException("nlmsghdr type/flags must fit 16 bits");
        }
    }

    public boolean hasFlags(int mask) {
        return (flags & mask) == mask;
    }

    /** Decodes the 16 header bytes at {@code off}; does not validate {@code length}. */
    public static NlMsgHeader decode(byte[] buf, int off) {
        ByteBuffer b = Wire.view(buf, off, Netlink.NLMSG_HDRLEN, "nlmsghdr",
                java.nio.ByteOrder.nativeOrder());
        return new NlMsgHeader(b.getInt(), b.getShort() & 0xffff, b.getShort() & 0xffff,
                b.getInt(), b.getInt());
    }

    void encode(ByteBuffer out) {
        out.putInt(length).putShort((short) type).putShort((short) flags).putInt(seq).putInt(pid);
    }

    @Override
    public String toString() {
        return String.format("nlmsghdr{len=%d type=%d flags=0x%x seq=%s pid=%s}", length, type,
                flags, Integer.toUnsignedString(seq), Integer.toUnsignedString(pid));
    }
}
