package io.drbdctl.adm.plan;

import io.drbdctl.config.model.Address;
import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.Effective;
import io.drbdctl.config.model.Effective.Vol;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.Inherit;
import io.drbdctl.config.model.Opt;
import io.drbdctl.config.model.PeerDevice;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.model.Sections;
import java.util.ArrayList;
import java.util.List;

/** Turns the model into plans (DRBD 9 dialect of drbd-utils 9.22). */
public final class Planner {
    private final Config cfg;

    public Planner(Config cfg) {
        this.cfg = cfg;
    }

    /** A host's volume with the resource level filled in. */
    public List<Vol> volumes(Resource r, Host me) {
        return Effective.volumes(cfg, r, me);
    }

    static List<String> flags(List<Opt> opts) {
        if (opts.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(opts.size());
        for (int oIndex = 0; oIndex < opts.size(); oIndex++) {
            Opt o = opts.get(oIndex);
            if (o.value() != null) {
                out.add("--" + o.name() + "=" + o.value());
            }
        }
        return out;
    }

    private static String metaDev(Vol v) {
        return "internal".equals(v.metaIdx()) ? v.disk() : v.metaDisk();
    }

    /** {@code up} (and, without kernel state, {@code adjust}) of one resource. */
    public Plan up(Resource r, Host me, boolean adjust) {
        Sections s = Inherit.withCommon(cfg.common(), r);
        List<Plan.Staged> steps = new ArrayList<>();
        String res = r.name();
        steps.add(new Plan.Staged(Stage.PREREQ,
                new Step.Drbdsetup("new-resource", List.of(res, String.valueOf(me.nodeId())), flags(s.options()))));
        List<Vol> vols = volumes(r, me);
        var pList = Topology.peers(r, me, s.net());
        for (int pIndex = 0; pIndex < pList.size(); pIndex++) {
            Topology.Peer p = pList.get(pIndex);
            String pid = String.valueOf(p.host().nodeId());
            List<String> net = new ArrayList<>();
            List<String> names = p.host().names();
            net.add("--_name=" + (names.size() == 1 ? names.get(0) : String.join("_", names)));
            net.addAll(flags(p.net()));
            steps.add(new Plan.Staged(Stage.NET_PREP_UP, new Step.Drbdsetup("new-peer", List.of(res, pid), net)));
            if (adjust) {
                proxy(steps, r, me, p, s);
            }
            var pathList = p.paths();
            for (int pathIndex = 0; pathIndex < pathList.size(); pathIndex++) {
                Address[] path = pathList.get(pathIndex);
                if (path[0] != null && path[1] != null) {
                    steps.add(new Plan.Staged(Stage.NET_PATH, new Step.Drbdsetup("new-path",
                            List.of(res, pid, path[0].drbdsetupForm(), path[1].drbdsetupForm()), List.of())));
                }
            }
            steps.add(new Plan.Staged(Stage.NET_CONNECT,
                    new Step.Drbdsetup("connect", List.of(res, pid), List.of())));
            List<Vol> peerVols = volumes(r, p.host());
            for (int vIndex = 0; vIndex < vols.size(); vIndex++) {
                Vol v = vols.get(vIndex);
                List<Opt> pd = peerDeviceOptions(p, v, peerVols);
                if (!pd.isEmpty()) {
                    List<String> o = new ArrayList<>();
                    if (adjust) {
                        o.add("--set-defaults");
                    }
                    o.addAll(flags(pd));
                    steps.add(new Plan.Staged(Stage.PEER_DEVICE, new Step.Drbdsetup("peer-device-options",
                            List.of(res, pid, String.valueOf(v.vnr())), o)));
                }
            }
        }
        for (int vIndex = 0; vIndex < vols.size(); vIndex++) {
            Vol v = vols.get(vIndex);
            steps.add(new Plan.Staged(Stage.DISK_PREP_UP, new Step.Drbdsetup("new-minor",
                    List.of(res, String.valueOf(v.minor()), String.valueOf(v.vnr())),
                    v.disk() == null ? List.of("--diskless") : List.of())));
            if (v.disk() != null) {
                steps.add(new Plan.Staged(Stage.DISK, new Step.Drbdmeta(v.minor(), "v09", metaDev(v),
                        "flexible".equals(v.metaIdx()) ? "flex-external" : v.metaIdx(), "apply-al")));
                steps.add(new Plan.Staged(Stage.DISK, new Step.Drbdsetup("attach", List.of(String.valueOf(v.minor()),
                        v.disk(), metaDev(v), v.metaIdx()), flags(v.diskOptions()))));
            }
        }
        return Plan.staged(steps);
    }

    /**
     * For a path via DRBD proxy, adjust (re)creates the proxy connection: del, add, and the
     * proxy options, as drbd-utils does.
     */
    private static void proxy(List<Plan.Staged> steps, Resource r, Host me, Topology.Peer p, Sections s) {
        if (p.conn() == null || p.conn().paths().isEmpty()) {
            return;
        }
        io.drbdctl.config.model.HostAddr mine = null;
        io.drbdctl.config.model.HostAddr theirs = null;
        for (io.drbdctl.config.model.HostAddr ha : p.conn().paths().get(0).hosts()) {
            if (ha.name() != null && me.matches(ha.name())) {
                mine = ha;
            } else {
                theirs = ha;
            }
        }
        if (mine == null || theirs == null || mine.proxy() == null || theirs.proxy() == null
                || mine.address() == null || mine.proxy().inside() == null || mine.proxy().outside() == null
                || theirs.proxy().outside() == null) {
            return;
        }
        String name = r.name() + "-" + String.join("_", p.host().names()) + "-" + String.join("_", me.names());
        steps.add(new Plan.Staged(Stage.NET_PREP_DOWN, new Step.ProxyCtl("del connection " + name)));
        steps.add(new Plan.Staged(Stage.NET_PREP_UP, new Step.ProxyCtl("add connection " + name + " "
                + hostPort(mine.proxy().inside()) + " " + hostPort(theirs.proxy().outside()) + " "
                + hostPort(mine.proxy().outside()) + " " + hostPort(mine.address()))));
        List<String> set = new ArrayList<>();
        for (Opt o : Inherit.expand(s.proxy(), mine.proxy().options())) {
            set.add("set " + o.name() + " " + name + " " + o.value());
        }
        List<Opt> plugins = mine.proxy().plugins().isEmpty() ? s.proxyPlugins() : mine.proxy().plugins();
        for (int i = 0; i < plugins.size(); i++) {
            set.add("set plugin " + name + " " + i + " " + plugins.get(i).name());
        }
        if (!plugins.isEmpty()) {
            set.add("set plugin " + name + " " + plugins.size() + " END");
        }
        if (!set.isEmpty()) {
            steps.add(new Plan.Staged(Stage.NET_PREP_UP, new Step.ProxyCtl(set)));
        }
    }

    private static String hostPort(Address a) {
        return ("ipv6".equals(a.af()) ? "[" + a.addr() + "]" : a.addr()) + ":" + a.port();
    }

    /** Peer-device options of one peer and volume, including bitmap=no for a diskless peer. */
    List<Opt> peerDeviceOptionsFor(Resource r, Topology.Peer p, Vol v) {
        return peerDeviceOptions(p, v, r == null ? List.of() : volumes(r, p.host()));
    }

    /** {@link #peerDeviceOptionsFor} with the peer's volumes ({@link #volumes}) at hand. */
    private static List<Opt> peerDeviceOptions(Topology.Peer p, Vol v, List<Vol> peerVols) {
        List<Opt> pd = peerDeviceOptions(p, v);
        boolean peerDiskless = false;
        for (int xIndex = 0; xIndex < peerVols.size(); xIndex++) {
            Vol x = peerVols.get(xIndex);
            peerDiskless |= x.vnr() == v.vnr() && x.disk() == null;
        }
        if (peerDiskless) {
            List<Opt> l = new ArrayList<>(pd);
            l.add(new Opt("bitmap", "no", null));
            pd = l;
        }
        return pd;
    }

    private static List<Opt> peerDeviceOptions(Topology.Peer p, Vol v) {
        if (p.conn() == null) {
            return Inherit.expand(v.pdOptions(), List.of());
        }
        List<Opt> explicit = List.of();
        for (PeerDevice x : p.conn().peerDevices()) {
            if (x.vnr() == v.vnr()) {
                explicit = x.pdOptions();
            }
        }
        return Inherit.expand(v.pdOptions(), Inherit.expand(p.conn().pdOptions(), explicit));
    }

    public Plan down(Resource r) {
        return new Plan(List.of(new Plan.Staged(Stage.NET_PREP_DOWN,
                new Step.Drbdsetup("down", List.of(r.name()), List.of()))));
    }
}
