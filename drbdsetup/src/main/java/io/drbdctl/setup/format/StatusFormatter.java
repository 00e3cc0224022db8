package io.drbdctl.setup.format;

import io.drbdctl.genl.v8.DeviceStatistics;
import io.drbdctl.genl.v8.PeerDeviceInfo;
import io.drbdctl.genl.v8.PeerDeviceStatistics;
import io.drbdctl.genl.v8.ResourceInfo;
import io.drbdctl.setup.cli.Wrapper;
import io.drbdctl.setup.state.StatusSnapshot;
import io.drbdctl.setup.state.StatusSnapshot.Connection;
import io.drbdctl.setup.state.StatusSnapshot.Device;
import io.drbdctl.setup.state.StatusSnapshot.PeerDevice;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "status": the DRBD 9 style view of 8.4 resources, wrapped at 80 columns. */
public final class StatusFormatter {
    private static final List<String> WRITE_ORDERING = List.of("none", "drain", "flush", "barrier");
    private final Wrapper w = new Wrapper();
    private final boolean verbose;
    private final boolean statistics;

    public StatusFormatter(boolean verbose, boolean statistics) {
        this.verbose = verbose;
        this.statistics = statistics;
    }

    public String text() {
        return w.text();
    }

    public void resource(StatusSnapshot s) {
        StatusSnapshot.Resource r = s.resource();
        ResourceInfo info = r.info();
        w.print(0, r.name());
        w.print(4, " role:" + DrbdNames.role(info.resRole().orElse(0)));
        boolean susp = info.resSusp().orElse(false) || info.resSuspNod().orElse(false)
                || info.resSuspFen().orElse(false);
        if (verbose || susp) {
            w.print(4, " suspended:" + suspended(info));
        }
        if (statistics && verbose) {
            w.print(4, "\n");
            long wo = r.statistics().flatMap(x -> x.resStatWriteOrdering().isPresent()
                    ? Optional.of(x.resStatWriteOrdering().getAsLong()) : Optional.empty()).orElse(-1L);
            if (wo >= 0 && wo < WRITE_ORDERING.size()) {
                w.print(4, " write-ordering:" + WRITE_ORDERING.get((int) wo));
            }
        }
        w.print(0, "\n");
        boolean single = s.devices().size() == 1;
        for (Device d : s.devices()) {
            device(d, single);
        }
        for (Connection c : s.connections()) {
            connection(c, s, single);
        }
        w.print(0, "\n");
    }

    private static String suspended(ResourceInfo info) {
        StringBuilder b = new StringBuilder();
        if (info.resSusp().orElse(false)) {
            b.append(",user");
        }
        if (info.resSuspNod().orElse(false)) {
            b.append(",no-data");
        }
        if (info.resSuspFen().orElse(false)) {
            b.append(",fencing");
        }
        return b.length() == 0 ? "no" : b.substring(1);
    }

    private static long stat(Optional<DeviceStatistics> s, java.util.function.Function<DeviceStatistics,
            java.util.OptionalLong> f) {
        return s.map(f).filter(java.util.OptionalLong::isPresent).map(java.util.OptionalLong::getAsLong).orElse(-1L);
    }

    private void device(Device d, boolean single) {
        int indent = 2;
        if (verbose || !(single && d.volume() == 0)) {
            w.print(indent, "volume:" + Long.toUnsignedString(d.volume()));
            indent = 6;
            if (verbose) {
                w.print(indent, " minor:" + Long.toUnsignedString(d.minor()));
            }
        }
        w.print(indent, " disk:" + DrbdNames.disk(d.info().devDiskState().orElse(0)));
        indent = 6;
        long size = stat(d.statistics(), DeviceStatistics::devSize);
        if (size != -1) {
            if (statistics) {
                w.print(indent, "\n");
            }
            deviceStatistics(indent, d.statistics().orElseThrow());
        }
        w.print(indent, "\n");
    }

    private void deviceStatistics(int indent, DeviceStatistics s) {
        if (statistics) {
            if (verbose) {
                w.print(indent, " size:" + Long.toUnsignedString(s.devSize().orElse(-1) >>> 1));
            }
            w.print(indent, " read:" + Long.toUnsignedString(s.devRead().orElse(-1) >>> 1));
            w.print(indent, " written:" + Long.toUnsignedString(s.devWrite().orElse(-1) >>> 1));
            if (verbose) {
                w.print(indent, " al-writes:" + Long.toUnsignedString(s.devAlWrites().orElse(-1)));
                w.print(indent, " bm-writes:" + Long.toUnsignedString(s.devBmWrites().orElse(-1)));
                w.print(indent, " upper-pending:" + Long.toUnsignedString(s.devUpperPending().orElse(0xffffffffL)));
                w.print(indent, " lower-pending:" + Long.toUnsignedString(s.devLowerPending().orElse(0xffffffffL)));
                w.print(indent, " al-suspended:" + (s.devAlSuspended().orElse(true) ? "yes" : "no"));
            }
        }
        boolean upper = s.devUpperBlocked().orElse(true);
        boolean lower = s.devLowerBlocked().orElse(true);
        if (verbose || upper || lower) {
            String x = upper && lower ? "upper,lower" : upper ? "upper" : lower ? "lower" : "no";
            w.print(indent, " blocked:" + x);
        }
    }

    private void connection(Connection c, StatusSnapshot s, boolean single) {
        w.print(2, "peer");
        long cstate = c.info().connConnectionState().orElse(0);
        if (verbose || cstate < DrbdNames.C_WF_REPORT_PARAMS) {
            w.print(6, " connection:" + DrbdNames.conn9(cstate));
        }
        if (verbose || cstate == DrbdNames.C_WF_REPORT_PARAMS) {
            w.print(6, " role:" + DrbdNames.role(c.info().connRole().orElse(0)));
        }
        boolean congested = c.statistics().map(x -> x.connCongested().orElse(true)).orElse(true);
        if (verbose || congested) {
            w.print(6, " congested:" + (congested ? "yes" : "no"));
        }
        w.print(0, "\n");
        if (verbose || statistics || cstate == DrbdNames.C_WF_REPORT_PARAMS) {
            for (PeerDevice p : s.peerDevices()) {
                if (sameEndpoints(c, p)) {
                    peerDevice(p, s, single);
                }
            }
        }
    }

    private static boolean sameEndpoints(Connection c, PeerDevice p) {
        return Arrays.equals(addr(c.context().ctxMyAddr()), addr(p.context().ctxMyAddr()))
                && Arrays.equals(addr(c.context().ctxPeerAddr()), addr(p.context().ctxPeerAddr()));
    }

    private static byte[] addr(Optional<io.drbdctl.genl.v8.Binary> b) {
        return b.map(io.drbdctl.genl.v8.Binary::toArray).orElse(new byte[0]);
    }

    private void peerDevice(PeerDevice p, StatusSnapshot s, boolean single) {
        int indent = 4;
        PeerDeviceInfo info = p.info();
        if (verbose || !(single && p.volume() == 0)) {
            w.print(indent, "volume:" + (int) p.volume());
            indent = 8;
        }
        long repl = info.peerReplState().orElse(0);
        if (verbose || repl > DrbdNames.C_WF_REPORT_PARAMS) {
            w.print(indent, " replication:" + DrbdNames.repl9(repl));
            indent = 8;
        }
        long pdisk = info.peerDiskState().orElse(0);
        if (verbose || statistics || repl != DrbdNames.C_WF_REPORT_PARAMS || pdisk != DrbdNames.D_UNKNOWN) {
            w.print(indent, " peer-disk:" + DrbdNames.disk(pdisk));
            indent = 8;
            Optional<PeerDeviceStatistics> st = p.statistics();
            if (repl >= DrbdNames.C_SYNC_SOURCE && repl <= DrbdNames.C_PAUSED_SYNC_T) {
                double oos = st.map(x -> x.peerDevOutOfSync().orElse(-1)).orElse(-1L);
                double size = s.devices().stream().filter(d -> d.volume() == p.volume()).findFirst()
                        .map(d -> stat(d.statistics(), DeviceStatistics::devSize)).orElse(-1L);
                w.print(indent, String.format(Locale.ROOT, " done:%.2f", 100 * (1 - oos / size)));
            }
            boolean user = info.peerResyncSuspUser().orElse(0) != 0;
            boolean peer = info.peerResyncSuspPeer().orElse(0) != 0;
            boolean dep = info.peerResyncSuspDependency().orElse(0) != 0;
            if (verbose || user || peer || dep) {
                String x = (user ? ",user" : "") + (peer ? ",peer" : "") + (dep ? ",dependency" : "");
                w.print(indent, " resync-suspended:" + (x.isEmpty() ? "no" : x.substring(1)));
            }
            long received = st.map(x -> x.peerDevReceived().orElse(-1)).orElse(-1L);
            if (statistics && received != -1) {
                w.print(indent, "\n");
                PeerDeviceStatistics x = st.orElseThrow();
                w.print(indent, " received:" + Long.toUnsignedString(received >>> 1));
                w.print(indent, " sent:" + Long.toUnsignedString(x.peerDevSent().orElse(-1) >>> 1));
                long oos = x.peerDevOutOfSync().orElse(-1);
                if (verbose || oos != 0) {
                    w.print(indent, " out-of-sync:" + Long.toUnsignedString(oos >>> 1));
                }
                if (verbose) {
                    w.print(indent, " pending:" + Long.toUnsignedString(x.peerDevPending().orElse(0xffffffffL)));
                    w.print(indent, " unacked:" + Long.toUnsignedString(x.peerDevUnacked().orElse(0xffffffffL)));
                }
            }
        }
        w.print(0, "\n");
    }
}
