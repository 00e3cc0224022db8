package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.netlink.NetlinkTransport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * wait-connect-{volume,connection,resource} and wait-sync-{volume,connection,resource} over
 * drbd2 events, with drbd-utils 9.22's rules: no peer device to wait for is success at once; a
 * connection that is StandAlone or Disconnecting ends the wait with success unless
 * --wait-after-sb; done when every peer device waited for is established (wait-connect: or
 * beyond, e.g. syncing); each peer device's timeout is --wfc-timeout, or --degr-wfc-timeout
 * when the node was a degraded primary (meta data: primary, not connected), or
 * --outdated-wfc-timeout when the peer is known outdated (seconds, 0 = forever); when the
 * shortest one runs out the exit code is 5.
 */
final class WaitCommand {
    /** The exit code of a timeout. */
    static final int TIMEOUT = 5;
    private static final long MDF_PRIMARY_IND = 0x02;
    private static final long MDF_CONNECTED_IND = 0x04;

    private WaitCommand() {
    }

    /** What the waiting needs: the selection and the timeouts, seconds. */
    private record Spec(String resource, long peer, long volume, boolean sync, boolean afterSb, long wfc,
                        long degr, long outdated) {
    }

    static int run(V9Call c, Drbd2Control k, Supplier<NetlinkTransport> events) {
        String n = c.cmd().name();
        List<String> a = c.args();
        long peer = a.size() > 1 ? number(c, "peer_node_id", a.get(1)) : -1;
        long volume = a.size() > 2 ? number(c, "volume", a.get(2)) : -1;
        long wfc = timeout(c, "wfc-timeout");
        long degr = timeout(c, "degr-wfc-timeout");
        long outdated = timeout(c, "outdated-wfc-timeout");
        if (wfc > 0 && (wfc < degr || degr == 0)) {
            degr = wfc;
            c.err().print("degr-wfc-timeout has to be shorter than wfc-timeout\n"
                    + "degr-wfc-timeout implicitly set to wfc-timeout (" + degr + "s)\n");
        }
        if (degr > 0 && (degr < outdated || outdated == 0)) {
            outdated = degr;
            c.err().print("outdated-wfc-timeout has to be shorter than degr-wfc-timeout\n"
                    + "outdated-wfc-timeout implicitly set to degr-wfc-timeout (" + degr + "s)\n");
        }
        Spec s = new Spec(a.get(0), peer, volume, n.startsWith("wait-sync"), c.flag("wait-after-sb"), wfc, degr,
                outdated);
        Optional<Drbd2Events> sub = Drbd2Events.subscribe(events.get(), k);
        if (sub.isEmpty()) {
            c.err().print(s.resource() + ": unable to join drbd events multicast group\n");
            return 20;
        }
        try (Drbd2Events e = sub.get()) {
            Events2Model model = new Events2Model(s.resource(), false, false);
            model.exists(e.snapshot(k, s.resource()));
            Optional<ResourceView> v = view(model, s.resource());
            if (v.isEmpty() || peerDevices(v.get(), s).isEmpty()) {
                return 0;
            }
            long seconds = peerDevices(v.get(), s).stream().mapToLong(pd -> timeoutOf(v.get(), pd, s))
                    .filter(t -> t > 0).min().orElse(0);
            long deadline = seconds == 0 ? Long.MAX_VALUE : System.nanoTime() + seconds * 1_000_000_000L;
            while (true) {
                Optional<ResourceView> now = view(model, s.resource());
                if (now.isEmpty() || done(c, now.get(), s)) {
                    return 0;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return TIMEOUT;
                }
                Optional<List<Drbd2Events.Notification>> in = e.next(deadline == Long.MAX_VALUE ? null
                        : Duration.ofNanos(left));
                in.ifPresent(ns -> ns.forEach(x -> model.apply(x.op(), x.attrs())));
            }
        }
    }

    private static Optional<ResourceView> view(Events2Model m, String name) {
        return m.views().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    private static List<PeerDevice> peerDevices(ResourceView v, Spec s) {
        return v.peerDevices().stream().filter(pd -> (s.peer() < 0 || pd.peerNodeId().orElse(-1) == s.peer())
                && (s.volume() < 0 || pd.volume().orElse(-1) == s.volume())).toList();
    }

    /** The timeout of one peer device, seconds (0: none). */
    private static long timeoutOf(ResourceView v, PeerDevice pd, Spec s) {
        Optional<Device> d = v.devices().stream().filter(x -> x.volume().equals(pd.volume())).findFirst();
        if (d.isEmpty()) {
            return s.wfc();
        }
        if (d.get().peerOutdated().orElse(0) != 0) {
            return s.outdated();
        }
        long flags = d.get().mdFlags().orElse(0);
        return (flags & MDF_PRIMARY_IND) != 0 && (flags & MDF_CONNECTED_IND) == 0 ? s.degr() : s.wfc();
    }

    private static boolean done(V9Call c, ResourceView v, Spec s) {
        for (Connection conn : v.connections()) {
            if (s.peer() >= 0 && conn.peerNodeId().orElse(-1) != s.peer()) {
                continue;
            }
            // drbd2: standalone 0, disconnecting 1, below unconnected (2)
            if (conn.cstate().orElse(0) < 2) {
                if (!s.afterSb()) {
                    return true;
                }
            }
        }
        List<PeerDevice> pds = peerDevices(v, s);
        return pds.stream().allMatch(pd -> {
            long rs = pd.replState().orElse(0);
            return rs == ReplicationStates.ESTABLISHED || (!s.sync() && rs > ReplicationStates.ESTABLISHED);
        });
    }

    private static long number(V9Call c, String what, String text) {
        return V9Call.number(text).orElseThrow(() -> {
            c.err().print(c.program() + " " + c.cmd().name() + ": invalid " + what + " '" + text + "'\n");
            return new V9Exit(20);
        });
    }

    /** A timeout option, seconds 0..300000 (default 0). */
    private static long timeout(V9Call c, String opt) {
        String t = c.opts().get(opt);
        if (t == null) {
            return 0;
        }
        long v = V9Call.number(t).orElse(-1);
        if (v < 0 || v > 300000) {
            c.err().print(opt.replace('-', '_') + " => " + t + " out of range [0..300000]\n");
            throw new V9Exit(20);
        }
        return v;
    }
}
