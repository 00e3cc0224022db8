package io.drbdctl.setup.format;

import java.util.List;

/** The names drbdsetup 8.4 prints for connection, role and disk states and state-change errors. */
public final class DrbdNames {
    private DrbdNames() {
    }

    private static final List<String> CONNS = List.of("StandAlone", "Disconnecting", "Unconnected",
            "Timeout", "BrokenPipe", "NetworkFailure", "ProtocolError", "TearDown", "WFConnection",
            "WFReportParams", "Connected", "StartingSyncS", "StartingSyncT", "WFBitMapS", "WFBitMapT",
            "WFSyncUUID", "SyncSource", "SyncTarget", "VerifyS", "VerifyT", "PausedSyncS", "PausedSyncT",
            "Ahead", "Behind");
    private static final List<String> ROLES = List.of("Unknown", "Primary", "Secondary");
    private static final List<String> DISKS = List.of("Diskless", "Attaching", "Failed", "Negotiating",
            "Inconsistent", "Outdated", "DUnknown", "Consistent", "UpToDate");
    private static final List<String> STATE_ERRORS = List.of("",
            "Multiple primaries not allowed by config",
            "Need access to UpToDate data",
            "",
            "Can not resync without local disk",
            "Can not resync without remote disk",
            "Refusing to be Outdated while Connected",
            "Refusing to be Primary while peer is not outdated",
            "Can not start OV/resync since it is already active",
            "Can not disconnect a StandAlone device",
            "State change was refused by peer node",
            "Device is diskless, the requested operation requires a disk",
            "Device is held open by someone",
            "Have no net/connection configuration",
            "Need a verify algorithm to start online verify",
            "Need a connection to start verify or resync",
            "Disk state is lower than outdated",
            "Peer does not support protocol",
            "In transient state, retry after next state change",
            "Concurrent state changes detected and aborted",
            "Other vol primary on peer not allowed by config",
            "Need a connection for a graceful disconnect/outdate peer");

    public static final int C_STANDALONE = 0;
    public static final int C_UNCONNECTED = 2;
    public static final int C_WF_REPORT_PARAMS = 9;
    public static final int C_CONNECTED = 10;
    public static final int C_SYNC_SOURCE = 16;
    public static final int C_PAUSED_SYNC_T = 21;
    public static final int D_DISKLESS = 0;
    public static final int D_UNKNOWN = 6;
    public static final int R_PRIMARY = 1;

    public static String conn(long s) {
        return s < 0 || s >= CONNS.size() ? "TOO_LARGE" : CONNS.get((int) s);
    }

    public static String role(long s) {
        return s < 0 || s >= ROLES.size() ? "TOO_LARGE" : ROLES.get((int) s);
    }

    public static String disk(long s) {
        return s < 0 || s >= DISKS.size() ? "TOO_LARGE" : DISKS.get((int) s);
    }

    /** drbdsetup's state-change error text for a negative drbd_state_rv. */
    public static String stateError(int rv) {
        if (rv <= -22) {
            return "TOO_SMALL";
        }
        if (rv > -1) {
            return "TOO_LARGE";
        }
        String s = STATE_ERRORS.get(-rv);
        return s.isEmpty() ? "(null)" : s;
    }

    /** DRBD 9 style replication state name as "status" prints it. */
    public static String repl9(long s) {
        if (s == C_WF_REPORT_PARAMS) {
            return "Off";
        }
        return s == C_CONNECTED ? "Established" : conn(s);
    }

    /** DRBD 9 style connection state name as "status" prints it. */
    public static String conn9(long s) {
        if (s == 8) {
            return "Connecting";
        }
        return s == C_WF_REPORT_PARAMS ? "Connected" : conn(s);
    }
}
