package io.drbdctl.adm.cmd;

import io.drbdctl.config.model.Effective;
import io.drbdctl.adm.plan.Topology;
import io.drbdctl.config.model.Address;
import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.model.Volume;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code sh-*} family: print facts of the configuration, one per line. */
public final class ShCommands {
    public static final Set<String> NAMES = Set.of("sh-resources", "sh-resource", "sh-dev", "sh-minor",
            "sh-ll-dev", "sh-md-dev", "sh-md-idx", "sh-ip", "sh-lr-of", "sh-udev");

    private ShCommands() {
    }

    /** Text printed and exit code. */
    public record Out(String text, int rc) {
    }

    /** Output for a per-resource sh command, or empty when the host has no section. */
    public static Out perResource(String cmd, Config cfg, Resource r, String hostname,
                                  io.drbdctl.adm.plan.Target t, boolean v84) {
        Optional<Host> me = Topology.me(r, hostname);
        StringBuilder b = new StringBuilder();
        if (cmd.equals("sh-resource")) {
            return new Out(r.name() + "\n", 0);
        }
        if (me.isEmpty()) {
            return new Out("", 0);
        }
        if (cmd.equals("sh-lr-of")) {
            // the lower resource of a stacked one (the dispatcher lets only -S runs come here)
            return new Out(me.get().lower() == null ? "" : me.get().lower() + "\n", 0);
        }
        if (cmd.equals("sh-udev")) {
            return udev(cfg, r, me.get(), t, v84);
        }
        List<Effective.Vol> vols = Effective.volumes(cfg, r, me.get()).stream()
                .filter(v -> t.volume() < 0 || v.vnr() == t.volume()).toList();
        for (Effective.Vol v : vols) {
            switch (cmd) {
                case "sh-dev" -> b.append(v.deviceOrDefault()).append('\n');
                case "sh-minor" -> b.append(v.minor()).append('\n');
                case "sh-ll-dev" -> b.append(v.disk() == null ? "none" : v.disk()).append('\n');
                case "sh-md-dev" -> {
                    if (v.metaDisk() == null) {
                        return new Out(b.toString(), 10);
                    }
                    b.append("internal".equals(v.metaIdx()) ? v.disk() : v.metaDisk()).append('\n');
                }
                case "sh-md-idx" -> {
                    if (v.metaIdx() == null) {
                        return new Out(b.toString(), 10);
                    }
                    b.append(v.metaIdx()).append('\n');
                }
                case "sh-ip" -> {
                    // one line per volume, connection and path: this host's address on that path
                    for (Topology.Peer p : Topology.peers(r, me.get(), List.of())) {
                        for (Address[] path : p.paths()) {
                            b.append(path[0] == null ? "" : path[0].addr()).append('\n');
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new Out(b.toString(), 0);
    }

    /**
     * {@code sh-udev RES/VNR}: the variables drbd's udev rule reads (drbdadm-84 prints RESOURCE,
     * DEVICE and DISK). {@link Out#text} holds the message for standard error when {@link Out#rc}
     * is not 0.
     */
    static Out udev(Config cfg, Resource r, Host me, io.drbdctl.adm.plan.Target t, boolean v84) {
        List<Effective.Vol> vols = Effective.volumes(cfg, r, me);
        if (t.volume() < 0 && vols.size() != 1) {
            // a resource named alone stands for its volume when it has only one
            return new Out("sh-udev requires a specific volume id, but none is specified.\nTry 'sh-udev"
                    + " minor-<minor_number>' or 'sh-udev " + r.name() + "/<vnr>'\n", 1);
        }
        Effective.Vol v = t.volume() < 0 ? vols.get(0)
                : vols.stream().filter(x -> x.vnr() == t.volume()).findFirst().orElse(null);
        if (v == null) {
            return new Out("Resource '" + r.name() + "' has no volume " + t.volume() + "\n", 1);
        }
        String dev = v.deviceOrDefault();
        String device = dev.startsWith("/dev/drbd") ? dev.substring(5) : "drbd" + v.minor();
        String disk = v.disk() == null ? null : v.disk().startsWith("/dev/") ? v.disk().substring(5) : v.disk();
        if (v84) {
            return new Out("RESOURCE=" + (implicit(r, me, v.vnr()) ? r.name() : r.name() + "/" + v.vnr()) + "\nDEVICE="
                    + device + "\nDISK=" + (disk == null ? "" : disk) + "\n", 0);
        }
        StringBuilder b = new StringBuilder("DEVICE=").append(device).append('\n');
        String byRes = implicit(r, me, v.vnr()) && !cfg.global().udevAlwaysUseVnr() ? "drbd/by-res/" + r.name()
                : "drbd/by-res/" + r.name() + "/" + v.vnr();
        b.append("SYMLINK=").append(byRes).append('\n');
        b.append("SYMLINK_BY_RES=").append(byRes).append('\n');
        if (disk != null) {
            b.append("SYMLINK_BY_DISK=drbd/by-disk/").append(disk).append('\n');
        }
        return new Out(b.toString(), 0);
    }

    /** True when the volume was written without "volume N { }" (in the host or the resource). */
    private static boolean implicit(Resource r, Host me, int vnr) {
        for (Volume v : me.volumes()) {
            if (v.vnr() == vnr) {
                return v.implicit();
            }
        }
        for (Volume v : r.volumes()) {
            if (v.vnr() == vnr) {
                return v.implicit();
            }
        }
        return true;
    }

    /**
     * {@code sh-mod-parms}: the module parameters drbdadm suggests: the global minor-count, else
     * this node's number of volumes plus 3, at least 32 and at most 255.
     */
    public static String modParms(Config cfg, String hostname) {
        int mc = cfg.global().minorCount();
        if (mc == 0) {
            int minors = 0;
            for (Resource r : cfg.resources()) {
                Optional<Host> me = Topology.me(r, hostname);
                if (me.isPresent()) {
                    minors += Effective.volumes(cfg, r, me.get()).size();
                }
            }
            mc = Math.max(32, Math.min(255, minors + 3));
        }
        return "minor_count=" + mc + "\n";
    }
}
