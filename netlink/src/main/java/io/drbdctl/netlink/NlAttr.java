package io.drbdctl.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One netlink attribute: the raw 16-bit type as found on the wire (flag bits included) and
 * its payload (padding excluded). Immutable. The typed getters check the payload size and
 * throw {@link NetlinkProtocolException} on a mismatch. Integers are in native byte order
 * unless {@link Netlink#NLA_F_NET_BYTEORDER} is set, in which case they are big-endian.
 */
public record NlAttr(int rawType, byte[] payload) {

    /** Largest payload that still fits the 16-bit nla_len. */
    public static final int MAX_PAYLOAD = 0xffff - Netlink.NLA_HDRLEN;

    public NlAttr {
        if ((rawType & ~0xffff) != 0) {
            throw new IllegalArgumentException("attribute type must fit 16 bits: " + rawType);
        }
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("attribute payload too long: " + payload.length);
        }
        payload = payload.clone();
    }

    /** The type with NLA_F_NESTED and NLA_F_NET_BYTEORDER masked out. */
    public int type() {
        return rawType & Netlink.NLA_TYPE_MASK;
    }

    public boolean nestedFlag() {
        return (rawType & Netlink.NLA_F_NESTED) != 0;
    }

    public boolean netByteOrderFlag() {
        return (rawType & Netlink.NLA_F_NET_BYTEORDER) != 0;
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int length() {
        return payload.length;
    }

    private ByteBuffer sized(int size, String what) {
        if (payload.length != size) {
            throw new NetlinkProtocolException("attribute " + type() + ": " + what + " needs "
                    + size + " byte(s), payload has " + payload.length);
        }
        ByteOrder order = netByteOrderFlag() ? ByteOrder.BIG_ENDIAN : ByteOrder.nativeOrder();
        return ByteBuffer.wrap(payload).order(order);
    }

    public int asU8() {
        return sized(1, "u8").get() & 0xff;
    }

    public int asU16() {
        return sized(2, "u16").getShort() & 0xffff;
    }

    public long asU32() {
        return sized(4, "u32").getInt() & 0xffffffffL;
    }

    /** The 64 raw bits; use {@link Long#toUnsignedString(long)} to print. */
    public long asU64() {
        return sized(8, "u64").getLong();
    }

    public int asS8() {
        return sized(1, "s8").get();
    }

    public int asS16() {
        return sized(2, "s16").getShort();
    }

    public int asS32() {
        return sized(4, "s32").getInt();
    }

    public long asS64() {
        return sized(8, "s64").getLong();
    }

    /**
     * The payload as UTF-8 text up to the first NUL; a payload without NUL is taken whole
     * (unterminated strings).
     */
    public String asString() {
        int end = 0;
        while (end < payload.length && payload[end] != 0) {
            end++;
        }
        return new String(payload, 0, end, StandardCharsets.UTF_8);
    }

    /** Like {@link #asString()} but requires the NUL terminator. */
    public String asNulString() {
        for (byte b : payload) {
            if (b == 0) {
                return asString();
            }
        }
        throw new NetlinkProtocolException("attribute " + type() + ": string not NUL-terminated");
    }

    /** Decodes the payload as a nest of attributes. */
    public NlAttrs asNested() {
        return NlAttrs.decode(payload);
    }

    /** Header, payload and padding, ready to be placed into a message. */
    public byte[] toBytes() {
        ByteBuffer out = Wire.allocate(Netlink.align(Netlink.NLA_HDRLEN + payload.length));
        out.putShort((short) (Netlink.NLA_HDRLEN + payload.length)).putShort((short) rawType);
        out.put(payload);
        return out.array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NlAttr a && a.rawType == rawType && Arrays.equals(a.payload, payload);
    }

    @Override
    public int hashCode() {
        return rawType * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return String.format("nla{type=%d raw=0x%04x len=%d %s}", type(), rawType, payload.length,
                HexFormat.of().formatHex(payload));
    }
}
