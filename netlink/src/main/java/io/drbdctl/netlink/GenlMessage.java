package io.drbdctl.netlink;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A decoded generic netlink message: the netlink header, genlmsghdr (cmd, version), the
 * family's fixed header (may be empty) and the attributes. Immutable.
 */
public record GenlMessage(NlMsgHeader header, int cmd, int version, byte[] familyHeader,
                          NlAttrs attrs) {

    public GenlMessage {
        familyHeader = familyHeader.clone();
    }

    @Override
    public byte[] familyHeader() {
        return familyHeader.clone();
    }

    public int familyId() {
        return header.type();
    }

    /**
     * Decodes {@code msg}'s payload as genlmsghdr, a fixed header of {@code familyHeaderSize}
     * bytes (padded to 4) and attributes. A payload too short is a protocol error.
     */
    public static GenlMessage decode(NlMessage msg, int familyHeaderSize) {
        if (familyHeaderSize < 0) {
            throw new IllegalArgumentException("negative family header size");
        }
        byte[] p = msg.payload();
        Wire.check(p, 0, Netlink.GENL_HDRLEN, "genlmsghdr");
        Wire.check(p, Netlink.GENL_HDRLEN, familyHeaderSize, "family header");
        int attrStart = Math.min(Netlink.GENL_HDRLEN + Netlink.align(familyHeaderSize), p.length);
        byte[] fixed = Arrays.copyOfRange(p, Netlink.GENL_HDRLEN,
                Netlink.GENL_HDRLEN + familyHeaderSize);
        NlAttrs attrs = NlAttrs.decode(p, attrStart, p.length - attrStart);
        return new GenlMessage(msg.header(), p[0] & 0xff, p[1] & 0xff, fixed, attrs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenlMessage g && g.header.equals(header) && g.cmd == cmd
                && g.version == version && Arrays.equals(g.familyHeader, familyHeader)
                && g.attrs.equals(attrs);
    }

    @Override
    public int hashCode() {
        return ((header.hashCode() * 31 + cmd) * 31 + version) * 31 + attrs.hashCode();
    }

    @Override
    public String toString() {
        return "genl{" + header + " cmd=" + cmd + " version=" + version
                + (familyHeader.length > 0 ? " hdr=" + HexFormat.of().formatHex(familyHeader) : "")
                + " " + attrs + "}";
    }
}
