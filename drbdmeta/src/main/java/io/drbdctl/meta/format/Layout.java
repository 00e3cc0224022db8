package io.drbdctl.meta.format;

/**
 * Geometry of a metadata area. Offsets of the activity log and the bitmap are signed sector
 * offsets relative to {@code mdOffset} (the byte position of the 4 KiB superblock), exactly as
 * they are stored in the superblock.
 *
 * @param mdOffset      byte offset of the superblock on the metadata device
 * @param mdSizeSect    total metadata size in sectors
 * @param alOffset      activity log offset in sectors relative to mdOffset
 * @param bmOffset      bitmap offset in sectors relative to mdOffset
 * @param alStripes     number of activity log stripes
 * @param alStripeSize4k size of one stripe in 4 KiB blocks
 * @param maxPeers      number of bitmap slots (1 for v08)
 * @param bytesPerBit   bytes of data covered by one bitmap bit
 */
public record Layout(long mdOffset, long mdSizeSect, int alOffset, int bmOffset, int alStripes,
                     int alStripeSize4k, int maxPeers, int bytesPerBit) {

    public static final int SECTOR = 512;
    public static final int SB_BYTES = 4096;
    public static final int DEFAULT_BYTES_PER_BIT = 4096;
    /** Indexed external metadata always spans 128 MiB. */
    public static final long INDEXED_MD_SIZE_SECT = 262144;

    /** Size of the activity log in sectors for the given striping. */
    public static long alSizeSect(int alStripes, int alStripeSize4k) {
        return (long) alStripes * alStripeSize4k * 8;
    }

    /**
     * On-disk bitmap size in bytes for a device of {@code sectors} sectors: one bit per
     * {@code bytesPerBit}, rounded up to 64-bit words per slot, times the slots, rounded up to 4 KiB.
     */
    public static long bitmapBytes(long sectors, int maxPeers, int bytesPerBit) {
        long sectPerBit = bytesPerBit / SECTOR;
        long bits = (sectors + sectPerBit - 1) / sectPerBit;
        bits = align(bits, 64);
        long bytes = bits / 8 * maxPeers;
        return align(bytes, 4096);
    }

    public static long align(long x, long a) {
        return (x + a - 1) / a * a;
    }

    /** Superblock byte offset for flex-internal metadata on a device of the given size. */
    public static long internalMdOffset(long deviceBytes) {
        return (deviceBytes & ~4095L) - SB_BYTES;
    }

    /**
     * Computes the layout create-md would use.
     *
     * @param index       where the metadata lives
     * @param deviceBytes size of the (data device for internal, metadata device otherwise) device
     */
    public static Layout compute(MetaIndex index, long deviceBytes, int maxPeers, int alStripes,
                                 int alStripeSize4k, int bytesPerBit) {
        long alSect = alSizeSect(alStripes, alStripeSize4k);
        if (index instanceof MetaIndex.Internal) {
            long bmSect = align(bitmapBytes(deviceBytes / SECTOR, maxPeers, bytesPerBit) / SECTOR, 8);
            long mdSize = bmSect + 8 + alSect;
            return new Layout(internalMdOffset(deviceBytes), mdSize, (int) -alSect, (int) (-mdSize + 8),
                    alStripes, alStripeSize4k, maxPeers, bytesPerBit);
        }
        long mdOffset;
        long mdSize;
        if (index instanceof MetaIndex.Indexed ix) {
            mdOffset = ix.index() * MetaIndex.INDEXED_SLOT_BYTES;
            mdSize = INDEXED_MD_SIZE_SECT;
        } else {
            mdOffset = 0;
            mdSize = deviceBytes / SECTOR;
        }
        return new Layout(mdOffset, mdSize, 8, (int) (8 + alSect), alStripes, alStripeSize4k, maxPeers,
                bytesPerBit);
    }

    /** This layout with one bitmap slot for v08 (which has no max-peers), unchanged for v09. */
    public Layout withPeersFor(FormatVersion v) {
        return v == FormatVersion.V09 ? this : new Layout(mdOffset, mdSizeSect, alOffset, bmOffset, alStripes,
                alStripeSize4k, 1, bytesPerBit);
    }

    /** Absolute byte offset of the activity log. */
    public long alAbs() {
        return mdOffset + (long) alOffset * SECTOR;
    }

    /** Absolute byte offset of the bitmap. */
    public long bmAbs() {
        return mdOffset + (long) bmOffset * SECTOR;
    }

    /** Activity log size in bytes. */
    public long alBytes() {
        return alSizeSect(alStripes, alStripeSize4k) * SECTOR;
    }

    public int alBlocks() {
        return alStripes * alStripeSize4k;
    }

    public boolean internal() {
        return bmOffset < 0;
    }

    /** Size of the bitmap area in bytes. */
    public long bitmapAreaBytes() {
        if (internal()) {
            return (long) (alOffset - bmOffset) * SECTOR;
        }
        return (mdSizeSect - bmOffset) * SECTOR;
    }

    /** Byte offset of the first metadata byte (start of the whole region). */
    public long regionStart() {
        return Math.min(mdOffset, Math.min(alAbs(), bmAbs()));
    }

    /** Total length of the metadata region in bytes. */
    public long regionBytes() {
        return mdSizeSect * SECTOR;
    }

    /**
     * Largest data size in sectors the bitmap area can describe, with drbdmeta's arithmetic
     * (internal: everything before the metadata; external: whole 64-bit words per slot).
     */
    public long maxUsableSectors() {
        if (internal()) {
            return regionStart() / SECTOR;
        }
        long words = (mdSizeSect - bmOffset) * SECTOR * 8 / 64 / maxPeers;
        return words * 64 * bytesPerBit / SECTOR;
    }
}
