package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.AttributeSet;
import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.Path;
import io.drbdctl.genl.drbd2.PeerDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code drbdsetup show --json} in drbd-utils 9.22's JSON form of show: an array of resources
 * with "resource", the non-default "options", "_this_host" (node id, volumes with minor,
 * backing and meta disk) and "connections" (paths, "_is_standalone", the non-default "net"
 * options with the name, the peer devices' non-default "disk" options, "_peer_node_id").
 * Which options are shown and their values come from {@link V9OptionNest} (as in {@link ShowText}); yes/no options are
 * JSON booleans, every other value a string, as 9.22 prints them.
 */
final class ShowJson {
    private ShowJson() {
    }

    /** Indented lines, four spaces per level. */
    private static final class Out {
        final StringBuilder b = new StringBuilder();
        int indent;

        Out put(String s) {
            b.append(" ".repeat(4 * indent)).append(s);
            return this;
        }
    }

    static String format(List<ResourceView> views) {
        Out o = new Out();
        o.put("[\n");
        o.indent++;
        for (int i = 0; i < views.size(); i++) {
            resource(o, views.get(i));
            o.put("}" + (i + 1 < views.size() ? "," : "") + "\n");
        }
        o.indent--;
        o.put("]\n");
        return o.b.toString();
    }

    private static void resource(Out o, ResourceView v) {
        o.put("{\n");
        o.indent++;
        o.put("\"resource\": " + StatusJson.str(v.name()) + ",\n");
        options(o, "options", shown(V9OptionGroups.RESOURCE, v.resource().options().orElse(null)), false, true);
        o.put("\"_this_host\": {\n");
        o.indent++;
        v.resource().nodeId().ifPresent(id -> o.put("\"node-id\": " + id + ",\n"));
        o.put("\"volumes\": [\n");
        o.indent++;
        for (int i = 0; i < v.devices().size(); i++) {
            volume(o, v.devices().get(i), i + 1 < v.devices().size());
        }
        o.indent--;
        o.put("]\n");
        o.indent--;
        o.put("}" + (v.connections().isEmpty() ? "" : ",") + "\n");
        if (!v.connections().isEmpty()) {
            o.put("\"connections\": [\n");
            o.indent++;
            for (int i = 0; i < v.connections().size(); i++) {
                o.put("{\n");
                o.indent++;
                connection(o, v, v.connections().get(i));
                o.indent--;
                o.put("}" + (i + 1 < v.connections().size() ? "," : "") + "\n");
            }
            o.indent--;
            o.put("]\n");
        }
        o.indent--;
    }

    private static void volume(Out o, Device d, boolean more) {
        o.put("{\n");
        o.indent++;
        o.put("\"volume_nr\": " + d.volume().orElse(0) + ",\n");
        o.put("\"device_minor\": " + d.minor().orElse(0));
        String disk = d.backingDev().orElse("");
        if (!disk.isEmpty()) {
            o.b.append(",\n");
            o.put("\"backing-disk\": " + StatusJson.str(disk) + ",\n");
            int idx = d.metaIdx().orElse(-1);
            String meta = d.metaDev().orElse(disk);
            o.put(switch (idx) {
                case -1, -3 -> "\"meta-disk\": \"internal\"";
                case -2 -> "\"meta-disk\": " + StatusJson.str(meta);
                // 9.22 prints an indexed meta disk as "dev" : idx
                default -> StatusJson.str(meta) + " : " + idx;
            });
        }
        o.b.append('\n');
        o.indent--;
        o.put("}" + (more ? "," : "") + "\n");
    }

    private static void connection(Out o, ResourceView v, Connection c) {
        long peer = c.peerNodeId().orElse(0);
        for (Path p : v.paths()) {
            if (p.peerNodeId().orElse(-1) != peer || p.myAddr().isEmpty() || p.peerAddr().isEmpty()) {
                continue;
            }
            o.put("\"path\": {\n");
            o.indent++;
            o.put("\"_this_host\": " + StatusJson.str(Addresses.format(p.myAddr().get().toArray())) + ",\n");
            o.put("\"_remote_host\": " + StatusJson.str(Addresses.format(p.peerAddr().get().toArray())) + "\n");
            o.indent--;
            o.put("},\n");
        }
        if (c.cstate().orElse(0) == 0) {
            o.put("\"_is_standalone\": true,\n");
        }
        List<String[]> net = new ArrayList<>(shown(V9OptionGroups.NET, c.netOptions().orElse(null)));
        c.name().ifPresent(n -> net.add(new String[] {"_name", StatusJson.str(n)}));
        options(o, "net", net, false, true);
        List<PeerDevice> withOptions = v.devices().isEmpty() ? List.of() : v.peerDevices().stream()
                .filter(pd -> pd.peerNodeId().orElse(-1) == peer
                        && !shown(V9OptionGroups.PEER_DEVICE, pd.options().orElse(null)).isEmpty()).toList();
        if (!withOptions.isEmpty()) {
            o.put("\"volumes\": [\n");
            for (int i = 0; i < withOptions.size(); i++) {
                PeerDevice pd = withOptions.get(i);
                o.indent++;
                o.put("{\n");
                o.indent++;
                o.put("\"volume_nr\": " + pd.volume().orElse(0) + ",\n");
                options(o, "disk", shown(V9OptionGroups.PEER_DEVICE, pd.options().orElse(null)), false, false);
                o.indent--;
                o.put("}" + (i + 1 < withOptions.size() ? "," : "") + "\n");
                o.indent--;
            }
            o.put("],\n");
        }
        o.put("\"_peer_node_id\": " + peer + "\n");
    }

    /** An options object, only if an option differs from its default. */
    private static void options(Out o, String name, List<String[]> fields, boolean commaBefore, boolean commaAfter) {
        if (fields.isEmpty()) {
            return;
        }
        if (commaBefore) {
            o.b.append(",\n");
        }
        o.put("\"" + name + "\": {\n");
        o.indent++;
        for (int i = 0; i < fields.size(); i++) {
            o.put("\"" + fields.get(i)[0] + "\": " + value(fields.get(i)[1]) + (i + 1 < fields.size() ? "," : "")
                    + "\n");
        }
        o.indent--;
        o.put(commaAfter ? "},\n" : "}\n");
    }

    /** The options of a nest that differ from their defaults, as show prints them. */
    private static List<String[]> shown(List<V9TableOption> group, AttributeSet set) {
        return V9OptionNest.show(group, set, Map.of(), false);
    }

    /** yes/no as JSON booleans, a quoted text as it is, anything else as a string. */
    private static String value(String v) {
        if (v.equals("yes") || v.equals("no")) {
            return v.equals("yes") ? "true" : "false";
        }
        return v.startsWith("\"") ? v : StatusJson.str(v);
    }
}
