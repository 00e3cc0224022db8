package io.drbdctl.meta.format;

/** Device and peer flag bits of the superblock. */
public final class Flags {
    private Flags() {
    }

    public static final int CONSISTENT = 0x001;
    public static final int PRIMARY_IND = 0x002;
    public static final int CONNECTED_IND = 0x004;
    public static final int FULL_SYNC = 0x008;
    public static final int WAS_UP_TO_DATE = 0x010;
    public static final int PEER_OUT_DATED = 0x020;
    public static final int CRASHED_PRIMARY = 0x040;
    public static final int AL_CLEAN = 0x080;
    public static final int AL_DISABLED = 0x100;
    public static final int PRIMARY_LOST_QUORUM = 0x200;

    public static final int PEER_CONNECTED = 0x1;
    public static final int PEER_OUTDATED = 0x2;
    public static final int PEER_FENCING = 0x4;
    public static final int PEER_FULL_SYNC = 0x8;
    public static final int PEER_DEVICE_SEEN = 0x10;
    public static final int PEER_NODE_EXISTS = 0x10000;

    /** Names of peer flags as dump-md prints them, e.g. "connected | seen | exists". */
    public static String peerFlagNames(int flags) {
        StringBuilder sb = new StringBuilder();
        int rest = flags;
        String[] names = {"connected", "<=outdated", "fencing", "full-sync", "seen"};
        for (int i = 0; i < names.length; i++) {
            if ((rest & (1 << i)) != 0) {
                append(sb, names[i]);
                rest &= ~(1 << i);
            }
        }
        if ((rest & PEER_NODE_EXISTS) != 0) {
            append(sb, "exists");
            rest &= ~PEER_NODE_EXISTS;
        }
        for (int i = 0; i < 32; i++) {
            if ((rest & (1 << i)) != 0) {
                append(sb, String.format("0x%x=?", 1 << i));
            }
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String s) {
        if (sb.length() > 0) {
            sb.append(" | ");
        }
        sb.append(s);
    }
}
