package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.PeerDevice;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code drbdsetup status --json} in drbd-utils 9.22's layout: an array of resources, each
 * with its devices and its connections with their peer devices, every key 9.22 prints for an
 * object without resync details. Values drbd2 does not report are those of a node without a
 * data plane (not suspended, quorum, peer role Unknown, not congested); the device
 * statistics block is left out as 9.22 does when the kernel sends none (drbd2 reports only the
 * size), the write ordering is derived from the disk options.
 */
final class StatusJson {
    private StatusJson() {
    }

    static String format(List<ResourceView> views) {
        StringBuilder b = new StringBuilder("[\n");
        boolean first = true;
        for (ResourceView v : views) {
            if (!first) {
                b.append(",\n");
            }
            first = false;
            resource(b, v);
        }
        return b.append("]\n\n").toString();
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static void resource(StringBuilder b, ResourceView v) {
        b.append("{\n")
                .append("  \"name\": ").append(str(v.name())).append(",\n")
                .append("  \"node-id\": ").append(v.resource().nodeId().orElse(-1)).append(",\n")
                .append("  \"role\": \"").append(StateNames.role(v.resource().role())).append("\",\n")
                .append("  \"suspended\": false,\n")
                .append("  \"suspended-user\": false,\n")
                .append("  \"suspended-no-data\": false,\n")
                .append("  \"suspended-fencing\": false,\n")
                .append("  \"suspended-quorum\": false,\n")
                .append("  \"force-io-failures\": false,\n")
                .append("  \"write-ordering\": \"").append(WriteOrdering.of(v)).append("\",\n")
                .append("  \"devices\": [\n");
        for (int i = 0; i < v.devices().size(); i++) {
            Device d = v.devices().get(i);
            b.append("    {\n")
                    .append("      \"volume\": ").append(d.volume().orElse(0)).append(",\n")
                    .append("      \"minor\": ").append(d.minor().orElse(0)).append(",\n")
                    .append("      \"disk-state\": \"").append(StateNames.disk(d.diskState())).append("\",\n")
                    .append("      \"client\": false,\n")
                    .append("      \"quorum\": true\n")
                    .append("    }");
            if (i + 1 < v.devices().size()) {
                b.append(",\n");
            }
        }
        b.append(" ],\n  \"connections\": [\n");
        for (int i = 0; i < v.connections().size(); i++) {
            connection(b, v, v.connections().get(i));
            if (i + 1 < v.connections().size()) {
                b.append(",\n");
            }
        }
        b.append(" ]\n}\n");
    }

    private static void connection(StringBuilder b, ResourceView v, Connection c) {
        b.append("    {\n")
                .append("      \"peer-node-id\": ").append(c.peerNodeId().orElse(0)).append(",\n")
                .append("      \"name\": ").append(str(c.name().orElse(""))).append(",\n")
                .append("      \"connection-state\": \"").append(StateNames.connection(c.cstate()))
                .append("\", \n")
                .append("      \"congested\": false,\n")
                .append("      \"peer-role\": \"Unknown\",\n")
                .append("      \"peer_devices\": [\n");
        boolean first = true;
        // 9.22 lists peer devices only when the resource has devices
        for (PeerDevice pd : v.devices().isEmpty() ? List.<PeerDevice>of() : v.peerDevices()) {
            if (!pd.peerNodeId().equals(c.peerNodeId())) {
                continue;
            }
            if (!first) {
                b.append(",\n");
            }
            first = false;
            peerDevice(b, v, pd);
        }
        b.append(" ]\n    }");
    }

    private static void peerDevice(StringBuilder b, ResourceView v, PeerDevice pd) {
        Optional<Device> d = v.devices().stream().filter(x -> x.volume().equals(pd.volume())).findFirst();
        long size = d.flatMap(x -> x.size().isPresent() ? Optional.of(x.size().getAsLong()) : Optional.empty())
                .orElse(0L);
        long oosKib = pd.outOfSync().orElse(0);
        double inSync = size == 0 ? 0 : 100 * (1 - (double) (oosKib * 2) / (double) size);
        b.append("        {\n")
                .append("          \"volume\": ").append(pd.volume().orElse(0)).append(",\n")
                .append("          \"replication-state\": \"").append(ReplicationStates.name(pd.replState()))
                .append("\",\n")
                .append("          \"peer-disk-state\": \"").append(StateNames.disk(pd.peerDiskState()))
                .append("\",\n")
                .append("          \"peer-client\": false,\n")
                .append("          \"resync-suspended\": \"").append(EventObjects.resyncSuspended(pd))
                .append("\",\n")
                .append("          \"received\": ").append(pd.received().orElse(0)).append(",\n")
                .append("          \"sent\": ").append(pd.sent().orElse(0)).append(",\n")
                .append("          \"out-of-sync\": ").append(oosKib).append(",\n")
                .append("          \"pending\": ").append(pd.pending().orElse(0)).append(",\n")
                .append("          \"unacked\": ").append(pd.unacked().orElse(0)).append(",\n")
                .append("          \"has-sync-details\": false,\n")
                .append("          \"has-online-verify-details\": false,\n")
                .append("          \"percent-in-sync\": ").append(String.format(Locale.ROOT, "%.2f", inSync))
                .append('\n')
                .append("        }");
    }
}
