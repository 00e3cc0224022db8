package io.drbdctl.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Builds canned kernel replies for the fake-transport tests. */
final class Frames {
    private Frames() {
    }

    static NlMessage genl(int type, int flags, int seq, int pid, int cmd, NlAttrBuilder attrs) {
        byte[] a = attrs.build();
        ByteBuffer p = ByteBuffer.allocate(4 + a.length).order(ByteOrder.nativeOrder());
        p.put((byte) cmd).put((byte) 1).putShort((short) 0).put(a);
        return NlMessage.of(type, flags, seq, pid, p.array());
    }

    /** NLMSG_ERROR echoing {@code request}; capped unless {@code echoPayload}. */
    static NlMessage error(NlMessage request, int error, boolean echoPayload, NlAttrBuilder tlvs) {
        byte[] t = tlvs == null ? new byte[0] : tlvs.build();
        byte[] echoed = request.toBytes();
        int echoLen = echoPayload ? echoed.length : Netlink.NLMSG_HDRLEN;
        ByteBuffer p = ByteBuffer.allocate(4 + echoLen + t.length).order(ByteOrder.nativeOrder());
        p.putInt(error).put(echoed, 0, echoLen).put(t);
        int flags = (echoPayload ? 0 : Netlink.NLM_F_CAPPED) | (tlvs == null ? 0
                : Netlink.NLM_F_ACK_TLVS);
        return NlMessage.of(Netlink.NLMSG_ERROR, flags, request.seq(), request.pid(), p.array());
    }

    static NlMessage ack(NlMessage request) {
        return error(request, 0, false, null);
    }

    static NlMessage done(int seq, int pid, int error, int extraFlags, NlAttrBuilder tlvs) {
        byte[] t = tlvs == null ? new byte[0] : tlvs.build();
        ByteBuffer p = ByteBuffer.allocate(4 + t.length).order(ByteOrder.nativeOrder());
        p.putInt(error).put(t);
        int flags = Netlink.NLM_F_MULTI | extraFlags | (tlvs == null ? 0 : Netlink.NLM_F_ACK_TLVS);
        return NlMessage.of(Netlink.NLMSG_DONE, flags, seq, pid, p.array());
    }

    static byte[] datagram(NlMessage... messages) {
        return NlMessage.toDatagram(List.of(messages));
    }
}
