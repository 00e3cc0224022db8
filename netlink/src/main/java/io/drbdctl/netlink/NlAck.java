package io.drbdctl.netlink;

import java.util.Optional;

/**
 * The status carried by an NLMSG_ERROR message (an ACK when {@code error == 0}) or by the
 * int at the start of an NLMSG_DONE message, with its extended-ack TLVs.
 *
 * @param error          the raw error field: 0 or a negative errno
 * @param echoedHeader   the request header the kernel echoed (NLMSG_ERROR only)
 * @param capped         whether the echoed request payload was left out (NLM_F_CAPPED)
 * @param extAck         the NLMSGERR_ATTR_* TLVs, empty if none were sent
 */
public record NlAck(int error, Optional<NlMsgHeader> echoedHeader, boolean capped,
                    ExtAck extAck) {

    /** Positive errno, 0 for success. */
    public int errno() {
        return Math.abs(error);
    }

    public boolean isSuccess() {
        return error == 0;
    }

    /**
     * Decodes an NLMSG_ERROR payload: {@code int error; struct nlmsghdr msg;} then, unless
     * the ack is capped or a success, the request's payload; then the TLVs if NLM_F_ACK_TLVS.
     */
    public static NlAck fromError(NlMessage msg) {
        if (msg.type() != Netlink.NLMSG_ERROR) {
            throw new IllegalArgumentException("not an NLMSG_ERROR: " + msg.header());
        }
        byte[] p = msg.payload();
        int error = Wire.s32(p, 0, "NLMSG_ERROR error code");
        NlMsgHeader echoed = NlMsgHeader.decode(p, 4);
        boolean capped = (msg.flags() & Netlink.NLM_F_CAPPED) != 0;
        int tlvStart = 4 + Netlink.NLMSG_HDRLEN;
        if (!capped && error != 0) {
            int echoedLen = echoed.length();
            if (echoedLen < Netlink.NLMSG_HDRLEN || echoedLen > p.length - 4) {
                throw new NetlinkProtocolException("NLMSG_ERROR echoes a request of nlmsg_len "
                        + Integer.toUnsignedString(echoedLen) + " but carries only "
                        + (p.length - 4) + " byte(s)");
            }
            tlvStart = Math.min(4 + Netlink.align(echoedLen), p.length);
        }
        return new NlAck(error, Optional.of(echoed), capped, tlvs(msg, p, tlvStart));
    }

    /** Decodes an NLMSG_DONE payload: {@code int error;} then TLVs if NLM_F_ACK_TLVS. */
    public static NlAck fromDone(NlMessage msg) {
        if (msg.type() != Netlink.NLMSG_DONE) {
            throw new IllegalArgumentException("not an NLMSG_DONE: " + msg.header());
        }
        byte[] p = msg.payload();
        if (p.length == 0) {
            return new NlAck(0, Optional.empty(), false, ExtAck.NONE);
        }
        int error = Wire.s32(p, 0, "NLMSG_DONE error code");
        return new NlAck(error, Optional.empty(), false, tlvs(msg, p, 4));
    }

    private static ExtAck tlvs(NlMessage msg, byte[] p, int start) {
        if ((msg.flags() & Netlink.NLM_F_ACK_TLVS) == 0 || start >= p.length) {
            return ExtAck.NONE;
        }
        return new ExtAck(NlAttrs.decode(p, start, p.length - start));
    }
}
