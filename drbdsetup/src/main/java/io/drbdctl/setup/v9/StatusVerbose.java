package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.PeerDevice;
import java.util.List;

/**
 * {@code drbdsetup status --verbose} and/or {@code --statistics} in drbd-utils 9.22's text
 * format, wrapped at 80 columns as 9.22 does for output that is no terminal. Fields drbd2 does
 * not report have the values of a node without a data plane (suspended:no,
 * force-io-failures:no, client:no, quorum:yes, peer role Unknown, congested:no); the
 * statistics are those drbd2 reports: the write ordering (derived from the disk options), the
 * device size and the peer devices' traffic and counters.
 */
final class StatusVerbose {
    private StatusVerbose() {
    }

    static String format(List<ResourceView> views, boolean verbose, boolean statistics, boolean tty) {
        WrapPrinter w = new WrapPrinter(80);
        for (ResourceView v : views) {
            resource(w, v, verbose, statistics);
            boolean single = v.devices().size() == 1;
            for (Device d : v.devices()) {
                device(w, d, single, verbose, statistics, tty);
            }
            for (Connection c : v.connections()) {
                connection(w, v, c, single, verbose, statistics);
            }
            w.print(0, "\n");
        }
        return w.toString();
    }

    private static void resource(WrapPrinter w, ResourceView v, boolean verbose, boolean statistics) {
        w.print(0, v.name());
        if (verbose) {
            v.resource().nodeId().ifPresent(id -> w.print(4, " node-id:" + id));
        }
        w.print(4, " role:" + StateNames.role(v.resource().role()));
        if (verbose) {
            w.print(4, " suspended:no");
            w.print(4, " force-io-failures:no");
        }
        if (statistics && verbose) {
            w.print(4, "\n");
            w.print(4, " write-ordering:" + WriteOrdering.of(v));
        }
        w.print(0, "\n");
    }

    private static void device(WrapPrinter w, Device d, boolean single, boolean verbose, boolean statistics,
                               boolean tty) {
        int indent = 2;
        long vol = d.volume().orElse(0);
        if (verbose || !(single && vol == 0)) {
            w.print(indent, "volume:" + vol);
            indent = 6;
            if (verbose) {
                w.print(indent, " minor:" + d.minor().orElse(0));
            }
        }
        w.print(indent, " disk:" + StateNames.disk(d.diskState()));
        if (d.diskState().orElse(0) == 0 && (verbose || !tty)) {
            w.print(indent, " client:no");
        }
        if (verbose) {
            w.print(indent, " backing_dev:" + d.backingDev().filter(s -> !s.isEmpty()).orElse("none"));
            w.print(indent, " quorum:yes");
        }
        if (statistics) {
            w.print(6, "\n");
            w.print(6, " size:" + d.size().orElse(0) / 2);
        }
        w.print(6, "\n");
    }

    private static void connection(WrapPrinter w, ResourceView v, Connection c, boolean single, boolean verbose,
                                   boolean statistics) {
        String name = c.name().orElse("");
        if (!name.isEmpty()) {
            w.print(2, name);
        }
        if (verbose || name.isEmpty()) {
            w.print(name.isEmpty() ? 2 : 6, " node-id:" + c.peerNodeId().orElse(0));
        }
        // drbd2 has no "connected" state yet: the connection state is always shown
        w.print(6, " connection:" + StateNames.connection(c.cstate()));
        if (verbose) {
            w.print(6, " role:Unknown");
            w.print(6, " congested:no");
        }
        w.print(0, "\n");
        if (verbose || statistics) {
            for (PeerDevice pd : v.peerDevices()) {
                if (pd.peerNodeId().equals(c.peerNodeId())) {
                    peerDevice(w, pd, single, verbose, statistics);
                }
            }
        }
    }

    private static void peerDevice(WrapPrinter w, PeerDevice pd, boolean single, boolean verbose,
                                   boolean statistics) {
        int indent = 4;
        long vol = pd.volume().orElse(0);
        if (verbose || !(single && vol == 0)) {
            w.print(indent, "volume:" + vol);
            indent = 8;
        }
        long repl = pd.replState().orElse(0);
        if (verbose || repl > ReplicationStates.ESTABLISHED) {
            w.print(indent, " replication:" + ReplicationStates.name(pd.replState()));
            indent = 8;
        }
        w.print(indent, " peer-disk:" + StateNames.disk(pd.peerDiskState()));
        if (pd.peerDiskState().orElse(-1) == 0 && verbose) {
            w.print(indent, " peer-client:no");
        }
        indent = 8;
        if (verbose || !EventObjects.resyncSuspended(pd).equals("no")) {
            w.print(indent, " resync-suspended:" + EventObjects.resyncSuspended(pd));
        }
        if (statistics && pd.received().isPresent()) {
            w.print(indent, "\n");
            w.print(indent, " received:" + pd.received().getAsLong());
            w.print(indent, " sent:" + pd.sent().orElse(0));
            long oos = pd.outOfSync().orElse(0);
            if (verbose || oos != 0) {
                w.print(indent, " out-of-sync:" + oos);
            }
            if (verbose) {
                w.print(indent, " pending:" + pd.pending().orElse(0));
                w.print(indent, " unacked:" + pd.unacked().orElse(0));
            }
        }
        w.print(0, "\n");
    }
}
