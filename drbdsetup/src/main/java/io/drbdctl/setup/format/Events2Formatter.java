package io.drbdctl.setup.format;

import io.drbdctl.genl.v8.ConnectionInfo;
import io.drbdctl.genl.v8.ConnectionStatistics;
import io.drbdctl.genl.v8.DeviceInfo;
import io.drbdctl.genl.v8.DeviceStatistics;
import io.drbdctl.genl.v8.Drbd;
import io.drbdctl.genl.v8.DrbdCfgContext;
import io.drbdctl.genl.v8.PeerDeviceInfo;
import io.drbdctl.genl.v8.PeerDeviceStatistics;
import io.drbdctl.genl.v8.ResourceInfo;
import io.drbdctl.genl.v8.ResourceStatistics;
import io.drbdctl.setup.kernel.KernelReply;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "events2": one line per object notification of the 8.4 family's DRBD 9 style messages,
 * printing what changed since the object was last seen. One instance per command run.
 */
public final class Events2Formatter {
    private static final List<String> ACTIONS = List.of("exists", "create", "change", "destroy", "call", "response");
    private static final Map<Integer, String> OBJECTS = Map.of(34, "resource", 35, "device", 36, "connection",
            37, "peer-device", 40, "helper");
    private static final int INITIAL_STATE_DONE = 41;
    private static final List<String> WRITE_ORDERING = List.of("none", "drain", "flush", "barrier");

    private final boolean statistics;
    private final boolean timestamps;
    private final boolean now;
    private final Map<String, Object[]> known = new HashMap<>();
    private long lastSeq = -1;
    private ZonedDateTime keptTime;

    public Events2Formatter(boolean statistics, boolean timestamps, boolean now) {
        this.statistics = statistics;
        this.timestamps = timestamps;
        this.now = now;
    }

    /** The result of one message: the text to print and whether the command is done. */
    public record Line(String text, boolean done) {
    }

    public Line format(KernelReply r) {
        Drbd a = r.attrs();
        if (a.notificationHeader().isEmpty() || a.notificationHeader().get().nhType().isEmpty()) {
            return new Line("", false);
        }
        long nh = a.notificationHeader().get().nhType().getAsLong();
        int action = (int) (nh & ~0x8000L);
        if (action < 0 || action >= ACTIONS.size()) {
            return new Line("", now && r.cmd() == INITIAL_STATE_DONE);
        }
        if (now && action != 0) {
            return new Line("", false);
        }
        DrbdCfgContext ctx = a.cfgContext().orElse(null);
        if (r.cmd() != INITIAL_STATE_DONE) {
            if (ctx == null) {
                return new Line("", false);
            }
            if (!OBJECTS.containsKey(r.cmd())) {
                return new Line("", false);
            }
        }
        StringBuilder b = new StringBuilder();
        if (action != 0) {
            if (lastSeq >= 0) {
                long skipped = (int) (r.seq() - (lastSeq + 1));
                if (skipped != 0) {
                    b.append("- skipped ").append(skipped).append('\n');
                }
            }
            lastSeq = r.seq();
        }
        if (timestamps) {
            if (keptTime == null) {
                keptTime = ZonedDateTime.now();
            }
            ZonedDateTime t = keptTime;
            if ((nh & 0x8000L) == 0) {
                keptTime = null;
            }
            b.append(EventTimestamp.prefix(t));
        }
        String key = r.cmd() == INITIAL_STATE_DONE ? null : key(OBJECTS.get(r.cmd()), r.minor(), ctx);
        b.append(ACTIONS.get(action)).append(' ').append(key == null ? "-" : key);
        boolean destroy = action == 3;
        switch (r.cmd()) {
            case 34 -> {
                if (destroy) {
                    known.remove(key);
                } else if (a.resourceInfo().isPresent()) {
                    resource(b, key, a.resourceInfo().get(), a.resourceStatistics());
                }
            }
            case 35 -> {
                if (destroy) {
                    known.remove(key);
                } else if (a.deviceInfo().isPresent()) {
                    device(b, key, a.deviceInfo().get(), a.deviceStatistics());
                }
            }
            case 36 -> {
                if (destroy) {
                    known.remove(key);
                } else if (a.connectionInfo().isPresent()) {
                    connection(b, key, a.connectionInfo().get(), a.connectionStatistics());
                }
            }
            case 37 -> {
                if (destroy) {
                    known.remove(key);
                } else if (a.peerDeviceInfo().isPresent()) {
                    peerDevice(b, key, a.peerDeviceInfo().get(), a.peerDeviceStatistics());
                }
            }
            case 40 -> a.helper().ifPresent(h -> {
                b.append(" helper:").append(h.helperName().orElse(""));
                if (action == 5) {
                    b.append(" status:").append(Long.toUnsignedString(h.helperStatus().orElse(0)));
                }
            });
            default -> { }
        }
        b.append('\n');
        return new Line(b.toString(), now && r.cmd() == INITIAL_STATE_DONE);
    }

    static String key(String name, long minor, DrbdCfgContext ctx) {
        StringBuilder k = new StringBuilder(name);
        ctx.ctxResourceName().ifPresent(n -> k.append(" name:").append(n));
        if (name.equals("connection") || name.equals("peer-device") || name.equals("helper")) {
            k.append(" peer-node-id:0");
        }
        if (ctx.ctxPeerAddr().isPresent()) {
            k.append(" conn-name:peer");
        }
        if (ctx.ctxVolume().isPresent() && ctx.ctxVolume().getAsLong() != 0xffffffffL) {
            k.append(" volume:").append(ctx.ctxVolume().getAsLong());
        }
        if (minor != 0xffffffffL) {
            k.append(" minor:").append(minor);
        }
        return k.toString();
    }

    /** The previous (info, statistics) of an object, remembering the new ones. */
    private Object[] update(String key, Object info, Optional<?> stats) {
        Object[] old = known.get(key);
        Object s = stats.isPresent() ? stats.get() : old != null ? old[1] : null;
        known.put(key, new Object[] {info, s});
        return old;
    }

    private void resource(StringBuilder b, String key, ResourceInfo i, Optional<ResourceStatistics> s) {
        Object[] old = update(key, i, s);
        ResourceInfo o = old == null ? null : (ResourceInfo) old[0];
        if (o == null || !o.resRole().equals(i.resRole())) {
            b.append(" role:").append(DrbdNames.role(i.resRole().orElse(0)));
        }
        if (o == null || !o.resSusp().equals(i.resSusp()) || !o.resSuspNod().equals(i.resSuspNod())
                || !o.resSuspFen().equals(i.resSuspFen())) {
            StringBuilder x = new StringBuilder();
            if (i.resSusp().orElse(false)) {
                x.append(",user");
            }
            if (i.resSuspNod().orElse(false)) {
                x.append(",no-data");
            }
            if (i.resSuspFen().orElse(false)) {
                x.append(",fencing");
            }
            b.append(" suspended:").append(x.length() == 0 ? "no" : x.substring(1));
        }
        if (statistics && s.isPresent()) {
            long wo = s.get().resStatWriteOrdering().orElse(-1);
            ResourceStatistics os = old == null ? null : (ResourceStatistics) old[1];
            if ((os == null || os.resStatWriteOrdering().orElse(-1) != wo) && wo >= 0 && wo < 4) {
                b.append(" write-ordering:").append(WRITE_ORDERING.get((int) wo));
            }
        }
    }

    private void device(StringBuilder b, String key, DeviceInfo i, Optional<DeviceStatistics> s) {
        Object[] old = update(key, i, s);
        DeviceInfo o = old == null ? null : (DeviceInfo) old[0];
        if (o == null || !o.devDiskState().equals(i.devDiskState())) {
            b.append(" disk:").append(DrbdNames.disk(i.devDiskState().orElse(0)));
        }
        if (statistics && s.isPresent()) {
            DeviceStatistics n = s.get();
            DeviceStatistics os = old == null ? null : (DeviceStatistics) old[1];
            b.append(" size:").append(Long.toUnsignedString(n.devSize().orElse(-1) >>> 1));
            b.append(" read:").append(Long.toUnsignedString(n.devRead().orElse(-1) >>> 1));
            b.append(" written:").append(Long.toUnsignedString(n.devWrite().orElse(-1) >>> 1));
            b.append(" al-writes:").append(Long.toUnsignedString(n.devAlWrites().orElse(-1)));
            b.append(" bm-writes:").append(Long.toUnsignedString(n.devBmWrites().orElse(-1)));
            b.append(" upper-pending:").append(Long.toUnsignedString(n.devUpperPending().orElse(0xffffffffL)));
            b.append(" lower-pending:").append(Long.toUnsignedString(n.devLowerPending().orElse(0xffffffffL)));
            if (os == null || !os.devAlSuspended().equals(n.devAlSuspended())) {
                b.append(" al-suspended:").append(n.devAlSuspended().orElse(true) ? "yes" : "no");
            }
            boolean upper = n.devUpperBlocked().orElse(true);
            boolean lower = n.devLowerBlocked().orElse(true);
            if ((os == null || !os.devUpperBlocked().equals(n.devUpperBlocked())
                    || !os.devLowerBlocked().equals(n.devLowerBlocked())) && n.devSize().orElse(-1) != -1) {
                b.append(" blocked:").append(upper && lower ? "upper,lower" : upper ? "upper" : lower ? "lower" : "no");
            }
        }
    }

    private void connection(StringBuilder b, String key, ConnectionInfo i, Optional<ConnectionStatistics> s) {
        Object[] old = update(key, i, s);
        ConnectionInfo o = old == null ? null : (ConnectionInfo) old[0];
        if (o == null || !o.connConnectionState().equals(i.connConnectionState())) {
            b.append(" connection:").append(DrbdNames.conn9(i.connConnectionState().orElse(0)));
        }
        if (o == null || !o.connRole().equals(i.connRole())) {
            b.append(" role:").append(DrbdNames.role(i.connRole().orElse(0)));
        }
        if (statistics && s.isPresent()) {
            ConnectionStatistics os = old == null ? null : (ConnectionStatistics) old[1];
            if (os == null || !os.connCongested().equals(s.get().connCongested())) {
                b.append(" congested:").append(s.get().connCongested().orElse(true) ? "yes" : "no");
            }
        }
    }

    private void peerDevice(StringBuilder b, String key, PeerDeviceInfo i, Optional<PeerDeviceStatistics> s) {
        Object[] old = update(key, i, s);
        PeerDeviceInfo o = old == null ? null : (PeerDeviceInfo) old[0];
        if (o == null || !o.peerReplState().equals(i.peerReplState())) {
            b.append(" replication:").append(DrbdNames.repl9(i.peerReplState().orElse(0)));
        }
        if (o == null || !o.peerDiskState().equals(i.peerDiskState())) {
            b.append(" peer-disk:").append(DrbdNames.disk(i.peerDiskState().orElse(0)));
        }
        if (o == null || !o.peerResyncSuspUser().equals(i.peerResyncSuspUser())
                || !o.peerResyncSuspPeer().equals(i.peerResyncSuspPeer())
                || !o.peerResyncSuspDependency().equals(i.peerResyncSuspDependency())) {
            String x = (i.peerResyncSuspUser().orElse(0) != 0 ? ",user" : "")
                    + (i.peerResyncSuspPeer().orElse(0) != 0 ? ",peer" : "")
                    + (i.peerResyncSuspDependency().orElse(0) != 0 ? ",dependency" : "");
            b.append(" resync-suspended:").append(x.isEmpty() ? "no" : x.substring(1));
        }
        if (statistics && s.isPresent()) {
            PeerDeviceStatistics n = s.get();
            b.append(" received:").append(Long.toUnsignedString(n.peerDevReceived().orElse(-1) >>> 1));
            b.append(" sent:").append(Long.toUnsignedString(n.peerDevSent().orElse(-1) >>> 1));
            b.append(" out-of-sync:").append(Long.toUnsignedString(n.peerDevOutOfSync().orElse(-1) >>> 1));
            b.append(" pending:").append(Long.toUnsignedString(n.peerDevPending().orElse(0xffffffffL)));
            b.append(" unacked:").append(Long.toUnsignedString(n.peerDevUnacked().orElse(0xffffffffL)));
        }
    }
}
