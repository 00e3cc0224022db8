package io.drbdctl.setup.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** get-gi and show-gi: the generation identifiers of a minor's state info. */
public final class GiFormatter {
    private GiFormatter() {
    }

    private static final int CONSISTENT = 1;
    private static final int PRIMARY_IND = 1 << 1;
    private static final int CONNECTED_IND = 1 << 2;
    private static final int FULL_SYNC = 1 << 3;
    private static final int WAS_UP_TO_DATE = 1 << 4;
    private static final int PEER_OUT_DATED = 1 << 5;
    private static final int CRASHED_PRIMARY = 1 << 6;
    private static final int AL_CLEAN = 1 << 7;

    /** The colon-separated line with newline. */
    public static String line(byte[] uuids, long flags) {
        ByteBuffer b = ByteBuffer.wrap(uuids).order(ByteOrder.nativeOrder());
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            s.append(String.format("%016X:", i * 8 + 8 <= uuids.length ? b.getLong(i * 8) : 0L));
        }
        int[] bits = {CONSISTENT, WAS_UP_TO_DATE, PRIMARY_IND, CONNECTED_IND, FULL_SYNC, PEER_OUT_DATED,
            CRASHED_PRIMARY};
        for (int i = 0; i < bits.length; i++) {
            s.append((flags & bits[i]) != 0 ? '1' : '0').append(i < bits.length - 1 ? ":" : "\n");
        }
        return s.toString();
    }

    /** The explained form. */
    public static String pretty(byte[] uuids, long flags) {
        return "\n"
                + "       +--<  Current data generation UUID  >-\n"
                + "       |               +--<  Bitmap's base data generation UUID  >-\n"
                + "       |               |                 +--<  younger history UUID  >-\n"
                + "       |               |                 |         +-<  older history  >-\n"
                + "       V               V                 V         V\n"
                + line(uuids, flags)
                + "                                                                    ^ ^ ^ ^ ^ ^ ^\n"
                + "                                      -<  Data consistency flag  >--+ | | | | | |\n"
                + "                             -<  Data was/is currently up-to-date  >--+ | | | | |\n"
                + "                                  -<  Node was/is currently primary  >--+ | | | |\n"
                + "                                  -<  Node was/is currently connected  >--+ | | |\n"
                + "         -<  Node was in the progress of setting all bits in the bitmap  >--+ | |\n"
                + "                        -<  The peer's disk was out-dated or inconsistent  >--+ |\n"
                + "      -<  This node was a crashed primary, and has not seen its peer since   >--+\n"
                + "\n"
                + "flags:" + ((flags & CRASHED_PRIMARY) != 0 ? " crashed" : "") + " "
                + ((flags & PRIMARY_IND) != 0 ? "Primary" : "Secondary") + ", "
                + ((flags & CONNECTED_IND) != 0 ? "Connected" : "StandAlone") + ", "
                + ((flags & CONSISTENT) != 0 ? ((flags & WAS_UP_TO_DATE) != 0 ? "UpToDate" : "Outdated")
                        : "Inconsistent")
                + ((flags & FULL_SYNC) != 0 ? ", need full sync" : "")
                + ((flags & PEER_OUT_DATED) != 0 ? ", peer Outdated" : "") + "\n"
                + "meta-data: " + ((flags & AL_CLEAN) != 0 ? "clean" : "need apply-al") + "\n";
    }
}
