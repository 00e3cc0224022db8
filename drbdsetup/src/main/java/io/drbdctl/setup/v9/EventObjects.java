package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.Path;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.setup.v9.EventObject.Group;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects of one resource as events2 prints them, in drbd-utils 9.22's order: the
 * resource, its connections, its devices, then per connection its peer devices and paths.
 * Fields drbd2 does not report have the values of a node without a data plane (suspended:no,
 * client:no, quorum:yes, peer role Unknown, path not established); statistics are those drbd2
 * reports (device size, peer-device traffic and counters) and the write ordering derived from
 * the disk options.
 */
public final class EventObjects {
    private EventObjects() {
    }

    public static List<EventObject> of(ResourceView v) {
        List<EventObject> out = new ArrayList<>();
        String r = "name:" + v.name();
        out.add(new EventObject("resource", r, r, List.of(
                Group.of("role:" + StateNames.role(v.resource().role())), Group.of("suspended:no"),
                Group.of("force-io-failures:no"), Group.stats(List.of("write-ordering:" + WriteOrdering.of(v))),
                promotion(v))));
        for (Connection c : v.connections()) {
            String id = connectionId(v, c);
            out.add(new EventObject("connection", id, id, List.of(
                    Group.of("connection:" + StateNames.connection(c.cstate())), Group.of("role:Unknown"))));
        }
        for (Device d : v.devices()) {
            String id = r + " volume:" + d.volume().orElse(0);
            out.add(new EventObject("device", id + " minor:" + d.minor().orElse(0), id, List.of(
                    Group.of("backing_dev:" + d.backingDev().filter(s -> !s.isEmpty()).orElse("none"),
                            "disk:" + StateNames.disk(d.diskState()), "client:no", "quorum:yes"),
                    Group.stats(List.of("size:" + d.size().orElse(0) / 2)))));
        }
        for (Connection c : v.connections()) {
            long peer = c.peerNodeId().orElse(0);
            String cid = connectionId(v, c);
            for (PeerDevice pd : v.peerDevices()) {
                if (pd.peerNodeId().orElse(-1) != peer) {
                    continue;
                }
                String id = cid + " volume:" + pd.volume().orElse(0);
                out.add(new EventObject("peer-device", id, id, List.of(
                        Group.of("replication:" + ReplicationStates.name(pd.replState())),
                        Group.of("peer-disk:" + StateNames.disk(pd.peerDiskState()), "peer-client:no"),
                        Group.of("resync-suspended:" + resyncSuspended(pd)),
                        Group.stats(List.of("received:" + pd.received().orElse(0), "sent:" + pd.sent().orElse(0),
                                "out-of-sync:" + pd.outOfSync().orElse(0), "pending:" + pd.pending().orElse(0),
                                "unacked:" + pd.unacked().orElse(0))))));
            }
            for (Path p : v.paths()) {
                if (p.peerNodeId().orElse(-1) != peer) {
                    continue;
                }
                String id = cid + " local:" + address(p.myAddr().map(b -> b.toArray()).orElse(new byte[0]))
                        + " peer:" + address(p.peerAddr().map(b -> b.toArray()).orElse(new byte[0]));
                out.add(new EventObject("path", id, id, List.of(Group.of("established:no"))));
            }
        }
        return out;
    }

    static String connectionId(ResourceView v, Connection c) {
        return "name:" + v.name() + " peer-node-id:" + c.peerNodeId().orElse(0) + " conn-name:"
                + c.name().orElse("");
    }

    /** An address as 9.22's events2 prints it: {@code ipv4:192.0.2.1:7789}. */
    static String address(byte[] sa) {
        return sa.length < 4 ? "unknown" : Addresses.format(sa).replaceFirst(" ", ":");
    }

    static String resyncSuspended(PeerDevice pd) {
        StringBuilder b = new StringBuilder();
        if (pd.resyncSuspUser().orElse(0) != 0) {
            b.append(",user");
        }
        if (pd.resyncSuspPeer().orElse(0) != 0) {
            b.append(",peer");
        }
        if (pd.resyncSuspDependency().orElse(0) != 0) {
            b.append(",dependency");
        }
        return b.length() == 0 ? "no" : b.substring(1);
    }

    /**
     * may_promote and promotion_score as 9.22 derives them: no devices or a volume without an
     * up-to-date replica gives no/0; may promote when no node is primary and every volume is
     * up-to-date here; the score counts whether every device has a disk, the up-to-date local
     * devices and the fewest up-to-date replicas of a volume.
     */
    static Group promotion(ResourceView v) {
        boolean may = false;
        int score = 0;
        if (!v.devices().isEmpty()) {
            int upToDate = 0;
            int minReplicas = Integer.MAX_VALUE;
            boolean allDisk = true;
            boolean allStable = true;
            for (Device d : v.devices()) {
                long disk = d.diskState().orElse(0);
                int replicas = disk == 4 ? 1 : 0;
                for (PeerDevice pd : v.peerDevices()) {
                    if (pd.volume().equals(d.volume()) && pd.peerDiskState().orElse(-1) == 4) {
                        replicas++;
                    }
                }
                if (disk == 4) {
                    upToDate++;
                } else {
                    allStable = false;
                    if (disk != 3 && disk != 1) {
                        allDisk = false;
                    }
                }
                minReplicas = Math.min(minReplicas, replicas);
            }
            if (minReplicas > 0) {
                may = v.resource().role().orElse(0) != 1 && allStable;
                score = (allDisk ? 10000 : 0) + Math.min(upToDate, 99) * 100 + Math.min(minReplicas, 99);
            }
        }
        return Group.of("may_promote:" + (may ? "yes" : "no"), "promotion_score:" + score);
    }
}
