package io.drbdctl.setup.format;

/**
 * The 8.4 packed state word ({@code union drbd_state}): role:2, peer:2, conn:5, disk:4, pdsk:4,
 * susp, aftr_isp, peer_isp, user_isp, susp_nod, susp_fen; least significant bit first.
 */
public record PackedState(int role, int peer, int conn, int disk, int pdsk, boolean susp,
                          boolean aftrIsp, boolean peerIsp, boolean userIsp) {

    public static PackedState of(long word) {
        int w = (int) word;
        return new PackedState(w & 3, (w >> 2) & 3, (w >> 4) & 31, (w >> 9) & 15, (w >> 13) & 15,
                ((w >> 17) & 1) != 0, ((w >> 18) & 1) != 0, ((w >> 19) & 1) != 0, ((w >> 20) & 1) != 0);
    }

    /** StandAlone and Diskless: what drbdsetup calls "Unconfigured". */
    public boolean unconfigured() {
        return conn == DrbdNames.C_STANDALONE && disk == DrbdNames.D_DISKLESS;
    }
}
