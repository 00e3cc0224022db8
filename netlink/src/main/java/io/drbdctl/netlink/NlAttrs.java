package io.drbdctl.netlink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * An immutable, ordered list of attributes (a message's attribute section or a nest), with
 * lookups by masked type. Duplicates are kept in wire order.
 */
public final class NlAttrs implements Iterable<NlAttr> {

    public static final NlAttrs EMPTY = new NlAttrs(List.of());

    private final List<NlAttr> list;

    private NlAttrs(List<NlAttr> list) {
        this.list = list;
    }

    public static NlAttrs of(List<NlAttr> attrs) {
        return new NlAttrs(List.copyOf(attrs));
    }

    public static NlAttrs decode(byte[] buf) {
        return decode(buf, 0, buf.length);
    }

    /**
     * Decodes the attributes in {@code buf[off, off+len)}. An attribute header that is cut
     * short, an nla_len below 4, or an nla_len running past the end is a protocol error.
     */
    public static NlAttrs decode(byte[] buf, int off, int len) {
        Wire.check(buf, off, len, "attribute section");
        int end = off + len;
        List<NlAttr> out = new ArrayList<>();
        int pos = off;
        while (pos < end) {
            if (end - pos < Netlink.NLA_HDRLEN) {
                throw new NetlinkProtocolException("truncated attribute header at offset " + pos
                        + ": " + (end - pos) + " byte(s) left");
            }
            int nlaLen = Wire.u16(buf, pos, "nlattr");
            int rawType = Wire.u16(buf, pos + 2, "nlattr");
            if (nlaLen < Netlink.NLA_HDRLEN) {
                throw new NetlinkProtocolException("bad nla_len " + nlaLen + " (type 0x"
                        + Integer.toHexString(rawType) + ") at offset " + pos);
            }
            if (nlaLen > end - pos) {
                throw new NetlinkProtocolException("nla_len " + nlaLen + " (type 0x"
                        + Integer.toHexString(rawType) + ") at offset " + pos + " runs past end "
                        + "of section (" + (end - pos) + " byte(s) left)");
            }
            out.add(new NlAttr(rawType, Arrays.copyOfRange(buf, pos + Netlink.NLA_HDRLEN,
                    pos + nlaLen)));
            pos += Math.min(Netlink.align(nlaLen), end - pos);
        }
        return new NlAttrs(Collections.unmodifiableList(out));
    }

    /** Decodes the single attribute starting at {@code off}, if one fits there. */
    public static Optional<NlAttr> decodeAt(byte[] buf, int off) {
        if (off < 0 || off > buf.length - Netlink.NLA_HDRLEN) {
            return Optional.empty();
        }
        int nlaLen = Wire.u16(buf, off, "nlattr");
        if (nlaLen < Netlink.NLA_HDRLEN || nlaLen > buf.length - off) {
            return Optional.empty();
        }
        return Optional.of(new NlAttr(Wire.u16(buf, off + 2, "nlattr"),
                Arrays.copyOfRange(buf, off + Netlink.NLA_HDRLEN, off + nlaLen)));
    }

    public List<NlAttr> list() {
        return list;
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    @Override
    public Iterator<NlAttr> iterator() {
        return list.iterator();
    }

    /** First attribute whose masked type is {@code type}. */
    public Optional<NlAttr> first(int type) {
        for (NlAttr a : list) {
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** All attributes whose masked type is {@code type}, in wire order. */
    public List<NlAttr> all(int type) {
        List<NlAttr> out = new ArrayList<>();
        for (NlAttr a : list) {
            if (a.type() == type) {
                out.add(a);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public boolean has(int type) {
        return first(type).isPresent();
    }

    /** Like {@link #first(int)}, but a missing attribute is a protocol error. */
    public NlAttr require(int type) {
        return first(type).orElseThrow(
                () -> new NetlinkProtocolException("missing attribute " + type));
    }

    /** Encodes the attributes back to wire form (raw types preserved). */
    public byte[] toBytes() {
        NlAttrBuilder b = new NlAttrBuilder();
        list.forEach(b::attr);
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NlAttrs a && a.list.equals(list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
