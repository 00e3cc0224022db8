package io.drbdctl.adm.plan;

import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.Effective.Vol;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.Inherit;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.model.Sections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single-purpose commands (attach, detach, primary, verify, create-md, ...): each maps to
 * drbdsetup/drbdmeta steps per resource, volume, connection or peer device.
 */
public final class CommandPlanner {
    /** Commands taking the resource: drbdsetup OP RES. */
    static final Map<String, String> PER_RESOURCE = Map.of("primary", "primary", "secondary", "secondary",
            "status", "status", "role", "role", "wait-connect", "wait-connect-resource",
            "suspend-io", "suspend-io", "resume-io", "resume-io");
    /** Commands taking the minor: drbdsetup OP MINOR. */
    static final Set<String> PER_MINOR = Set.of("detach", "del-minor");
    /** Commands of drbdmeta on each volume. */
    static final Set<String> META = Set.of("wipe-md", "dump-md", "apply-al");
    /** Commands on each connection: drbdsetup OP RES PEER. */
    static final Set<String> PER_PEER = Set.of("connect", "disconnect", "del-peer", "cstate");
    /** Commands on each peer device: drbdsetup OP RES PEER VNR. */
    static final Set<String> PER_PEER_DEVICE = Set.of("invalidate-remote", "verify", "pause-sync", "resume-sync");
    /** drbdsetup then drbdmeta for each volume. */
    static final Set<String> SETUP_THEN_META = Set.of("invalidate", "outdate", "dstate");
    static final Set<String> OTHERS = Set.of("attach", "resize", "create-md", "disk-options", "net-options",
            "resource-options", "peer-device-options", "new-resource", "new-minor", "new-peer", "new-path",
            "del-path", "forget-peer");

    /** Commands that stop (exit 10) at a volume without a local disk. */
    static final Set<String> NEEDS_DISK = Set.of("attach", "detach", "create-md", "wipe-md", "dump-md", "apply-al",
            "resize", "invalidate", "disk-options", "forget-peer", "outdate");

    private final Config cfg;
    private final Planner planner;

    /** Steps planned; {@code error} is set when the command cannot go on (exit code 10). */
    public record Result(List<Step> steps, String error) {
        public Result {
            steps = List.copyOf(steps);
        }
    }

    public CommandPlanner(Config cfg) {
        this.cfg = cfg;
        this.planner = new Planner(cfg);
    }

    public static boolean knows(String cmd) {
        return PER_RESOURCE.containsKey(cmd) || PER_MINOR.contains(cmd) || META.contains(cmd)
                || PER_PEER.contains(cmd) || PER_PEER_DEVICE.contains(cmd) || SETUP_THEN_META.contains(cmd)
                || OTHERS.contains(cmd);
    }

    public Result plan(String cmd, Resource r, Host me, Target t, List<String> extra) {
        List<Vol> all = planner.volumes(r, me).stream().filter(v -> t.volume() < 0 || v.vnr() == t.volume()).toList();
        List<Vol> vols = all;
        String error = null;
        if (NEEDS_DISK.contains(cmd)) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).disk() == null) {
                    vols = all.subList(0, i);
                    error = "The " + cmd + " command requires a local disk, but the configuration gives none.";
                    break;
                }
            }
        }
        return new Result(steps(cmd, r, me, t, extra, vols), error);
    }

    private List<Step> steps(String cmd, Resource r, Host me, Target t, List<String> extra, List<Vol> vols) {
        List<Step> out = new ArrayList<>();
        String res = r.name();
        Sections s = Inherit.withCommon(cfg.common(), r);
        List<Topology.Peer> peers = Topology.peers(r, me, s.net()).stream()
                .filter(p -> t.peer() == null || p.host().matches(t.peer())).toList();
        if (PER_RESOURCE.containsKey(cmd) || cmd.equals("resource-options")) {
            List<String> o = cmd.equals("resource-options") ? Planner.flags(s.options()) : List.of();
            out.add(setup(PER_RESOURCE.getOrDefault(cmd, cmd), List.of(res), o, extra));
        } else if (cmd.equals("new-resource")) {
            out.add(setup(cmd, List.of(res, String.valueOf(me.nodeId())), Planner.flags(s.options()), extra));
        } else if (PER_MINOR.contains(cmd) || cmd.equals("disk-options") || cmd.equals("resize")) {
            for (Vol v : vols) {
                List<String> o = cmd.equals("disk-options") ? Planner.flags(v.diskOptions()) : List.of();
                out.add(setup(cmd, List.of(String.valueOf(v.minor())), o, extra));
                if (cmd.equals("resize")) {
                    out.add(setup("check-resize", List.of(String.valueOf(v.minor())), List.of(), List.of()));
                }
            }
        } else if (cmd.equals("new-minor")) {
            for (Vol v : vols) {
                out.add(setup(cmd, List.of(res, String.valueOf(v.minor()), String.valueOf(v.vnr())),
                        v.disk() == null ? List.of("--diskless") : List.of(), extra));
            }
        } else if (META.contains(cmd) || cmd.equals("create-md")) {
            List<String> rest = new ArrayList<>(extra);
            String maxPeers = String.valueOf(maxPeers(r, me));
            for (String e : extra) {
                if (cmd.equals("create-md") && e.startsWith("--max-peers=")) {
                    maxPeers = e.substring("--max-peers=".length());
                    rest.remove(e);
                }
            }
            for (Vol v : vols) {
                if (v.disk() != null) {
                    out.add(meta(v, cmd.equals("create-md") ? "create-md " + maxPeers : cmd, rest));
                }
            }
        } else if (cmd.equals("attach")) {
            for (Vol v : vols) {
                if (v.disk() != null) {
                    out.add(meta(v, "apply-al", List.of()));
                    out.add(setup("attach", List.of(String.valueOf(v.minor()), v.disk(), metaDev(v), v.metaIdx()),
                            Planner.flags(v.diskOptions()), extra));
                }
            }
        } else if (SETUP_THEN_META.contains(cmd)) {
            for (Vol v : vols) {
                List<String> a = cmd.equals("outdate") ? List.of(res, String.valueOf(v.minor()))
                        : List.of(String.valueOf(v.minor()));
                out.add(setup(cmd, a, List.of(), extra));
                if (v.disk() != null) {
                    out.add(meta(v, cmd, List.of()));
                }
            }
        } else {
            perPeer(out, cmd, r, me, peers, vols, extra);
        }
        return out;
    }

    private void perPeer(List<Step> out, String cmd, Resource r, Host me, List<Topology.Peer> peers, List<Vol> vols,
                         List<String> extra) {
        String res = r.name();
        for (Topology.Peer p : peers) {
            String pid = String.valueOf(p.host().nodeId());
            if (PER_PEER.contains(cmd)) {
                out.add(setup(cmd, List.of(res, pid), List.of(), extra));
            } else if (PER_PEER_DEVICE.contains(cmd) || cmd.equals("peer-device-options")) {
                for (Vol v : vols) {
                    List<String> o = cmd.equals("peer-device-options")
                            ? Planner.flags(planner.peerDeviceOptionsFor(r, p, v)) : List.of();
                    out.add(setup(cmd, List.of(res, pid, String.valueOf(v.vnr())), o, extra));
                }
            } else if (cmd.equals("net-options") || cmd.equals("new-peer")) {
                List<String> o = new ArrayList<>(List.of("--_name=" + String.join("_", p.host().names())));
                // the transport is fixed once the peer exists
                o.addAll(Planner.flags(cmd.equals("new-peer") ? p.net()
                        : p.net().stream().filter(x -> !x.name().equals("transport")).toList()));
                out.add(setup(cmd, List.of(res, pid), o, extra));
            } else if (cmd.equals("new-path") || cmd.equals("del-path")) {
                for (var a : p.paths()) {
                    if (a[0] != null && a[1] != null) {
                        out.add(setup(cmd, List.of(res, pid, a[0].drbdsetupForm(), a[1].drbdsetupForm()), List.of(),
                                extra));
                    }
                }
            } else if (cmd.equals("forget-peer")) {
                out.add(setup(cmd, List.of(res, pid), List.of(), extra));
                for (Vol v : vols) {
                    if (v.disk() != null) {
                        out.add(new Step.Drbdmeta(v.minor(), "v09", metaDev(v), metaIdxArg(v),
                                "--node-id=" + pid + " forget-peer"));
                    }
                }
            }
        }
    }

    /** Peers that have a disk on at least one volume; at least 1 (the reference's create-md default). */
    private int maxPeers(Resource r, Host me) {
        int n = 0;
        for (Topology.Peer p : Topology.peers(r, me, List.of())) {
            if (planner.volumes(r, p.host()).stream().anyMatch(v -> v.disk() != null)) {
                n++;
            }
        }
        return Math.max(1, n);
    }

    private static String metaDev(Vol v) {
        return "internal".equals(v.metaIdx()) ? v.disk() : v.metaDisk();
    }

    private static String metaIdxArg(Vol v) {
        return "flexible".equals(v.metaIdx()) ? "flex-external" : v.metaIdx();
    }

    private static Step meta(Vol v, String op, List<String> extra) {
        String o = extra.isEmpty() ? op : op + " " + String.join(" ", extra);
        return new Step.Drbdmeta(v.minor(), "v09", metaDev(v), metaIdxArg(v), o);
    }

    private static Step setup(String op, List<String> args, List<String> opts, List<String> extra) {
        List<String> o = new ArrayList<>(opts);
        o.addAll(extra);
        return new Step.Drbdsetup(op, args, o);
    }
}
