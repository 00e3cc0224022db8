package io.drbdctl.setup.v9;

import java.util.List;
import java.util.OptionalLong;

/**
 * The replication states of a peer device in the words drbd-utils 9.22 prints. drbd2.yaml
 * defines only "off" (0) so far; the family appends new values only, and the values after it
 * are taken in DRBD 9's order (established, then the resync and verify states), so that
 * tools written now keep working once the data plane reports them.
 */
public final class ReplicationStates {
    private ReplicationStates() {
    }

    /** The value of "established". */
    public static final long ESTABLISHED = 1;

    private static final List<String> NAMES = List.of("Off", "Established", "StartingSyncS", "StartingSyncT",
            "WFBitMapS", "WFBitMapT", "WFSyncUUID", "SyncSource", "SyncTarget", "VerifyS", "VerifyT",
            "PausedSyncS", "PausedSyncT", "Ahead", "Behind");

    public static String name(OptionalLong v) {
        long x = v.orElse(0);
        return x >= 0 && x < NAMES.size() ? NAMES.get((int) x) : "Unknown";
    }
}
