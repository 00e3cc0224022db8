package io.drbdctl.meta.api;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.al.AlReplay;
import io.drbdctl.meta.al.AlTransaction;
import io.drbdctl.meta.format.Flags;
import io.drbdctl.meta.format.Layout;
import io.drbdctl.meta.format.Sizes;
import io.drbdctl.meta.format.Superblock;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** apply-al: replay the activity log into all bitmap slots, re-initialise it, mark clean. */
final class ApplyAl {
    /** Bitmap bits per 4 MiB AL extent at 4 KiB per bit. */
    static final int BITS_PER_EXTENT = 1024;

    private ApplyAl() {
    }

    static void run(MetaContext ctx, Target t) throws MetaException {
        try (Session s = Session.open(ctx, t, false)) {
            Optional<Superblock> found = s.find();
            if (found.isEmpty()) {
                throw new MetaException(MetaException.EXIT_FAILED, "No valid meta data found");
            }
            Superblock sb = found.get();
            Layout l = sb.layout(s.mdOffset());
            // a log of up to 1 MiB (the default is 32 KiB) in one read, then its blocks in transaction order
            boolean oneRead = l.alBlocks() <= 256;
            byte[] area = oneRead ? s.dev.read(l.alAbs(), l.alBlocks() * AlTransaction.BLOCK) : null;
            List<byte[]> blocks = new ArrayList<>();
            for (int tr = 0; tr < l.alBlocks(); tr++) {
                int b = AlTransaction.blockFor(tr, l.alStripes(), l.alStripeSize4k());
                blocks.add(oneRead
                        ? java.util.Arrays.copyOfRange(area, b * AlTransaction.BLOCK, (b + 1) * AlTransaction.BLOCK)
                        : s.dev.read(l.alAbs() + (long) b * AlTransaction.BLOCK, AlTransaction.BLOCK));
            }
            AlReplay r = AlReplay.replay(blocks);
            boolean primary = (sb.flags() & Flags.PRIMARY_IND) != 0;
            boolean marking = primary && r.hadUpdates();
            if (marking) {
                long marked = mark(ctx, s, sb, l, r.extents());
                if (r.extents().isEmpty()) {
                    ctx.err().println("Nothing to do.");
                } else {
                    ctx.err().println("Marked additional " + Sizes.ppsize(marked * l.bytesPerBit() / 1024)
                            + " as out-of-sync based on AL.");
                }
            }
            boolean reinit = r.hadUpdates() || !r.allValid();
            if (reinit) {
                // bits marked from the log are stable before the log that named them goes
                if (marking) {
                    s.dev.sync();
                }
                CreateMd.writeInitializedAl(s, l);
                s.dev.sync();
            }
            if (reinit || !sb.clean()) {
                Superblock n = sb.toBuilder().flags(sb.flags() | Flags.AL_CLEAN).unclean84(false).build();
                s.writeSuperblock(n, s.mdOffset());
            }
        }
    }

    /** Sets the bits of the given extents in every slot; returns the number of newly set bits. */
    private static long mark(MetaContext ctx, Session s, Superblock sb, Layout l, List<Integer> extents)
            throws MetaException {
        int peers = l.maxPeers();
        long bmBytes = Math.min(Layout.bitmapBytes(sb.laSizeSect(), peers, l.bytesPerBit()), l.bitmapAreaBytes());
        long bitsPerSlot = bmBytes * 8 / peers;
        long newly = 0;
        for (int e : extents) {
            long first = (long) e * BITS_PER_EXTENT;
            if (e < 0 || first >= bitsPerSlot) {
                ctx.err().println("extent " + Integer.toUnsignedString(e) + " beyond end of bitmap!");
                continue;
            }
            long last = Math.min(first + BITS_PER_EXTENT, bitsPerSlot);
            long firstWord = first / 32 * peers;
            long endWord = (last + 31) / 32 * peers;
            byte[] buf = s.dev.read(l.bmAbs() + firstWord * 4, (int) ((endWord - firstWord) * 4));
            ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < buf.length / 4; i++) {
                int old = bb.getInt(i * 4);
                newly += 32 - Integer.bitCount(old);
                bb.putInt(i * 4, -1);
            }
            s.dev.write(l.bmAbs() + firstWord * 4, buf);
        }
        return newly;
    }
}
