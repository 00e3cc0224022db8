package io.drbdctl.adm.plan;

import io.drbdctl.config.model.Address;
import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.Effective;
import io.drbdctl.config.model.Effective.Vol;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.HostKind;
import io.drbdctl.config.model.Inherit;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.model.Sections;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The single-purpose commands for an 8.4 kernel, as drbdadm-84 prints them. */
public final class CommandPlanner84 {
    static final String SETUP = Planner84.SETUP;
    /** drbdsetup-84 OP MINOR. */
    static final Set<String> PER_MINOR = Set.of("detach", "primary", "secondary", "invalidate-remote", "verify",
            "pause-sync", "resume-sync", "disk-options", "role", "cstate", "wait-connect");
    /** drbdsetup-84 OP MINOR, then drbdmeta. */
    static final Set<String> SETUP_THEN_META = Set.of("invalidate", "outdate", "dstate");
    static final Set<String> META = Set.of("create-md", "wipe-md", "dump-md", "apply-al");
    static final Set<String> OTHERS = Set.of("attach", "resize", "connect", "disconnect", "net-options",
            "resource-options", "new-resource", "new-minor", "status");

    private final Config cfg;

    public CommandPlanner84(Config cfg) {
        this.cfg = cfg;
    }

    public static boolean knows(String cmd) {
        return PER_MINOR.contains(cmd) || SETUP_THEN_META.contains(cmd) || META.contains(cmd) || OTHERS.contains(cmd);
    }

    public List<Step> plan(String cmd, Resource r, Host me, Target t, List<String> extra) {
        List<Step> out = new ArrayList<>();
        String res = r.name();
        Sections s = Inherit.withCommon(cfg.common(), r);
        List<Vol> vols = Effective.volumes(cfg, r, me).stream().filter(v -> t.volume() < 0 || v.vnr() == t.volume())
                .toList();
        if (PER_MINOR.contains(cmd) || SETUP_THEN_META.contains(cmd) || cmd.equals("resize")) {
            List<String> o = cmd.equals("wait-connect") ? Planner.flags(s.startup().stream()
                    .filter(x -> !x.name().equals("become-primary-on")).toList()) : List.of();
            for (Vol v : vols) {
                out.add(setup(cmd, List.of(String.valueOf(v.minor())), o, extra));
                if (cmd.equals("resize")) {
                    out.add(setup("check-resize", List.of(String.valueOf(v.minor())), List.of(), List.of()));
                }
                if (SETUP_THEN_META.contains(cmd) && v.disk() != null) {
                    out.add(meta(v, cmd, List.of()));
                }
            }
        } else if (META.contains(cmd)) {
            for (Vol v : vols) {
                if (v.disk() != null) {
                    out.add(meta(v, cmd, extra));
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
        } else if (cmd.equals("new-minor")) {
            for (Vol v : vols) {
                out.add(setup(cmd, List.of(res, String.valueOf(v.minor()), String.valueOf(v.vnr())), List.of(), extra));
            }
        } else if (cmd.equals("new-resource") || cmd.equals("resource-options")) {
            // drbdadm-84 passes the configured options with new-resource only
            out.add(setup(cmd, List.of(res), cmd.equals("new-resource") ? Planner.flags(s.options()) : List.of(),
                    extra));
        } else if (cmd.equals("status")) {
            out.add(setup(cmd, List.of(res), List.of(), extra));
        } else {
            Address peer = peerAddress(r, me);
            if (me.address() != null && peer != null) {
                List<String> args = new ArrayList<>();
                if (cmd.equals("connect")) {
                    args.add(res);
                }
                args.add(me.address().drbdsetupForm());
                args.add(peer.drbdsetupForm());
                List<String> o = cmd.equals("connect") ? Planner.flags(s.net()) : List.of();
                out.add(setup(cmd, args, o, extra));
            }
        }
        return out;
    }

    private static Address peerAddress(Resource r, Host me) {
        if (me.proxy() != null && me.proxy().inside() != null) {
            return me.proxy().inside();
        }
        for (Host h : r.hosts()) {
            if (h != me && h.address() != null) {
                return h.address();
            }
        }
        return null;
    }

    private static String metaDev(Vol v) {
        return "internal".equals(v.metaIdx()) ? v.disk() : v.metaDisk();
    }

    private static Step meta(Vol v, String op, List<String> extra) {
        String o = extra.isEmpty() ? op : op + " " + String.join(" ", extra);
        return new Step.Drbdmeta(v.minor(), "v08", metaDev(v), "flexible".equals(v.metaIdx()) ? "flex-external"
                : v.metaIdx(), o);
    }

    private static Step setup(String op, List<String> args, List<String> opts, List<String> extra) {
        List<String> o = new ArrayList<>(opts);
        o.addAll(extra);
        return new Step.Drbdsetup(SETUP, op, args, o);
    }
}
