package io.drbdctl.netlink;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A generic netlink request before it is given a sequence number and port id. Immutable.
 *
 * @param familyId         the family's id (nlmsg_type), resolved through nlctrl
 * @param cmd              genlmsghdr.cmd
 * @param version          genlmsghdr.version
 * @param familyHeader     the family's fixed header (empty for most families), padded to 4
 * @param attributes       the encoded attribute section
 * @param replyHeaderSize  size of the fixed header in the family's replies
 */
public record GenlRequest(int familyId, int cmd, int version, byte[] familyHeader,
                          byte[] attributes, int replyHeaderSize) {

    public GenlRequest {
        if (familyId < Netlink.NLMSG_MIN_TYPE || familyId > 0xffff) {
            throw new IllegalArgumentException("bad family id " + familyId);
        }
        if ((cmd & ~0xff) != 0 || (version & ~0xff) != 0) {
            throw new IllegalArgumentException("cmd and version must fit 8 bits");
        }
        if (replyHeaderSize < 0) {
            throw new IllegalArgumentException("negative reply header size");
        }
        familyHeader = familyHeader.clone();
        attributes = attributes.clone();
    }

    /** A request without family header; replies are expected without one too. */
    public static GenlRequest of(int familyId, int cmd, int version, NlAttrBuilder attrs) {
        return new GenlRequest(familyId, cmd, version, new byte[0], attrs.build(), 0);
    }

    public static GenlRequest of(int familyId, int cmd, int version) {
        return of(familyId, cmd, version, new NlAttrBuilder());
    }

    /** Same request with a fixed family header; replies are expected with the same size. */
    public GenlRequest withFamilyHeader(byte[] header) {
        return new GenlRequest(familyId, cmd, version, header, attributes, header.length);
    }

    public GenlRequest withReplyHeaderSize(int size) {
        return new GenlRequest(familyId, cmd, version, familyHeader, attributes, size);
    }

    @Override
    public byte[] familyHeader() {
        return familyHeader.clone();
    }

    @Override
    public byte[] attributes() {
        return attributes.clone();
    }

    /** The netlink message for this request (genlmsghdr.reserved is zero). */
    public NlMessage toMessage(int flags, int seq, int pid) {
        int fixed = Netlink.align(familyHeader.length);
        ByteBuffer p = Wire.allocate(Netlink.GENL_HDRLEN + fixed + attributes.length);
        p.put((byte) cmd).put((byte) version).putShort((short) 0);
        p.put(familyHeader).position(Netlink.GENL_HDRLEN + fixed);
        p.put(attributes);
        return NlMessage.of(familyId, flags, seq, pid, p.array());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenlRequest r && r.familyId == familyId && r.cmd == cmd
                && r.version == version && r.replyHeaderSize == replyHeaderSize
                && Arrays.equals(r.familyHeader, familyHeader)
                && Arrays.equals(r.attributes, attributes);
    }

    @Override
    public int hashCode() {
        return ((familyId * 31 + cmd) * 31 + version) * 31 + Arrays.hashCode(attributes);
    }

    @Override
    public String toString() {
        return "GenlRequest{family=" + familyId + " cmd=" + cmd + " version=" + version
                + " hdr=" + familyHeader.length + "B attrs=" + attributes.length + "B}";
    }
}
