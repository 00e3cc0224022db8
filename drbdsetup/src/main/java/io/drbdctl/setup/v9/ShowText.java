package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.NetOptions;
import io.drbdctl.genl.drbd2.Path;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.genl.drbd2.PeerDeviceOptions;
import io.drbdctl.genl.drbd2.ResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code drbdsetup show} in drbd-utils 9.22's configuration syntax for what drbd2 reports:
 * resource options that differ from their defaults, {@code _this_host} with the node id and
 * the volumes (minor, backing disk, meta disk), one {@code connection} per peer with its
 * paths, {@code _is_standalone}, the net options that differ from their defaults and the
 * connection's name, and the peer-device options that differ from their defaults. Four
 * spaces per level; option lines as {@code %-16s\t%s;}.
 */
public final class ShowText {
    private ShowText() {
    }

    public static String format(List<ResourceView> views) {
        StringBuilder b = new StringBuilder();
        if (views.isEmpty()) {
            b.append("# No currently configured DRBD found.\n");
        }
        for (ResourceView v : views) {
            resource(new Out(b), v);
        }
        return b.toString();
    }

    /** Indented output. */
    private static final class Out {
        final StringBuilder b;
        int indent;

        Out(StringBuilder b) {
            this.b = b;
        }

        Out line(String s) {
            b.append(" ".repeat(4 * indent)).append(s).append('\n');
            return this;
        }

        void open(String s) {
            line(s + " {");
            indent++;
        }

        void close() {
            indent--;
            line("}");
        }

        /** An options section, only if something in it is not the default. */
        void section(String name, List<String[]> fields) {
            if (fields.isEmpty()) {
                return;
            }
            open(name);
            for (String[] f : fields) {
                line(String.format("%-16s\t%s;", f[0], f[1]) + (f.length > 2 ? " # " + f[2] : ""));
            }
            close();
        }
    }

    private static void resource(Out o, ResourceView v) {
        o.open("resource \"" + v.name() + "\"");
        o.section("options", resourceOptions(v.resource().options().orElse(null)));
        o.open("_this_host");
        v.resource().nodeId().ifPresent(id -> o.line("node-id\t\t\t" + id + ";"));
        for (Device d : v.devices()) {
            volume(o, d);
        }
        o.close();
        for (Connection c : v.connections()) {
            connection(o, v, c);
        }
        o.close();
        o.b.append('\n');
    }

    static List<String[]> resourceOptions(ResourceOptions ro) {
        List<String[]> l = new ArrayList<>();
        if (ro == null) {
            return l;
        }
        ro.cpuMask().filter(m -> !m.isEmpty()).ifPresent(m -> l.add(new String[] {"cpu-mask", quote(m)}));
        ro.onNoDataAccessible().ifPresent(x -> {
            if (x != 0) {
                l.add(new String[] {"on-no-data-accessible", x == 1 ? "suspend-io" : String.valueOf(x)});
            }
        });
        ro.autoPromote().ifPresent(x -> {
            if (x == 0) {
                l.add(new String[] {"auto-promote", "no"});
            }
        });
        return l;
    }

    private static void volume(Out o, Device d) {
        o.open("volume " + d.volume().orElse(0));
        o.line("device\t\t\tminor " + d.minor().orElse(0) + ";");
        if (d.backingDev().isPresent() && !d.backingDev().get().isEmpty()) {
            o.line("disk\t\t\t" + quote(d.backingDev().get()) + ";");
            int idx = d.metaIdx().orElse(-1);
            String meta = d.metaDev().orElse(d.backingDev().get());
            String md = switch (idx) {
                case -1, -3 -> "internal";
                case -2 -> quote(meta);
                default -> quote(meta) + " [ " + idx + " ]";
            };
            o.line("meta-disk\t\t\t" + md + ";");
        }
        o.close();
    }

    private static void connection(Out o, ResourceView v, Connection c) {
        long peer = c.peerNodeId().orElse(0);
        o.open("connection");
        o.line("_peer_node_id " + peer + ";");
        for (Path p : v.paths()) {
            if (p.peerNodeId().orElse(-1) != peer || p.myAddr().isEmpty() || p.peerAddr().isEmpty()) {
                continue;
            }
            o.open("path");
            o.line("_this_host " + Addresses.format(p.myAddr().get().toArray()) + ";");
            o.line("_remote_host " + Addresses.format(p.peerAddr().get().toArray()) + ";");
            o.close();
        }
        if (c.cstate().orElse(0) == 0) {
            o.line("_is_standalone;");
        }
        List<String[]> net = netOptions(c.netOptions().orElse(null));
        c.name().ifPresent(n -> net.add(new String[] {"_name", quote(n)}));
        o.section("net", net);
        for (PeerDevice pd : v.peerDevices()) {
            if (pd.peerNodeId().orElse(-1) != peer) {
                continue;
            }
            List<String[]> opts = peerDeviceOptions(pd.options().orElse(null));
            if (!opts.isEmpty()) {
                o.open("volume " + pd.volume().orElse(0));
                o.section("disk", opts);
                o.close();
            }
        }
        o.close();
    }

    static List<String[]> netOptions(NetOptions n) {
        List<String[]> l = new ArrayList<>();
        if (n == null) {
            return l;
        }
        n.protocol().ifPresent(p -> {
            if (p != 3) {
                l.add(new String[] {"protocol", p == 1 ? "A" : p == 2 ? "B" : String.valueOf(p)});
            }
        });
        n.allowTwoPrimaries().ifPresent(x -> {
            if (x != 0) {
                l.add(new String[] {"allow-two-primaries", "yes"});
            }
        });
        return l;
    }

    static List<String[]> peerDeviceOptions(PeerDeviceOptions p) {
        List<String[]> l = new ArrayList<>();
        if (p == null) {
            return l;
        }
        num(l, "resync-rate", p.resyncRate(), 250, "bytes/second");
        num(l, "c-plan-ahead", p.cPlanAhead(), 20, "1/10 seconds");
        num(l, "c-delay-target", p.cDelayTarget(), 10, "1/10 seconds");
        num(l, "c-fill-target", p.cFillTarget(), 100, "bytes");
        num(l, "c-max-rate", p.cMaxRate(), 102400, "bytes/second");
        num(l, "c-min-rate", p.cMinRate(), 250, "bytes/second");
        p.bitmap().ifPresent(x -> {
            if (x == 0) {
                l.add(new String[] {"bitmap", "no"});
            }
        });
        return l;
    }

    private static void num(List<String[]> l, String name, OptionalLong v, long def, String unit) {
        if (v.isPresent() && v.getAsLong() != def) {
            String text = unit.equals("bytes/second") ? v.getAsLong() + "k" : unit.equals("bytes")
                    ? v.getAsLong() + "s" : String.valueOf(v.getAsLong());
            l.add(new String[] {name, text, unit});
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
