package io.drbdctl.setup.kernel;

import io.drbdctl.genl.v8.Binary;
import io.drbdctl.genl.v8.DetachParms;
import io.drbdctl.genl.v8.DiskConf;
import io.drbdctl.genl.v8.DisconnectParms;
import io.drbdctl.genl.v8.Drbd;
import io.drbdctl.genl.v8.DrbdCfgContext;
import io.drbdctl.genl.v8.DrbdFamily;
import io.drbdctl.genl.v8.DrbdGenlmsghdr;
import io.drbdctl.genl.v8.DrbdOp;
import io.drbdctl.genl.v8.NetConf;
import io.drbdctl.genl.v8.NewCUuidParms;
import io.drbdctl.genl.v8.ResOpts;
import io.drbdctl.genl.v8.ResizeParms;
import io.drbdctl.genl.v8.SetRoleParms;
import io.drbdctl.genl.v8.StartOvParms;
import io.drbdctl.netlink.GenlClient;
import io.drbdctl.netlink.GenlMessage;
import io.drbdctl.netlink.GenlRequest;
import io.drbdctl.netlink.Netlink;
import io.drbdctl.netlink.NetlinkErrnoException;
import io.drbdctl.netlink.NetlinkException;
import io.drbdctl.netlink.NlMessage;
import io.drbdctl.netlink.ctrl.GenlFamily;
import io.drbdctl.netlink.ctrl.Nlctrl;
import io.drbdctl.netlink.socket.NetlinkSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The only place that talks to the legacy {@code drbd} family: every operation as a typed
 * method over one {@link GenlClient}. Requests are sent as drbdsetup 8.4 sends them
 * (NLM_F_REQUEST without ACK; dumps with NLM_F_DUMP); replies come back as
 * {@link KernelReply}s whose ret_code the caller interprets.
 */
public final class V8Control implements AutoCloseable {
    /** The minor of requests that address no device. */
    public static final long NO_MINOR = 0xffffffffL;

    private final GenlClient client;
    private final GenlFamily family;
    /** The socket joined the events group or lost a reply: not fit for further requests. */
    private boolean stale;

    public V8Control(GenlClient client, GenlFamily family) {
        this.client = client;
        this.family = family;
    }

    /** Resolves the family through nlctrl; empty if the kernel has no {@code drbd} family. */
    public static Optional<V8Control> connect(GenlClient client) {
        return new Nlctrl(client, false).findFamily(DrbdFamily.NAME).map(f -> new V8Control(client, f));
    }

    public GenlFamily family() {
        return family;
    }

    /** Whether the socket can carry further requests (not subscribed, no reply outstanding). */
    public boolean reusable() {
        return !stale;
    }

    /** Sends a do request and returns the kernel's reply. */
    public KernelReply send(DrbdOp op, long minor, int flags, Drbd attrs) {
        GenlRequest req = op.doRequest(family.id(), new DrbdGenlmsghdr(minor, flags), attrs);
        List<GenlMessage> replies;
        try {
            replies = client.requestNoAck(req);
        } catch (NetlinkException e) {
            stale = true;
            throw e;
        }
        if (replies.isEmpty()) {
            return new KernelReply(op.value(), 0, minor, KernelReply.NO_REPLY, Drbd.builder().build());
        }
        return KernelReply.of(replies.get(0));
    }

    /** Dumps objects of {@code op}, optionally only those of one resource. */
    public List<KernelReply> dump(DrbdOp op, Optional<String> resource) {
        Drbd.Builder b = Drbd.builder();
        resource.ifPresent(r -> b.cfgContext(DrbdCfgContext.builder().ctxResourceName(r).build()));
        GenlRequest req = op.dumpRequest(family.id(), new DrbdGenlmsghdr(NO_MINOR, 0), b.build());
        List<KernelReply> out = new ArrayList<>();
        try {
            for (GenlMessage m : client.dump(req).messages()) {
                out.add(KernelReply.of(m));
            }
        } catch (NetlinkErrnoException e) {
            throw e;
        } catch (NetlinkException e) {
            stale = true;
            throw e;
        }
        return out;
    }

    // ---- typed operations -------------------------------------------------------------

    public KernelReply getStatus(long minor) {
        return send(DrbdOp.GET_STATUS, minor, 0, Drbd.builder().build());
    }

    public KernelReply getTimeoutType(long minor) {
        return send(DrbdOp.GET_TIMEOUT_TYPE, minor, 0, Drbd.builder().build());
    }

    public KernelReply newResource(String name, Optional<ResOpts> opts) {
        Drbd.Builder b = Drbd.builder().cfgContext(resource(name));
        opts.ifPresent(b::resourceOpts);
        return send(DrbdOp.NEW_RESOURCE, NO_MINOR, 0, b.build());
    }

    public KernelReply resourceOptions(String name, ResOpts opts, boolean setDefaults) {
        return send(DrbdOp.RESOURCE_OPTS, NO_MINOR, setDefaults ? 1 : 0,
                Drbd.builder().cfgContext(resource(name)).resourceOpts(opts).build());
    }

    public KernelReply newMinor(String resource, long minor, long volume) {
        return send(DrbdOp.NEW_MINOR, minor, 0, Drbd.builder().cfgContext(DrbdCfgContext.builder()
                .ctxResourceName(resource).ctxVolume(volume).build()).build());
    }

    public KernelReply delMinor(long minor) {
        return send(DrbdOp.DEL_MINOR, minor, 0, Drbd.builder().build());
    }

    public KernelReply delResource(String name) {
        return send(DrbdOp.DEL_RESOURCE, NO_MINOR, 0, Drbd.builder().cfgContext(resource(name)).build());
    }

    public KernelReply down(String name) {
        return send(DrbdOp.DOWN, NO_MINOR, 0, Drbd.builder().cfgContext(resource(name)).build());
    }

    public KernelReply attach(long minor, DiskConf conf) {
        return send(DrbdOp.ATTACH, minor, 0, Drbd.builder().diskConf(conf).build());
    }

    public KernelReply diskOptions(long minor, DiskConf conf, boolean setDefaults) {
        return send(DrbdOp.CHG_DISK_OPTS, minor, setDefaults ? 1 : 0, Drbd.builder().diskConf(conf).build());
    }

    public KernelReply detach(long minor, boolean force) {
        return send(DrbdOp.DETACH, minor, 0, force
                ? Drbd.builder().detachParms(DetachParms.builder().forceDetach(true).build()).build()
                : Drbd.builder().build());
    }

    public KernelReply connect(String name, Binary myAddr, Binary peerAddr, NetConf conf) {
        return send(DrbdOp.CONNECT, NO_MINOR, 0, Drbd.builder().cfgContext(DrbdCfgContext.builder()
                .ctxResourceName(name).ctxMyAddr(myAddr).ctxPeerAddr(peerAddr).build()).netConf(conf).build());
    }

    public KernelReply netOptions(Binary myAddr, Binary peerAddr, NetConf conf, boolean setDefaults) {
        return send(DrbdOp.CHG_NET_OPTS, NO_MINOR, setDefaults ? 1 : 0, Drbd.builder()
                .cfgContext(connection(myAddr, peerAddr)).netConf(conf).build());
    }

    public KernelReply disconnect(Binary myAddr, Binary peerAddr, boolean force) {
        Drbd.Builder b = Drbd.builder().cfgContext(connection(myAddr, peerAddr));
        if (force) {
            b.disconnectParms(DisconnectParms.builder().forceDisconnect(true).build());
        }
        return send(DrbdOp.DISCONNECT, NO_MINOR, 0, b.build());
    }

    public KernelReply primary(long minor, boolean force) {
        return send(DrbdOp.PRIMARY, minor, 0, force
                ? Drbd.builder().setRoleParms(SetRoleParms.builder().assumeUptodate(true).build()).build()
                : Drbd.builder().build());
    }

    public KernelReply secondary(long minor) {
        return send(DrbdOp.SECONDARY, minor, 0, Drbd.builder().build());
    }

    public KernelReply resize(long minor, ResizeParms parms) {
        return send(DrbdOp.RESIZE, minor, 0, Drbd.builder().resizeParms(parms).build());
    }

    public KernelReply newCurrentUuid(long minor, boolean clearBitmap) {
        return send(DrbdOp.NEW_C_UUID, minor, 0, clearBitmap
                ? Drbd.builder().newCUuidParms(NewCUuidParms.builder().clearBm(true).build()).build()
                : Drbd.builder().build());
    }

    public KernelReply verify(long minor, StartOvParms parms) {
        return send(DrbdOp.START_OV, minor, 0, Drbd.builder().startOvParms(parms).build());
    }

    /** invalidate, invalidate-remote, pause/resume-sync, suspend/resume-io, outdate. */
    public KernelReply minorOp(DrbdOp op, long minor) {
        return send(op, minor, 0, Drbd.builder().build());
    }

    // ---- requests whose answers arrive among notifications ------------------------------

    /**
     * What {@link #receive()} returns: a family message, the end of a dump ({@code done}), or
     * an error reply (neither, with the positive errno).
     */
    public record Incoming(Optional<KernelReply> message, boolean done, int errno) {
    }

    /**
     * Sends a get request ({@code op}: GET_STATUS or GET_INITIAL_STATE; a dump when
     * {@code minor} is {@link #NO_MINOR}) without waiting for its answer; the answer is read
     * with {@link #receive()} together with the notifications of a subscribed socket.
     */
    public void sendRequest(DrbdOp op, long minor, Optional<String> resource, int seq) {
        Drbd.Builder b = Drbd.builder();
        resource.ifPresent(r -> b.cfgContext(resource(r)));
        boolean dump = minor == NO_MINOR;
        DrbdGenlmsghdr h = new DrbdGenlmsghdr(minor, 0);
        GenlRequest req = dump ? op.dumpRequest(family.id(), h, b.build()) : op.doRequest(family.id(), h, b.build());
        int flags = Netlink.NLM_F_REQUEST | (dump ? Netlink.NLM_F_DUMP : 0);
        client.transport().send(req.toMessage(flags, seq, client.transport().portId()).toBytes());
    }

    /** Sets the receive timeout of a real socket (null: practically none). */
    public void receiveTimeout(Duration timeout) {
        if (client.transport() instanceof NetlinkSocket s) {
            s.setReceiveTimeout(timeout == null ? Duration.ofDays(3650) : timeout);
        }
    }

    /** Receives one datagram: family messages and dump ends, other messages skipped. */
    public List<Incoming> receive() {
        List<Incoming> out = new ArrayList<>();
        for (NlMessage m : NlMessage.split(client.transport().receive())) {
            if (m.type() == Netlink.NLMSG_ERROR) {
                byte[] p = m.payload();
                int errno = p.length >= 4 ? -ByteBuffer.wrap(p).order(ByteOrder.nativeOrder()).getInt(0) : 0;
                if (errno != 0) {
                    out.add(new Incoming(Optional.empty(), false, errno));
                }
            } else if (m.type() == Netlink.NLMSG_DONE) {
                byte[] p = m.payload();
                int errno = p.length >= 4 ? -ByteBuffer.wrap(p).order(ByteOrder.nativeOrder()).getInt(0) : 0;
                out.add(new Incoming(Optional.empty(), true, errno));
            } else if (m.type() == family.id()) {
                out.add(new Incoming(Optional.of(KernelReply.of(GenlMessage.decode(m, DrbdFamily.HDRSIZE))),
                        false, 0));
            }
        }
        return out;
    }

    // ---- notifications ----------------------------------------------------------------

    /** Joins the family's "events" multicast group (a real socket only). */
    public void subscribe() {
        stale = true;
        if (client.transport() instanceof NetlinkSocket s) {
            family.mcastGroup(DrbdFamily.MCGRP_EVENTS).ifPresent(g -> s.addMembership(g.id()));
        }
    }

    /** Blocks for the next datagram of notifications. */
    public List<KernelReply> nextEvents() {
        List<KernelReply> out = new ArrayList<>();
        for (GenlMessage m : client.receiveEvents(DrbdFamily.HDRSIZE)) {
            if (m.familyId() == family.id()) {
                out.add(KernelReply.of(m));
            }
        }
        return out;
    }

    private static DrbdCfgContext resource(String name) {
        return DrbdCfgContext.builder().ctxResourceName(name).build();
    }

    private static DrbdCfgContext connection(Binary my, Binary peer) {
        return DrbdCfgContext.builder().ctxMyAddr(my).ctxPeerAddr(peer).build();
    }

    @Override
    public void close() {
        client.close();
    }
}
