package io.drbdctl.meta.api;

import io.drbdctl.meta.format.Flags;
import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.PeerSlot;
import io.drbdctl.meta.format.Sizes;
import io.drbdctl.meta.format.Superblock;

import java.util.ArrayList;
import java.util.List;

/** The generation-identifier ("GI") texts of get-gi, show-gi and set-gi. */
final class GiText {
    private GiText() {
    }

    static final int[] V08_FLAGS = {Flags.CONSISTENT, Flags.WAS_UP_TO_DATE, Flags.PRIMARY_IND,
        Flags.CONNECTED_IND, Flags.FULL_SYNC, Flags.PEER_OUT_DATED, Flags.CRASHED_PRIMARY};
    static final int[] V09_FLAGS = {Flags.CONSISTENT, Flags.WAS_UP_TO_DATE, Flags.PRIMARY_IND,
        Flags.CRASHED_PRIMARY, Flags.AL_CLEAN, Flags.AL_DISABLED, Flags.PRIMARY_LOST_QUORUM};
    static final int[] V09_PEER_FLAGS = {Flags.PEER_CONNECTED, Flags.PEER_OUTDATED, Flags.PEER_FENCING,
        Flags.PEER_FULL_SYNC, Flags.PEER_DEVICE_SEEN};

    /** The colon separated GI line (without newline). */
    static String line(Superblock sb, int node) {
        List<String> f = new ArrayList<>();
        f.add(hex(sb.currentUuid()));
        f.add(hex(sb.peers().get(node).bitmapUuid()));
        f.add(hex(sb.history().get(0)));
        f.add(hex(sb.history().get(1)));
        boolean v09 = sb.version() == FormatVersion.V09;
        for (int b : v09 ? V09_FLAGS : V08_FLAGS) {
            f.add((sb.flags() & b) != 0 ? "1" : "0");
        }
        if (v09) {
            int pf = sb.peers().get(node).flags();
            for (int b : V09_PEER_FLAGS) {
                f.add((pf & b) != 0 ? "1" : "0");
            }
        }
        return String.join(":", f);
    }

    static String hex(long v) {
        return io.drbdctl.meta.format.Hex.u64(v);
    }

    private static final String HEAD = "\n"
        + "       +--<  Current data generation UUID  >-\n"
        + "       |               +--<  Bitmap's base data generation UUID  >-\n"
        + "       |               |                 +--<  younger history UUID  >-\n"
        + "       |               |                 |         +-<  older history  >-\n"
        + "       V               V                 V         V\n";

    private static final String LEGEND_V08 = ""
        + "                                                                    ^ ^ ^ ^ ^ ^ ^\n"
        + "                                      -<  Data consistency flag  >--+ | | | | | |\n"
        + "                             -<  Data was/is currently up-to-date  >--+ | | | | |\n"
        + "                                  -<  Node was/is currently primary  >--+ | | | |\n"
        + "                                  -<  Node was/is currently connected  >--+ | | |\n"
        + "         -<  Node was in the progress of setting all bits in the bitmap  >--+ | |\n"
        + "                        -<  The peer's disk was out-dated or inconsistent  >--+ |\n"
        + "      -<  This node was a crashed primary, and has not seen its peer since   >--+\n";

    private static final String LEGEND_V09 = ""
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

    /** The full show-gi output. */
    static String show(Superblock sb, int node) {
        StringBuilder o = new StringBuilder(HEAD);
        o.append(line(sb, node)).append('\n');
        boolean v09 = sb.version() == FormatVersion.V09;
        o.append(v09 ? LEGEND_V09 : LEGEND_V08).append('\n');
        if (!v09) {
            int f = sb.flags();
            o.append("flags: ");
            if ((f & Flags.CRASHED_PRIMARY) != 0) {
                o.append("crashed ");
            }
            o.append((f & Flags.PRIMARY_IND) != 0 ? "Primary" : "Secondary");
            o.append((f & Flags.CONNECTED_IND) != 0 ? ", Connected" : ", StandAlone");
            o.append((f & Flags.CONSISTENT) != 0
                    ? (f & Flags.WAS_UP_TO_DATE) != 0 ? ", UpToDate" : ", Outdated" : ", Inconsistent");
            if ((f & Flags.FULL_SYNC) != 0) {
                o.append(", need full sync");
            }
            if ((f & Flags.PEER_OUT_DATED) != 0) {
                o.append(", peer Outdated");
            }
            o.append('\n');
            boolean clean = (sb.flags() & Flags.AL_CLEAN) != 0;
            o.append("meta-data: ").append(clean ? "clean" : "need apply-al").append('\n');
        }
        if (sb.laSizeSect() != 0) {
            o.append("last agreed size: ").append(Sizes.ppsize(sb.laSizeSect() / 2)).append(" (")
                    .append(sb.laSizeSect()).append(" sectors)\n");
            o.append("last agreed max bio size: ").append(Integer.toUnsignedString(sb.laPeerMaxBioSize()))
                    .append(" Byte\n");
        } else {
            o.append("zero size device -- never seen peer yet?\n");
        }
        return o.toString();
    }

    /** dstate as drbdmeta 9.22 reports it. */
    static String dstate(Superblock sb) {
        int f = sb.flags();
        if ((f & Flags.CONSISTENT) == 0) {
            return "Inconsistent";
        }
        if ((f & Flags.WAS_UP_TO_DATE) == 0) {
            return "Outdated";
        }
        return (f & Flags.PEER_OUT_DATED) != 0 ? "UpToDate" : "Consistent";
    }

    /** Applies a set-gi string; returns null-free updated superblock or throws on a bad field. */
    static Superblock apply(Superblock sb, int node, String gi) throws io.drbdctl.meta.MetaException {
        String[] f = gi.split(":", -1);
        Superblock.Builder b = sb.toBuilder();
        boolean v09 = sb.version() == FormatVersion.V09;
        int[] devFlags = v09 ? V09_FLAGS : V08_FLAGS;
        int flags = sb.flags();
        PeerSlot p = sb.peers().get(node);
        int pflags = p.flags();
        long bm = p.bitmapUuid();
        for (int i = 0; i < f.length; i++) {
            String s = f[i];
            if (s.isEmpty()) {
                continue;
            }
            if (i < 4) {
                long v = parseHex(s);
                switch (i) {
                    case 0 -> b.currentUuid(v);
                    case 1 -> bm = v;
                    default -> b.history(i - 2, v);
                }
                continue;
            }
            int bit = flag(s);
            int j = i - 4;
            if (j < devFlags.length) {
                flags = bit == 1 ? flags | devFlags[j] : flags & ~devFlags[j];
            } else if (v09 && j - devFlags.length < V09_PEER_FLAGS.length) {
                int m = V09_PEER_FLAGS[j - devFlags.length];
                pflags = bit == 1 ? pflags | m : pflags & ~m;
            }
        }
        b.flags(flags);
        b.peer(node, new PeerSlot(bm, p.bitmapDagtag(), pflags, p.bitmapIndex()));
        return b.build();
    }

    private static int flag(String s) throws io.drbdctl.meta.MetaException {
        if (s.equals("0") || s.equals("1")) {
            return s.charAt(0) - '0';
        }
        throw new io.drbdctl.meta.MetaException(io.drbdctl.meta.MetaException.EXIT_PARSE,
                "'" + s + "' is not 0 or 1.");
    }

    static long parseHex(String s) {
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                break;
            }
            v = v << 4 | d;
        }
        return v;
    }
}
