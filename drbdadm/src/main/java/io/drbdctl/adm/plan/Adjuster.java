package io.drbdctl.adm.plan;

import io.drbdctl.config.model.Address;
import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.Connection;
import io.drbdctl.config.model.Effective.Vol;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.HostAddr;
import io.drbdctl.config.model.HostKind;
import io.drbdctl.config.model.Inherit;
import io.drbdctl.config.model.Opt;
import io.drbdctl.config.model.PathDef;
import io.drbdctl.config.model.PeerDevice;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.model.Sections;
import io.drbdctl.config.model.Volume;
import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code adjust}: compares the configuration with the running state ({@code drbdsetup show}
 * output in the {@code _this_host} syntax) and plans only the differences.
 */
public final class Adjuster {
    private final Config cfg;
    private final Planner planner;
    private final OptionCompare cmp;

    public Adjuster(Config cfg, OptionTable table) {
        this.cfg = cfg;
        this.planner = new Planner(cfg);
        this.cmp = new OptionCompare(table, Dialect.V9);
    }

    public Plan adjust(Resource r, Host me, Resource running) {
        if (running == null) {
            return planner.up(r, me, true);
        }
        Host run = running.hosts().stream().filter(h -> h.kind() == HostKind.THIS_HOST).findFirst().orElse(null);
        List<Plan.Staged> steps = new ArrayList<>();
        String res = r.name();
        Sections s = Inherit.withCommon(cfg.common(), r);
        if (!cmp.equal(s.options(), running.sections().options(), Set.of("options"), Set.of())) {
            steps.add(st(Stage.RESOURCE, "resource-options", List.of(res), with("--set-defaults", s.options())));
        }
        List<Vol> vols = planner.volumes(r, me);
        List<Volume> runVols = run == null ? List.of() : run.volumes();
        List<Topology.Peer> peers = Topology.peers(r, me, s.net());
        for (Volume rv : runVols) {
            if (vols.stream().noneMatch(v -> v.minor() == rv.minor())) {
                if (rv.disk() != null) {
                    steps.add(st(Stage.DISK_PREP_DOWN, "detach", List.of("--diskless", String.valueOf(rv.minor())),
                            List.of()));
                }
                steps.add(st(Stage.DISK_PREP_DOWN, "del-minor", List.of(String.valueOf(rv.minor())), List.of()));
            }
        }
        for (Vol v : vols) {
            Optional<Volume> rv = runVols.stream().filter(x -> x.minor() == v.minor()).findFirst();
            if (rv.isEmpty()) {
                steps.add(st(Stage.DISK_PREP_UP, "new-minor", List.of(res, String.valueOf(v.minor()),
                        String.valueOf(v.vnr())), v.disk() == null ? List.of("--diskless") : List.of()));
            }
            if (v.disk() != null && (rv.isEmpty() || rv.get().disk() == null)) {
                String md = "internal".equals(v.metaIdx()) ? v.disk() : v.metaDisk();
                steps.add(new Plan.Staged(Stage.DISK, new Step.Drbdmeta(v.minor(), "v09", md,
                        "flexible".equals(v.metaIdx()) ? "flex-external" : v.metaIdx(), "apply-al")));
                steps.add(st(Stage.DISK, "attach", List.of(String.valueOf(v.minor()), v.disk(), md, v.metaIdx()),
                        Planner.flags(v.diskOptions())));
            } else if (v.disk() != null && !cmp.equal(v.diskOptions(), rv.get().diskOptions(), Set.of("disk"),
                    Set.of())) {
                steps.add(st(Stage.DISK, "disk-options", List.of(String.valueOf(v.minor())),
                        with("--set-defaults", v.diskOptions())));
            }
        }
        List<Connection> runConns = running.connections();
        for (Connection rc : runConns) {
            if (peers.stream().noneMatch(p -> String.valueOf(p.host().nodeId()).equals(rc.peerNodeId()))) {
                steps.add(st(Stage.NET_PREP_DOWN, "del-peer", List.of(res, String.valueOf(rc.peerNodeId())), List.of()));
            }
        }
        for (Topology.Peer p : peers) {
            String pid = String.valueOf(p.host().nodeId());
            Optional<Connection> rc = runConns.stream().filter(c -> pid.equals(c.peerNodeId())).findFirst();
            if (rc.isEmpty()) {
                Plan up = planner.up(r, me, true);
                for (Plan.Staged x : up.steps()) {
                    if (x.step() instanceof Step.Drbdsetup d && d.args().size() > 1 && d.args().get(1).equals(pid)
                            && Set.of("new-peer", "new-path", "connect", "peer-device-options").contains(d.op())) {
                        boolean newVol = !d.op().equals("peer-device-options") || runVols.stream()
                                .anyMatch(rv -> vols.stream().anyMatch(v -> v.minor() == rv.minor()));
                        if (newVol) {
                            steps.add(x);
                        }
                    }
                }
                continue;
            }
            Connection c = rc.get();
            if (!cmp.equal(p.net(), c.net(), Set.of("net"), Set.of("_name", "transport"))) {
                List<String> o = new ArrayList<>(List.of("--set-defaults", "--_name=" + String.join("_", p.host().names())));
                o.addAll(Planner.flags(p.net()));
                steps.add(st(Stage.NET, "net-options", List.of(res, pid), o));
            }
            paths(steps, res, pid, p, c);
            for (Vol v : vols) {
                boolean newVol = runVols.stream().noneMatch(x -> x.minor() == v.minor());
                List<Opt> want = planner.peerDeviceOptionsFor(r, p, v);
                List<Opt> have = c.peerDevices().stream().filter(pd -> pd.vnr() == v.vnr()).findFirst()
                        .map(PeerDevice::pdOptions).orElse(List.of());
                if (!want.isEmpty() && (newVol || !cmp.equal(want, have, Set.of("peer-device"), Set.of()))) {
                    steps.add(st(Stage.PEER_DEVICE, "peer-device-options", List.of(res, pid, String.valueOf(v.vnr())),
                            with("--set-defaults", want)));
                } else if (want.isEmpty() && !have.isEmpty() && !cmp.equal(want, have, Set.of("peer-device"), Set.of())) {
                    steps.add(st(Stage.PEER_DEVICE, "peer-device-options", List.of(res, pid, String.valueOf(v.vnr())),
                            List.of("--set-defaults")));
                }
            }
        }
        return Plan.staged(steps);
    }

    private void paths(List<Plan.Staged> steps, String res, String pid, Topology.Peer p, Connection c) {
        List<String[]> running = new ArrayList<>();
        for (PathDef pd : c.paths()) {
            Address mine = null;
            Address theirs = null;
            for (HostAddr ha : pd.hosts()) {
                if (ha.kind().equals("_this_host")) {
                    mine = ha.address();
                } else if (ha.kind().equals("_remote_host")) {
                    theirs = ha.address();
                }
            }
            if (mine != null && theirs != null) {
                running.add(new String[] {mine.drbdsetupForm(), theirs.drbdsetupForm()});
            }
        }
        List<String[]> wanted = new ArrayList<>();
        for (Address[] a : p.paths()) {
            if (a[0] != null && a[1] != null) {
                wanted.add(new String[] {a[0].drbdsetupForm(), a[1].drbdsetupForm()});
            }
        }
        List<String[]> del = running.stream().filter(x -> wanted.stream().noneMatch(w -> same(w, x))).toList();
        List<String[]> add = wanted.stream().filter(x -> running.stream().noneMatch(w -> same(w, x))).toList();
        if (del.isEmpty() && add.isEmpty()) {
            return;
        }
        boolean reconnect = !del.isEmpty();
        if (reconnect) {
            steps.add(st(Stage.NET_DISCONNECT, "disconnect", List.of(res, pid), List.of()));
        }
        for (String[] d : del) {
            steps.add(st(Stage.NET_PREP_DOWN, "del-path", List.of(res, pid, d[0], d[1]), List.of()));
        }
        for (String[] a : add) {
            steps.add(st(Stage.NET_PATH, "new-path", List.of(res, pid, a[0], a[1]), List.of()));
        }
        if (reconnect) {
            steps.add(st(Stage.NET_CONNECT, "connect", List.of(res, pid), List.of()));
        }
    }

    private static boolean same(String[] a, String[] b) {
        return a[0].equals(b[0]) && a[1].equals(b[1]);
    }

    private static List<String> with(String first, List<Opt> opts) {
        List<String> o = new ArrayList<>(List.of(first));
        o.addAll(Planner.flags(opts));
        return o;
    }

    private static Plan.Staged st(Stage stage, String op, List<String> args, List<String> opts) {
        return new Plan.Staged(stage, new Step.Drbdsetup(op, args, opts));
    }

    /** The running resource of that name in a show file's model, if any. */
    public static Resource running(Config show, String name) {
        return show == null ? null : show.resource(name).orElse(null);
    }
}
