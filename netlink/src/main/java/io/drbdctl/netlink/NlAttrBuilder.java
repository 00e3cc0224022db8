package io.drbdctl.netlink;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Builds an attribute section for a request. Every attribute is padded to 4 bytes. The
 * {@code type} given to each method is written as-is, so flag bits (for example DRBD 8.4's
 * "mandatory" bit 14) may be included; {@link #nest} additionally sets NLA_F_NESTED.
 * Not thread-safe; one builder per request.
 */
public final class NlAttrBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private static void checkRange(long v, long min, long max, String what) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " out of range: " + v);
        }
    }

    private static byte[] num(int size, long v) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
        switch (size) {
            case 1 -> b.put((byte) v);
            case 2 -> b.putShort((short) v);
            case 4 -> b.putInt((int) v);
            default -> b.putLong(v);
        }
        return b.array();
    }

    /** Appends an attribute with arbitrary raw type (flag bits included) and payload. */
    public NlAttrBuilder raw(int rawType, byte[] payload) {
        out.writeBytes(new NlAttr(rawType, payload).toBytes());
        return this;
    }

    /** Appends a decoded attribute unchanged. */
    public NlAttrBuilder attr(NlAttr attr) {
        out.writeBytes(attr.toBytes());
        return this;
    }

    public NlAttrBuilder u8(int type, int v) {
        checkRange(v, 0, 0xff, "u8");
        return raw(type, num(1, v));
    }

    public NlAttrBuilder u16(int type, int v) {
        checkRange(v, 0, 0xffff, "u16");
        return raw(type, num(2, v));
    }

    public NlAttrBuilder u32(int type, long v) {
        checkRange(v, 0, 0xffffffffL, "u32");
        return raw(type, num(4, v));
    }

    /** Writes the 64 bits of {@code v} (any value; unsigned interpretation is the reader's). */
    public NlAttrBuilder u64(int type, long v) {
        return raw(type, num(8, v));
    }

    public NlAttrBuilder s8(int type, int v) {
        checkRange(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "s8");
        return raw(type, num(1, v));
    }

    public NlAttrBuilder s16(int type, int v) {
        checkRange(v, Short.MIN_VALUE, Short.MAX_VALUE, "s16");
        return raw(type, num(2, v));
    }

    public NlAttrBuilder s32(int type, int v) {
        return raw(type, num(4, v));
    }

    public NlAttrBuilder s64(int type, long v) {
        return raw(type, num(8, v));
    }

    /** A zero-length attribute whose presence means "true". */
    public NlAttrBuilder flag(int type) {
        return raw(type, new byte[0]);
    }

    /** UTF-8 text followed by a NUL byte (NLA_NUL_STRING / NLA_STRING). */
    public NlAttrBuilder string(int type, String s) {
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[text.length + 1];
        System.arraycopy(text, 0, payload, 0, text.length);
        return raw(type, payload);
    }

    /** UTF-8 text without a terminating NUL. */
    public NlAttrBuilder stringUnterminated(int type, String s) {
        return raw(type, s.getBytes(StandardCharsets.UTF_8));
    }

    public NlAttrBuilder binary(int type, byte[] payload) {
        return raw(type, payload);
    }

    /** A nest with NLA_F_NESTED set; {@code body} fills it. */
    public NlAttrBuilder nest(int type, Consumer<NlAttrBuilder> body) {
        return nestRaw(type | Netlink.NLA_F_NESTED, body);
    }

    /** A nest with exactly {@code rawType} (NLA_F_NESTED not forced, for legacy families). */
    public NlAttrBuilder nestRaw(int rawType, Consumer<NlAttrBuilder> body) {
        NlAttrBuilder inner = new NlAttrBuilder();
        body.accept(inner);
        return raw(rawType, inner.build());
    }

    /** Bytes written so far (always a multiple of 4). */
    public int size() {
        return out.size();
    }

    public byte[] build() {
        return out.toByteArray();
    }

    public NlAttrs toAttrs() {
        return NlAttrs.decode(build());
    }
}
