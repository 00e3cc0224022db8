package io.drbdctl.meta.api;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.Layout;
import io.drbdctl.meta.format.Superblock;
import io.drbdctl.meta.format.SuperblockCodec;
import io.drbdctl.meta.io.LastKnownFile;

import java.util.Optional;

/** wipe-md and check-resize. */
final class MiscCommands {
    private MiscCommands() {
    }

    static void wipe(MetaContext ctx, Target t) throws MetaException {
        try (Session s = Session.open(ctx, t)) {
            long off = s.mdOffset();
            Optional<byte[]> blk = s.readBlock(off);
            Optional<FormatVersion> v = blk.flatMap(SuperblockCodec::detect);
            if (v.isEmpty()) {
                ctx.err().println("There appears to be no drbd meta data to wipe out?");
                return;
            }
            if (!ctx.confirm("Do you really want to wipe out the DRBD meta data?")) {
                ctx.out().println("Operation cancelled.");
                throw new MetaException(MetaException.EXIT_FAILED, "");
            }
            ctx.out().println("Wiping meta data...");
            s.dev.write(off, new byte[SuperblockCodec.SIZE]);
            s.dev.sync();
            LastKnownFile.delete(ctx.libDir(), t.minor());
            ctx.out().println("DRBD meta data block successfully wiped out.");
        }
    }

    static void checkResize(MetaContext ctx, Target t) throws MetaException {
        try (Session s = Session.open(ctx, t)) {
            if (!t.index().isInternal()) {
                // only internal metadata moves with the device size; 9.22 fails silently
                throw new MetaException(MetaException.EXIT_FAILED, "");
            }
            Optional<Superblock> here = s.find();
            if (here.isPresent()) {
                s.updateLastKnown(here.get().deviceUuid());
                return;
            }
            if (!t.index().isInternal()) {
                throw new MetaException(MetaException.EXIT_FAILED, "no suitable meta data found :(");
            }
            Optional<LastKnownFile> lk = LastKnownFile.read(ctx.libDir(), t.minor());
            Optional<Superblock> old = Optional.empty();
            long oldSize = 0;
            if (lk.isPresent() && lk.get().deviceBytes() != s.size() && lk.get().deviceBytes() <= s.size()) {
                oldSize = lk.get().deviceBytes();
                old = s.findAt(Layout.internalMdOffset(oldSize), t.version(), oldSize);
            }
            if (old.isEmpty()) {
                throw new MetaException(MetaException.EXIT_FAILED, "no suitable meta data found :(");
            }
            ctx.err().println("Moving the internal meta data to its proper location");
            Superblock sb = old.get();
            Layout from = sb.layout(Layout.internalMdOffset(oldSize));
            Layout to = s.freshLayout(sb.maxPeers(), sb.effAlStripes(), sb.effAlStripeSize4k());
            copy(s, from.alAbs(), to.alAbs(), from.alBytes());
            long oldBm = from.bitmapAreaBytes();
            copy(s, from.bmAbs(), to.bmAbs(), Math.min(oldBm, to.bitmapAreaBytes()));
            if (to.bitmapAreaBytes() > oldBm) {
                s.dev.zeroRange(to.bmAbs() + oldBm, to.bitmapAreaBytes() - oldBm);
            }
            s.dev.sync();
            Superblock n = sb.toBuilder().layout(to).build();
            s.writeSuperblock(n, to.mdOffset());
            s.dev.write(from.mdOffset(), new byte[SuperblockCodec.SIZE]);
            s.dev.sync();
            ctx.out().println("Internal drbd meta data successfully moved.");
        }
    }

    /** Copies a byte range; ranges of a grown device never overlap backwards harmfully (dst > src). */
    private static void copy(Session s, long src, long dst, long len) throws MetaException {
        int chunk = 1 << 20;
        long done = len;
        while (done > 0) {
            int n = (int) Math.min(chunk, done);
            done -= n;
            byte[] b = s.dev.read(src + done, n);
            s.dev.write(dst + done, b);
        }
    }
}
