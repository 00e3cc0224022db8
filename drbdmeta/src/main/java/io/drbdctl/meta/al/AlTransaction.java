package io.drbdctl.meta.al;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * One decoded 4 KiB activity log transaction block (8.4 / v09 format).
 *
 * @param trNumber      transaction sequence number
 * @param type          0 = update, 0xFFFF = initialized (empty)
 * @param updateSlots   slot numbers of the {@code nUpdates} used update entries
 * @param updateExtents extent numbers of the used update entries
 * @param contextSize   number of AL slots
 * @param contextStart  first slot described by {@code context}
 * @param context       919 context entries
 */
public record AlTransaction(int trNumber, int type, List<Integer> updateSlots, List<Integer> updateExtents,
                            int contextSize, int contextStart, List<Integer> context) {

    public static final int MAGIC = 0x69CB65A2;
    public static final int BLOCK = 4096;
    public static final int TYPE_UPDATE = 0;
    public static final int TYPE_INITIALIZED = 0xFFFF;
    public static final int MAX_UPDATES = 64;
    public static final int CONTEXT_ENTRIES = 919;
    private static final int CRC_AT = 8;
    private static final int SLOTS_AT = 36;
    private static final int EXTENTS_AT = 164;
    private static final int CONTEXT_AT = 420;

    public AlTransaction {
        updateSlots = List.copyOf(updateSlots);
        updateExtents = List.copyOf(updateExtents);
        context = List.copyOf(context);
    }

    /** The block create-md and apply-al write into every AL position. */
    public static byte[] initializedBlock() {
        byte[] b = new byte[BLOCK];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        bb.putInt(0, MAGIC);
        bb.putShort(12, (short) TYPE_INITIALIZED);
        bb.putInt(CRC_AT, RawCrc32c.of(b));
        return b;
    }

    /** Checksum of a block as stored (computed with the crc field as zero). */
    public static int checksum(byte[] block) {
        byte[] b = block.clone();
        java.util.Arrays.fill(b, CRC_AT, CRC_AT + 4, (byte) 0);
        return RawCrc32c.of(b);
    }

    /** Decodes a block; empty when the magic or checksum is wrong. */
    public static Optional<AlTransaction> decode(byte[] block) {
        ByteBuffer bb = ByteBuffer.wrap(block).order(ByteOrder.BIG_ENDIAN);
        if (bb.getInt(0) != MAGIC || bb.getInt(CRC_AT) != checksum(block)) {
            return Optional.empty();
        }
        int n = Math.min(bb.getShort(14) & 0xFFFF, MAX_UPDATES);
        Integer[] slots = new Integer[n];
        Integer[] ext = new Integer[n];
        for (int i = 0; i < n; i++) {
            slots[i] = bb.getShort(SLOTS_AT + 2 * i) & 0xFFFF;
            ext[i] = bb.getInt(EXTENTS_AT + 4 * i);
        }
        Integer[] ctx = new Integer[CONTEXT_ENTRIES];
        for (int i = 0; i < CONTEXT_ENTRIES; i++) {
            ctx[i] = bb.getInt(CONTEXT_AT + 4 * i);
        }
        return Optional.of(new AlTransaction(bb.getInt(4), bb.getShort(12) & 0xFFFF, List.of(slots),
                List.of(ext), bb.getShort(16) & 0xFFFF, bb.getShort(18) & 0xFFFF, List.of(ctx)));
    }

    /** Encodes an update transaction (used by tests to build hand-made activity logs). */
    public byte[] encode() {
        byte[] b = new byte[BLOCK];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        bb.putInt(0, MAGIC);
        bb.putInt(4, trNumber);
        bb.putShort(12, (short) type);
        bb.putShort(14, (short) updateSlots.size());
        bb.putShort(16, (short) contextSize);
        bb.putShort(18, (short) contextStart);
        for (int i = 0; i < MAX_UPDATES; i++) {
            boolean used = i < updateSlots.size();
            bb.putShort(SLOTS_AT + 2 * i, (short) (used ? updateSlots.get(i) : 0xFFFF));
            bb.putInt(EXTENTS_AT + 4 * i, used ? updateExtents.get(i) : -1);
        }
        for (int i = 0; i < CONTEXT_ENTRIES; i++) {
            bb.putInt(CONTEXT_AT + 4 * i, i < context.size() ? context.get(i) : -1);
        }
        bb.putInt(CRC_AT, checksum(b));
        return b;
    }

    /** AL block index (0-based, in 4 KiB blocks) that transaction number {@code tr} is written to. */
    public static int blockFor(long tr, int stripes, int stripeSize4k) {
        long mx = (long) stripes * stripeSize4k;
        long t = Long.remainderUnsigned(tr & 0xFFFFFFFFL, mx);
        return (int) ((t % stripes) * stripeSize4k + t / stripes);
    }
}
