package io.drbdctl.lab.v8;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** One netlink attribute as captured: raw type (flag bits included), nla_len, payload. */
record Attr(int rawType, int nlaLen, byte[] payload) {

    /** The type without NLA_F_NESTED, NLA_F_NET_BYTEORDER and DRBD's mandatory bit. */
    int kind() {
        return rawType & 0x3fff;
    }

    String header() {
        return String.format("0x%04x len=%d", rawType, nlaLen);
    }

    /** Payload bytes in hex, with the text when they look like a NUL-terminated string. */
    String value() {
        String hex = HexFormat.of().formatHex(payload);
        String s = string();
        return s == null ? hex : hex + " \"" + s + "\"";
    }

    /** The payload as a NUL-terminated printable string, or null. */
    String string() {
        int n = payload.length;
        if (n < 2 || payload[n - 1] != 0) {
            return null;
        }
        for (int i = 0; i < n - 1; i++) {
            if (payload[i] < 0x20 || payload[i] > 0x7e) {
                return null;
            }
        }
        return new String(payload, 0, n - 1, StandardCharsets.US_ASCII);
    }

    /** The attributes in buf[from, to), stopping at the first malformed one. */
    static List<Attr> list(ByteBuffer buf, int from, int to) {
        List<Attr> out = new ArrayList<>();
        int pos = from;
        while (pos + 4 <= to) {
            int len = Short.toUnsignedInt(buf.getShort(pos));
            int type = Short.toUnsignedInt(buf.getShort(pos + 2));
            if (len < 4 || pos + len > to) {
                break;
            }
            byte[] p = new byte[len - 4];
            buf.get(pos + 4, p);
            out.add(new Attr(type, len, p));
            pos += (len + 3) & ~3;
        }
        return out;
    }

    /** True when the attributes fill exactly length bytes (with padding). */
    static boolean covers(List<Attr> attrs, int length) {
        int pos = 0;
        for (Attr a : attrs) {
            pos += (a.nlaLen() + 3) & ~3;
        }
        return pos == length || (pos > length && pos - length < 4) || (attrs.isEmpty() && length == 0);
    }
}
