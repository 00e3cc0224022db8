package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.Path;
import io.drbdctl.genl.drbd2.PeerDevice;
import java.util.List;
import java.util.Map;

/**
 * {@code drbdsetup show} in drbd-utils 9.22's configuration syntax for what drbd2 reports:
 * resource options, {@code _this_host} with the node id and the volumes (minor, backing disk,
 * meta disk, disk options), one {@code connection} per peer with its paths,
 * {@code _is_standalone}, the net options with the connection's name, and the peer-device
 * options. Options are those of the option table's groups ({@link V9OptionGroups}) that differ
 * from their defaults; with {@code --show-defaults} all, marked "default". Four spaces per
 * level; option lines as {@code %-16s\t%s;} with the unit as a comment.
 */
public final class ShowText {
    private ShowText() {
    }

    public static String format(List<ResourceView> views) {
        return format(views, false);
    }

    /** The text; with {@code showDefaults} options at their defaults too. */
    public static String format(List<ResourceView> views, boolean showDefaults) {
        StringBuilder b = new StringBuilder();
        if (views.isEmpty()) {
            b.append("# No currently configured DRBD found.\n");
        }
        for (ResourceView v : views) {
            resource(new Out(b, showDefaults), v);
        }
        return b.toString();
    }

    /** Indented output. */
    private static final class Out {
        final StringBuilder b;
        final boolean showDefaults;
        int indent;

        Out(StringBuilder b, boolean showDefaults) {
            this.b = b;
            this.showDefaults = showDefaults;
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
        o.section("options", V9OptionNest.show(V9OptionGroups.RESOURCE, v.resource().options().orElse(null),
                Map.of(), o.showDefaults));
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
        o.section("disk", V9OptionNest.show(V9OptionGroups.DISK, d.diskOptions().orElse(null), Map.of(),
                o.showDefaults));
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
        o.section("net", V9OptionNest.show(V9OptionGroups.NET, c.netOptions().orElse(null),
                c.name().map(n -> Map.of("_name", n)).orElse(Map.of()), o.showDefaults));
        for (PeerDevice pd : v.peerDevices()) {
            if (pd.peerNodeId().orElse(-1) != peer) {
                continue;
            }
            List<String[]> opts = V9OptionNest.show(V9OptionGroups.PEER_DEVICE, pd.options().orElse(null),
                    Map.of(), o.showDefaults);
            if (!opts.isEmpty()) {
                o.open("volume " + pd.volume().orElse(0));
                o.section("disk", opts);
                o.close();
            }
        }
        o.close();
    }

    static String quote(String s) {
        return V9Quote.quote(s);
    }
}
