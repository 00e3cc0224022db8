package io.drbdctl.adm.cmd;

import io.drbdctl.config.model.Effective;
import io.drbdctl.adm.plan.Topology;
import io.drbdctl.config.model.Address;
import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.Resource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code sh-*} family: print facts of the configuration, one per line. */
public final class ShCommands {
    public static final Set<String> NAMES = Set.of("sh-resources", "sh-resource", "sh-dev", "sh-minor",
            "sh-ll-dev", "sh-md-dev", "sh-md-idx", "sh-ip", "sh-lr-of", "sh-resources-list");

    private ShCommands() {
    }

    /** Text printed and exit code. */
    public record Out(String text, int rc) {
    }

    /** Output for a per-resource sh command, or empty when the host has no section. */
    public static Out perResource(String cmd, Config cfg, Resource r, String hostname,
                                  io.drbdctl.adm.plan.Target t) {
        Optional<Host> me = Topology.me(r, hostname);
        StringBuilder b = new StringBuilder();
        if (cmd.equals("sh-resource")) {
            return new Out(r.name() + "\n", 0);
        }
        if (me.isEmpty()) {
            return new Out("", 0);
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
}
