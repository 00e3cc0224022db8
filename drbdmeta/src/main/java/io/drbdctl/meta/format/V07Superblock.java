package io.drbdctl.meta.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A DRBD 0.7 superblock (read only; create-md converts it to v08/v09). Big-endian: la_size in KiB,
 * five generation counters, magic at 0x1C, md_size in KiB, al_offset, al_nr_extents, bm_offset.
 * The first counter holds the 0.7 flags, whose bits mean what the low v08 flag bits mean.
 *
 * @param gc the counters: flags, human, timeout, connected, arbitrary
 */
public record V07Superblock(long laSizeKb, List<Integer> gc, long mdSizeKb, int alOffset, int alNrExtents,
                            int bmOffset) {

    /** Where a 0.7 "internal" (fixed 128 MiB) meta data area starts on a device of this size. */
    public static long fixedInternalOffset(long deviceBytes) {
        return (deviceBytes & ~4095L) - MetaIndex.INDEXED_SLOT_BYTES;
    }

    /** Decodes a block carrying the v07 magic with the fixed 0.7 layout (al +8, bm +72 sectors). */
    public static Optional<V07Superblock> decode(byte[] block) {
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.BIG_ENDIAN);
        if (b.getInt(0x1C) != FormatVersion.V07.magic() || b.getInt(0x24) != 8 || b.getInt(0x2C) != 72) {
            return Optional.empty();
        }
        List<Integer> gc = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            gc.add(b.getInt(0x08 + 4 * i));
        }
        return Optional.of(new V07Superblock(b.getLong(0), gc, Integer.toUnsignedLong(b.getInt(0x20)),
                b.getInt(0x24), b.getInt(0x28), b.getInt(0x2C)));
    }

    /**
     * The v08 superblock the reference's conversion makes of it: the counters become UUIDs
     * ({@code human << 48 | timeout << 32 | (connected + arbitrary - i) << 16 | 0xBABE} for the
     * current UUID, i = 0, and the two history UUIDs, i = 1, 2), the 0.7 flags are kept (so AL_CLEAN
     * is not set), la_size is converted to sectors, the AL extent count is kept; the layout is the
     * given one.
     */
    public Superblock toV08(Layout l) {
        long human = gc.get(1) & 0xFFFFL;
        long timeout = gc.get(2) & 0xFFFFL;
        long gen = (long) gc.get(3) + gc.get(4);
        List<Long> hist = new ArrayList<>(Collections.nCopies(Superblock.MAX_NODES, 0L));
        hist.set(0, uuid(human, timeout, gen - 1));
        hist.set(1, uuid(human, timeout, gen - 2));
        return new Superblock(FormatVersion.V08, false, laSizeKb * 2, uuid(human, timeout, gen), hist, 0,
                gc.get(0), l.mdSizeSect(), l.alOffset(), alNrExtents, l.bmOffset(), l.bytesPerBit(), 0, 1, -1,
                l.alStripes(), l.alStripeSize4k(), Collections.nCopies(Superblock.MAX_NODES, PeerSlot.EMPTY));
    }

    private static long uuid(long human, long timeout, long gen) {
        return human << 48 | timeout << 32 | (gen & 0xFFFFL) << 16 | 0xBABEL;
    }
}
