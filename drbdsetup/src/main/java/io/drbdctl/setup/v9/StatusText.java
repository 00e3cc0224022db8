package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.PeerDevice;
import java.util.List;

/**
 * {@code drbdsetup status} in drbd-utils 9.22's text format (without --verbose and
 * --statistics): a resource line with the role, a line per device (the volume number unless it
 * is the only one and volume 0; "client:no" for a diskless device when stdout is no terminal),
 * a line per connection with its state unless connected, the peer devices of connected
 * connections, and an empty line after each resource.
 */
public final class StatusText {
    private StatusText() {
    }

    public static String format(List<ResourceView> views, boolean tty) {
        StringBuilder b = new StringBuilder();
        for (ResourceView v : views) {
            resource(b, v, tty);
        }
        return b.toString();
    }

    static void resource(StringBuilder b, ResourceView v, boolean tty) {
        b.append(v.name()).append(" role:").append(StateNames.role(v.resource().role())).append('\n');
        boolean single = v.devices().size() == 1;
        for (Device d : v.devices()) {
            b.append("  ");
            long vol = d.volume().orElse(0);
            if (!(single && vol == 0)) {
                b.append("volume:").append(vol).append(' ');
            }
            long disk = d.diskState().orElse(0);
            b.append("disk:").append(StateNames.disk(d.diskState()));
            if (disk == 0 && !tty) {
                b.append(" client:no");
            }
            b.append('\n');
        }
        for (Connection c : v.connections()) {
            String name = c.name().orElse("");
            b.append("  ");
            if (name.isEmpty()) {
                b.append("node-id:").append(c.peerNodeId().orElse(0)).append(' ');
            } else {
                b.append(name).append(' ');
            }
            b.append("connection:").append(StateNames.connection(c.cstate())).append('\n');
            // peer devices are shown for connected connections only; drbd2 has no such state yet
            if (connected(c)) {
                for (PeerDevice pd : v.peerDevices()) {
                    if (pd.peerNodeId().orElse(-1) == c.peerNodeId().orElse(-2)) {
                        peerDevice(b, pd, single);
                    }
                }
            }
        }
        b.append('\n');
    }

    private static boolean connected(Connection c) {
        return false;
    }

    private static void peerDevice(StringBuilder b, PeerDevice pd, boolean single) {
        b.append("    ");
        long vol = pd.volume().orElse(0);
        if (!(single && vol == 0)) {
            b.append("volume:").append(vol).append(' ');
        }
        b.append("peer-disk:").append(StateNames.disk(pd.peerDiskState())).append('\n');
    }
}
