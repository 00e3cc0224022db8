package io.drbdctl.setup;

import io.drbdctl.genl.drbd2.AttributeSet;
import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.Drbd2Op;
import io.drbdctl.genl.drbd2.Path;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.genl.drbd2.Resource;
import io.drbdctl.genl.drbd2.WireStyle;
import io.drbdctl.netlink.GenlMessage;
import io.drbdctl.netlink.Netlink;
import io.drbdctl.netlink.NetlinkTransport;
import io.drbdctl.netlink.NlAttrBuilder;
import io.drbdctl.netlink.NlMessage;
import io.drbdctl.netlink.ctrl.Ctrl;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fake generic netlink socket: nlctrl knows the families given, drbd2 dumps answer with the
 * objects the test put in, do requests are acknowledged or refused with the errno and extack
 * message the test set for their operation. Every request is recorded.
 */
public final class FakeDrbd2Kernel implements NetlinkTransport {
    public static final int DRBD2_ID = 0x20;
    public static final int LEGACY_ID = 0x21;

    private final Set<String> families;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private final List<GenlMessage> requests = new ArrayList<>();
    private final Map<Drbd2Op, Refusal> refusals = new HashMap<>();
    public final List<Resource> resources = new ArrayList<>();
    public final List<Device> devices = new ArrayList<>();
    public final List<Connection> connections = new ArrayList<>();
    public final List<Path> paths = new ArrayList<>();
    public final List<PeerDevice> peerDevices = new ArrayList<>();
    /** Notifications of the "events" group and after how many resource dumps they arrive. */
    private final List<Notice> notices = new ArrayList<>();
    private int resourceDumps;
    /** receive() calls since the last resource dump. */
    private int receivesSinceDump;
    private boolean hangUpAfterNotices;

    /**
     * A notification delivered once {@code afterDumps} resource dumps were answered: at the
     * first receive after it if {@code duringDump}, else only after a receive that found
     * nothing (the dumping side saw a quiet socket first).
     */
    private record Notice(int afterDumps, boolean duringDump, byte[] datagram) {
    }

    /** An errno and extack message for an operation. */
    public record Refusal(int errno, String message) {
    }

    public FakeDrbd2Kernel(Set<String> families) {
        this.families = Set.copyOf(families);
    }

    public void refuse(Drbd2Op op, int errno, String message) {
        refusals.put(op, new Refusal(errno, message));
    }

    /**
     * Queues a notification: receive() returns it (once nothing else is pending) after
     * {@code afterDumps} resource dumps; receive() without anything to return waits a little
     * and times out like a socket with a receive timeout.
     */
    public void notifyAfter(int afterDumps, Drbd2Op op, AttributeSet obj) {
        notice(afterDumps, false, op, obj);
    }

    /** A notification that arrives right after resource dump number {@code dump} (a race). */
    public void notifyDuringDump(int dump, Drbd2Op op, AttributeSet obj) {
        notice(dump, true, op, obj);
    }

    private void notice(int afterDumps, boolean duringDump, Drbd2Op op, AttributeSet obj) {
        NlAttrBuilder b = new NlAttrBuilder();
        obj.encode(b, WireStyle.KERNEL);
        notices.add(new Notice(afterDumps, duringDump, NlMessage.of(DRBD2_ID, 0, 0, 0, genl(op.value(), b.build())).toBytes()));
    }

    /**
     * Once every queued notification is received and two more receives after the last
     * resource dump found nothing, receive() fails like a closed socket.
     */
    public void hangUpAfterNotices() {
        hangUpAfterNotices = true;
    }

    /** The requests so far, decoded (genl header without fixed header). */
    public List<GenlMessage> requests() {
        return List.copyOf(requests);
    }

    /** The drbd2 requests' operations in order. */
    public List<Drbd2Op> ops() {
        return requests.stream().filter(m -> m.familyId() == DRBD2_ID)
                .map(m -> Drbd2Op.fromValue(m.cmd()).orElseThrow()).toList();
    }

    @Override
    public int portId() {
        return 4242;
    }

    @Override
    public void send(byte[] datagram) {
        NlMessage m = NlMessage.split(datagram).get(0);
        GenlMessage g = GenlMessage.decode(m, 0);
        requests.add(g);
        if (m.type() == Ctrl.GENL_ID_CTRL) {
            String name = g.attrs().require(Ctrl.CTRL_ATTR_FAMILY_NAME).asString();
            if (!families.contains(name)) {
                pending.add(error(m, -2, null));
                return;
            }
            boolean d2 = name.equals("drbd2");
            byte[] attrs = new NlAttrBuilder().u16(Ctrl.CTRL_ATTR_FAMILY_ID, d2 ? DRBD2_ID : LEGACY_ID)
                    .string(Ctrl.CTRL_ATTR_FAMILY_NAME, name).u32(Ctrl.CTRL_ATTR_VERSION, 1)
                    .u32(Ctrl.CTRL_ATTR_HDRSIZE, d2 ? 0 : 8).build();
            pending.add(NlMessage.of(Ctrl.GENL_ID_CTRL, 0, m.seq(), portId(), genl(1, attrs)).toBytes());
            if ((m.flags() & Netlink.NLM_F_ACK) != 0) {
                pending.add(error(m, 0, null));
            }
            return;
        }
        if (m.type() != DRBD2_ID) {
            throw new IllegalStateException("the fake speaks only drbd2, got " + m.header());
        }
        Drbd2Op op = Drbd2Op.fromValue(g.cmd()).orElseThrow();
        if ((m.flags() & Netlink.NLM_F_DUMP) == Netlink.NLM_F_DUMP) {
            if (op == Drbd2Op.RESOURCE_GET) {
                resourceDumps++;
                receivesSinceDump = 0;
            }
            List<NlMessage> parts = new ArrayList<>();
            for (AttributeSet o : dump(op, g)) {
                NlAttrBuilder b = new NlAttrBuilder();
                o.encode(b, WireStyle.KERNEL);
                parts.add(NlMessage.of(DRBD2_ID, Netlink.NLM_F_MULTI, m.seq(), portId(), genl(op.value(), b.build())));
            }
            parts.add(NlMessage.of(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, m.seq(), portId(), new byte[4]));
            pending.add(NlMessage.toDatagram(parts));
            return;
        }
        Refusal r = refusals.get(op);
        pending.add(r == null ? error(m, 0, null) : error(m, -r.errno(), r.message()));
    }

    private List<? extends AttributeSet> dump(Drbd2Op op, GenlMessage g) {
        int filter = op == Drbd2Op.DEVICE_GET ? Device.A_RESOURCE : 1;
        String res = g.attrs().first(filter).map(a -> a.asString()).orElse(null);
        return switch (op) {
            case RESOURCE_GET -> resources;
            case DEVICE_GET -> devices.stream().filter(d -> res == null || d.resource().orElse("").equals(res))
                    .toList();
            case CONNECTION_GET -> connections.stream().filter(c -> res == null
                    || c.resource().orElse("").equals(res)).toList();
            case PATH_GET -> paths.stream().filter(c -> res == null || c.resource().orElse("").equals(res)).toList();
            case PEER_DEVICE_GET -> peerDevices.stream().filter(c -> res == null
                    || c.resource().orElse("").equals(res)).toList();
            default -> throw new IllegalStateException("no dump " + op);
        };
    }

    private static byte[] genl(int cmd, byte[] attrs) {
        byte[] p = new byte[4 + attrs.length];
        p[0] = (byte) cmd;
        p[1] = 1;
        System.arraycopy(attrs, 0, p, 4, attrs.length);
        return p;
    }

    /** NLMSG_ERROR, capped, with an extack message if given. */
    private byte[] error(NlMessage req, int errno, String msg) {
        byte[] tlv = msg == null ? new byte[0]
                : new NlAttrBuilder().string(Netlink.NLMSGERR_ATTR_MSG, msg).build();
        ByteBuffer b = ByteBuffer.allocate(4 + 16 + tlv.length).order(ByteOrder.nativeOrder());
        b.putInt(errno);
        b.putInt(req.header().length()).putShort((short) req.type()).putShort((short) req.flags())
                .putInt(req.seq()).putInt(req.pid());
        b.put(tlv);
        int flags = Netlink.NLM_F_CAPPED | (msg == null ? 0 : Netlink.NLM_F_ACK_TLVS);
        return NlMessage.of(Netlink.NLMSG_ERROR, flags, req.seq(), portId(), b.array()).toBytes();
    }

    @Override
    public byte[] receive() {
        if (pending.isEmpty()) {
            int since = receivesSinceDump++;
            for (Notice n : notices) {
                if (n.afterDumps() <= resourceDumps && (n.duringDump() || since > 0)) {
                    notices.remove(n);
                    return n.datagram();
                }
            }
            if (hangUpAfterNotices && notices.isEmpty() && since >= 2) {
                throw new io.drbdctl.netlink.NetlinkSocketException("recvmsg", 9, null);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new io.drbdctl.netlink.NetlinkTimeoutException("fake: nothing to receive");
        }
        return pending.poll();
    }

    @Override
    public void close() {
        // nothing to release
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
