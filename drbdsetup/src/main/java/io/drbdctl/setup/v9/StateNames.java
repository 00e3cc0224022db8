package io.drbdctl.setup.v9;

import java.util.OptionalLong;

/** drbd2's state values in the words drbdsetup 9.22 prints (drbd_role_str, drbd_disk_str, ...). */
public final class StateNames {
    private StateNames() {
    }

    public static String role(OptionalLong v) {
        return switch ((int) v.orElse(0)) {
            case 1 -> "Primary";
            case 2 -> "Secondary";
            default -> "Unknown";
        };
    }

    public static String disk(OptionalLong v) {
        return switch ((int) v.orElse(0)) {
            case 0 -> "Diskless";
            case 1 -> "Inconsistent";
            case 2 -> "Outdated";
            case 3 -> "Consistent";
            case 4 -> "UpToDate";
            default -> "DUnknown";
        };
    }

    public static String connection(OptionalLong v) {
        return switch ((int) v.orElse(0)) {
            case 1 -> "Disconnecting";
            case 2 -> "Unconnected";
            case 3 -> "Connecting";
            default -> "StandAlone";
        };
    }

    public static String replication(OptionalLong v) {
        return v.orElse(0) == 0 ? "Off" : "Unknown";
    }
}
