package io.drbdctl.meta.api;

/**
 * Options of create-md.
 *
 * @param maxPeers        number of bitmap slots (v09; ignored for v08)
 * @param peerMaxBioSize  value stored as la_peer_max_bio_size
 * @param alStripes       activity log stripes (default 1)
 * @param alStripeSize4k  activity log stripe size in 4 KiB blocks (default 8 = 32 KiB)
 * @param initBitmap      how the bitmap area is cleared
 */
public record CreateOptions(int maxPeers, int peerMaxBioSize, int alStripes, int alStripeSize4k,
                            InitBitmap initBitmap) {

    /** The --initialize-bitmap modes. */
    public enum InitBitmap {
        /** Fast zero-out where the device supports it, else plain writes. */
        AUTOMATIC,
        /** Fast zero-out only; fail where it is not supported (regular files). */
        ZEROOUT,
        /** Plain writes. */
        PWRITE,
        /** Leave the bitmap area as it is. */
        SKIP;

        public static InitBitmap parse(String s) {
            for (InitBitmap m : values()) {
                if (m.name().equalsIgnoreCase(s)) {
                    return m;
                }
            }
            return null;
        }
    }

    public static CreateOptions defaults(int maxPeers) {
        return new CreateOptions(maxPeers, 0, 1, 8, InitBitmap.AUTOMATIC);
    }
}
