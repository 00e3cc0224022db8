package io.drbdctl.setup.v9;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The generation-identifier texts of get-gi and show-gi in drbd-utils 9.22's v9 layout: current
 * UUID, bitmap UUID, two history UUIDs, seven device flags and five peer flags.
 *
 * @param current    the current UUID
 * @param bitmap     the bitmap UUID towards the peer
 * @param history    the younger and the older history UUID
 * @param diskFlags  the device's meta-data flags (MDF_*)
 * @param peerFlags  the peer's meta-data flags (MDF_PEER_*)
 */
record GiText(long current, long bitmap, List<Long> history, long diskFlags, long peerFlags) {
    /** Device flags in output order: consistent, was up-to-date, primary, crashed primary,
     *  activity log clean, activity log disabled, primary that lost quorum. */
    private static final int[] DISK_BITS = {0, 4, 1, 6, 7, 8, 9};
    /** Peer flags in output order: connected, outdated, fencing, full sync, device seen. */
    private static final int[] PEER_BITS = {0, 1, 2, 3, 4};

    GiText {
        history = List.copyOf(history);
        if (history.size() != 2) {
            throw new IllegalArgumentException("two history UUIDs, not " + history.size());
        }
    }

    /** The get-gi line (without newline). */
    String line() {
        List<String> f = new ArrayList<>();
        f.add(hex(current));
        f.add(hex(bitmap));
        history.forEach(h -> f.add(hex(h)));
        StringBuilder b = new StringBuilder(String.join(":", f)).append(':');
        b.append(bits(diskFlags, DISK_BITS)).append(':').append(bits(peerFlags, PEER_BITS));
        return b.toString();
    }

    /** The show-gi text: the line between a head naming the UUIDs and a legend of the flags. */
    String pretty() {
        return HEAD + line() + "\n" + LEGEND + "\n";
    }

    private static String hex(long v) {
        return String.format(Locale.ROOT, "%016X", v);
    }

    private static String bits(long flags, int[] order) {
        List<String> s = new ArrayList<>();
        for (int bit : order) {
            s.add((flags >>> bit & 1) != 0 ? "1" : "0");
        }
        return String.join(":", s);
    }

    private static final String HEAD = "\n"
        + "       +--<  Current data generation UUID  >-\n"
        + "       |               +--<  Bitmap's base data generation UUID  >-\n"
        + "       |               |                 +--<  younger history UUID  >-\n"
        + "       |               |                 |         +-<  older history  >-\n"
        + "       V               V                 V         V\n";

    private static final String LEGEND = ""
        + "                                                                    ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^\n"
        + "                                      -<  Data consistency flag  >--+ | | | | | | | | | | |\n"
        + "                             -<  Data was/is currently up-to-date  >--+ | | | | | | | | | |\n"
        + "                                  -<  Node was/is currently primary  >--+ | | | | | | | | |\n"
        + " -<  This node was a crashed primary, and has not seen its peer since  >--+ | | | | | | | |\n"
        + "             -<  The activity-log was applied, the disk can be attached  >--+ | | | | | | |\n"
        + "        -<  The activity-log was disabled, peer is completely out of sync  >--+ | | | | | |\n"
        + "                              -<  This node was primary when it lost quorum  >--+ | | | | |\n"
        + "                                          -<  Node was/is currently connected  >--+ | | | |\n"
        + "                              -<  The peer's disk was out-dated or inconsistent  >--+ | | |\n"
        + "                                 -<   A fence policy other the dont-care was used  >--+ | |\n"
        + "                  -<  Node was in the progress of marking all blocks as out of sync  >--+ |\n"
        + "                     -<  At least once we saw this node with a backing device attached >--+\n";
}
