package io.drbdctl.meta.api;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.al.AlTransaction;
import io.drbdctl.meta.format.Flags;
import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.Layout;
import io.drbdctl.meta.format.MetaIndex;
import io.drbdctl.meta.format.PeerSlot;
import io.drbdctl.meta.format.Sizes;
import io.drbdctl.meta.format.Superblock;
import io.drbdctl.meta.format.SuperblockCodec;
import io.drbdctl.meta.format.V07Superblock;

import java.io.PrintStream;
import java.util.Collections;
import java.util.Optional;

/** create-md: fresh initialisation and v08/v09 conversion. */
final class CreateMd {
    /** drbdmeta limits the AL to what fits into its 32 MiB buffer. */
    static final int MAX_AL_BLOCKS = 8192;

    private CreateMd() {
    }

    static void validateStriping(int stripes, int size4k) throws MetaException {
        long total = (long) stripes * size4k;
        if (stripes < 1 || size4k < 1 || total < 8) {
            throw new MetaException(MetaException.EXIT_PARSE, "invalid (too small) al-stripe* settings");
        }
        if (total > MAX_AL_BLOCKS) {
            throw new MetaException(MetaException.EXIT_PARSE, "invalid (too large) al-stripe* settings");
        }
    }

    static void run(MetaContext ctx, Target t, CreateOptions o) throws MetaException {
        validateStriping(o.alStripes(), o.alStripeSize4k());
        int peers = t.version() == FormatVersion.V09 ? o.maxPeers() : 1;
        try (Session s = Session.open(ctx, t)) {
            Layout layout = s.freshLayout(peers, o.alStripes(), o.alStripeSize4k());
            long off = layout.mdOffset();
            Optional<byte[]> blk = s.readBlock(off);
            FormatVersion found = blk.flatMap(SuperblockCodec::detect).orElse(null);
            Superblock old = null;
            if (found == FormatVersion.V08 || found == FormatVersion.V09) {
                old = SuperblockCodec.decode(blk.get(), found).filter(sb -> s.sane(sb, s.size())).orElse(null);
            }
            boolean internal = t.index().isInternal();
            if (old == null && convertV07(ctx, s, t, o, peers, off, found)) {
                return;
            }
            if (old != null) {
                if (internal) {
                    PrintStream e = ctx.err();
                    e.println("You want me to create a " + t.version().label()
                            + " style flexible-size internal meta data block.");
                    e.println("There appears to be a " + found.label() + " flexible-size internal meta data block");
                    e.println("already in place on " + t.device() + " at byte offset " + off);
                }
                if (found == t.version() && internal && (old.effAlStripes() != o.alStripes()
                        || old.effAlStripeSize4k() != o.alStripeSize4k())
                        && ctx.confirm("Do you want to change the activity log stripe settings *only*?")) {
                    throw new MetaException(MetaException.EXIT_NOT_IMPLEMENTED, "Sorry, not yet fully implemented\n"
                            + "Try dump-md > dump.txt; restore-md -s x -z y dump.txt");
                }
                if (found == t.version()) {
                    String q = internal ? "Do you really want to overwrite the existing meta-data?"
                            : "Valid meta data seems to be in place.\nDo you really want to overwrite?";
                    if (!ctx.confirm(q)) {
                        cancelled(ctx);
                    }
                } else if (ctx.confirm("Valid " + found.label() + " meta-data found, convert to "
                        + t.version().label() + "?")) {
                    convert(ctx, s, old, t.version(), peers, o, off);
                    return;
                } else if (!ctx.confirm("So you want me to replace the " + found.label() + " meta-data\n"
                        + "with newly initialized " + t.version().label() + " meta-data?")) {
                    cancelled(ctx);
                }
            }
            ExistingData.check(ctx, ExistingData.probe(s), layout, internal);
            initialize(ctx, s, layout, Superblock.fresh(t.version(), layout, o.peerMaxBioSize()), o.initBitmap());
        }
    }

    private static void cancelled(MetaContext ctx) throws MetaException {
        ctx.out().println("Operation cancelled.");
        throw new MetaException(MetaException.EXIT_FAILED, "");
    }

    /** Writes AL, bitmap and finally the superblock, syncing in between. */
    static void initialize(MetaContext ctx, Session s, Layout layout, Superblock sb, CreateOptions.InitBitmap mode)
            throws MetaException {
        ctx.out().println("initializing activity log");
        ctx.out().flush();
        if (!ctx.ignoreSanityChecks() && outside(layout, layout.alAbs(), layout.alBytes())) {
            throw areaError("AL", layout, layout.alAbs(), layout.alBytes());
        }
        if (!ctx.ignoreSanityChecks()) {
            long bad = firstChunkOutside(s, layout);
            if (bad >= 0) {
                boolean progress = announceBitmap(ctx, s, layout, false);
                long reported = reportedBitmapBytes(s, layout);
                long last = 0;
                for (long done = ZERO_CHUNK; done <= bad && progress; done += ZERO_CHUNK) {
                    long pct = done * 100 / reported;
                    if (pct != last) {
                        ctx.err().print("\r" + pct + "%");
                        last = pct;
                    }
                }
                checkBitmapFits(s, layout);
            }
        }
        if (mode == CreateOptions.InitBitmap.ZEROOUT && !s.dev.blockDevice()) {
            long reported = reportedBitmapBytes(s, layout);
            ctx.err().println("initializing bitmap (" + Sizes.ppsize(reported / 1024) + ") to all zero");
            ctx.err().println("ioctl(" + s.target.device() + ", BLKZEROOUT, [" + layout.bmAbs() + ", "
                    + Math.min(reported, 1L << 30) + "]) failed: Inappropriate ioctl for device");
            throw new MetaException(MetaException.EXIT_PARSE, "fast zero-out failed, fallback disabled");
        }
        s.invalidateSuperblock(layout.mdOffset());
        writeInitializedAl(s, layout);
        if (mode == CreateOptions.InitBitmap.SKIP) {
            ctx.err().println("SKIPPED initializing bitmap area");
        } else {
            zeroBitmap(ctx, s, layout, mode == CreateOptions.InitBitmap.PWRITE);
        }
        s.dev.sync();
        ctx.out().println("Writing meta data...");
        s.writeSuperblock(sb, layout.mdOffset());
        ctx.out().println("New drbd meta data block successfully created.");
    }

    static void writeInitializedAl(Session s, Layout layout) throws MetaException {
        byte[] one = AlTransaction.initializedBlock();
        int blocks = layout.alBlocks();
        int per = Math.min(blocks, 256);
        byte[] buf = new byte[per * AlTransaction.BLOCK];
        for (int i = 0; i < per; i++) {
            System.arraycopy(one, 0, buf, i * AlTransaction.BLOCK, AlTransaction.BLOCK);
        }
        for (int b = 0; b < blocks; b += per) {
            int n = Math.min(per, blocks - b);
            s.dev.write(layout.alAbs() + (long) b * AlTransaction.BLOCK, buf, 0, n * AlTransaction.BLOCK);
        }
    }

    /**
     * From this bitmap size on, zeroing goes through fallocate (native, through JNA): below it,
     * loading JNA costs more than checking the blocks.
     */
    static final long FAST_ZERO_MIN = 64L << 20;

    /** drbdmeta zeroes the bitmap in chunks of this size and reports progress per chunk. */
    static final long ZERO_CHUNK = 32L << 20;

    /**
     * Size of the bitmap create-md initialises. For external metadata drbdmeta 9.22 derives it from
     * the metadata device's size (not from the bitmap area); we keep that, capped to the area.
     */
    static long reportedBitmapBytes(Session s, Layout layout) {
        return layout.internal() ? layout.bitmapAreaBytes()
                : Layout.bitmapBytes(s.size() / Layout.SECTOR, layout.maxPeers(), layout.bytesPerBit());
    }

    /**
     * Fails like the reference when its bitmap initialisation would leave the metadata area
     * (external metadata on very large devices); checked before anything is written.
     */
    /**
     * The area drbdmeta allows writes to: from the smallest of the three offsets, compared as
     * unsigned numbers (so a negative, i.e. impossible, offset never counts), for md_size_sect.
     */
    private static long areaStart(Layout l) {
        long a = l.mdOffset();
        for (long x : new long[] {l.alAbs(), l.bmAbs()}) {
            if (Long.compareUnsigned(x, a) < 0) {
                a = x;
            }
        }
        return a;
    }

    private static boolean outside(Layout l, long off, long n) {
        long start = areaStart(l);
        long end = start + l.regionBytes();
        return Long.compareUnsigned(off, start) < 0 || Long.compareUnsigned(off, end) > 0
                || Long.compareUnsigned(off + n, end) > 0;
    }

    private static MetaException areaError(String what, Layout l, long off, long n) {
        long start = areaStart(l);
        return new MetaException(MetaException.EXIT_PARSE, "md_initialize_common:" + what + ": offset+count ("
                + Long.toUnsignedString(off) + "+" + n + ") not in meta data area range [" + start + "; "
                + (start + l.regionBytes()) + "], aborted\n"
                + "If you want to force this, tell me to --ignore-sanity-checks");
    }

    static long firstChunkOutside(Session s, Layout layout) {
        long reported = reportedBitmapBytes(s, layout);
        for (long done = 0; done < reported; done += ZERO_CHUNK) {
            if (outside(layout, layout.bmAbs() + done, Math.min(ZERO_CHUNK, reported - done))) {
                return done;
            }
        }
        return -1;
    }

    static void checkBitmapFits(Session s, Layout layout) throws MetaException {
        long bad = firstChunkOutside(s, layout);
        if (bad >= 0) {
            throw areaError("BM", layout, layout.bmAbs() + bad,
                    Math.min(ZERO_CHUNK, reportedBitmapBytes(s, layout) - bad));
        }
    }

    /** Prints the bitmap initialisation messages; returns whether progress is shown. */
    private static boolean announceBitmap(MetaContext ctx, Session s, Layout layout, boolean pwrite) {
        long reported = reportedBitmapBytes(s, layout);
        String pp = Sizes.ppsize(reported / 1024);
        if (pwrite) {
            ctx.err().println("initializing bitmap (" + pp + ") to all zero using pwrite");
            return reported > ZERO_CHUNK;
        }
        ctx.err().println("initializing bitmap (" + pp + ") to all zero");
        if (s.dev.blockDevice()) {
            return false;
        }
        ctx.err().println("ioctl(" + s.target.device() + ", BLKZEROOUT, [" + layout.bmAbs() + ", "
                + Math.min(reported, 1L << 30) + "]) failed: Inappropriate ioctl for device");
        ctx.err().println("initializing bitmap (" + pp + ") to all zero using pwrite");
        return reported > ZERO_CHUNK;
    }

    private static void zeroBitmap(MetaContext ctx, Session s, Layout layout, boolean pwrite) throws MetaException {
        long reported = reportedBitmapBytes(s, layout);
        boolean progress = announceBitmap(ctx, s, layout, pwrite);
        long len = Math.min(reported, Math.min(layout.bitmapAreaBytes(), s.size() - layout.bmAbs()));
        // large bitmaps: one fallocate instead of checking (or writing) every block
        boolean zeroed = !pwrite && len >= FAST_ZERO_MIN && s.dev.zeroRangeFast(layout.bmAbs(), len);
        long last = 0;
        for (long done = 0; done < len; done += ZERO_CHUNK) {
            long n = Math.min(ZERO_CHUNK, len - done);
            if (!zeroed) {
                s.dev.zeroRange(layout.bmAbs() + done, n);
            }
            long pct = (done + n) * 100 / reported;
            if (progress && pct != last) {
                ctx.err().print("\r" + pct + "%");
                last = pct;
            }
        }
        if (progress) {
            ctx.err().println();
        }
    }

    /**
     * Looks for 0.7 metadata (internal: the fixed 128 MiB area at the end; indexed: the slot) and
     * offers to convert it: the new superblock is written at the target's place, then the old
     * 0.7 superblock, if it was elsewhere, is zeroed. Returns true if converted.
     */
    private static boolean convertV07(MetaContext ctx, Session s, Target t, CreateOptions o, int peers, long off,
                                      FormatVersion atTarget) throws MetaException {
        long v07off;
        if (t.index().isInternal()) {
            v07off = V07Superblock.fixedInternalOffset(s.size());
        } else if (t.index() instanceof MetaIndex.Indexed && atTarget == FormatVersion.V07) {
            v07off = off;
        } else {
            return false;
        }
        Optional<V07Superblock> v07 = s.readBlock(v07off).flatMap(V07Superblock::decode);
        if (v07.isEmpty()) {
            return false;
        }
        String to = t.version().label();
        if (t.index().isInternal()) {
            PrintStream e = ctx.err();
            e.println("You want me to create a " + to + " style flexible-size internal meta data block.");
            e.println("There appears to be a v07 fixed-size internal meta data block");
            e.println("already in place on " + t.device() + " at byte offset " + v07off);
        }
        if (!ctx.confirm("Valid v07 meta-data found, convert to " + to + "?")) {
            if (!ctx.confirm("So you want me to replace the v07 meta-data\n"
                    + "with newly initialized " + to + " meta-data?")) {
                cancelled(ctx);
            }
            return false;
        }
        ctx.out().println("Converting meta data...");
        Superblock v08 = v07.get().toV08(s.freshLayout(1, 1, 8)).toBuilder()
                .laPeerMaxBioSize(o.peerMaxBioSize()).build();
        if (t.version() == FormatVersion.V09) {
            convert(ctx, s, v08, FormatVersion.V09, peers, o, off);
        } else {
            ctx.out().println("Writing meta data...");
            s.writeSuperblock(v08, off);
            ctx.out().println("New drbd meta data block successfully created.");
        }
        if (v07off != off) {
            s.dev.write(v07off, new byte[SuperblockCodec.SIZE]);
            s.dev.sync();
        }
        return true;
    }

    /** Converts between v08 and v09 by rewriting only the superblock. */
    private static void convert(MetaContext ctx, Session s, Superblock old, FormatVersion to, int peers,
                                CreateOptions o, long off) throws MetaException {
        Superblock nsb;
        if (to == FormatVersion.V09) {
            if (peers != 1) {
                ctx.out().println("Warning: setting max_peers to 1 instead of " + peers);
                ctx.out().println();
            }
            Layout l = s.freshLayout(1, old.effAlStripes(), old.effAlStripeSize4k());
            int f = old.flags();
            int pf = ((f & Flags.CONNECTED_IND) != 0 ? Flags.PEER_CONNECTED : 0)
                    | ((f & Flags.FULL_SYNC) != 0 ? Flags.PEER_FULL_SYNC : 0)
                    | ((f & Flags.PEER_OUT_DATED) != 0 ? Flags.PEER_OUTDATED : 0);
            int df = f & ~(Flags.CONNECTED_IND | Flags.FULL_SYNC | Flags.PEER_OUT_DATED);
            nsb = old.toBuilder().version(FormatVersion.V09).unclean84(false).layout(l).flags(df).nodeId(-1)
                    .peers(Collections.nCopies(Superblock.MAX_NODES, PeerSlot.EMPTY))
                    .peer(0, new PeerSlot(0, 0, pf, -1)).laPeerMaxBioSize(o.peerMaxBioSize()).build();
        } else {
            Layout l = s.freshLayout(1, old.effAlStripes(), old.effAlStripeSize4k());
            PeerSlot p0 = old.peers().get(0);
            int pf = p0.flags();
            int df = old.flags() & 0xFFFF
                    | ((pf & Flags.PEER_CONNECTED) != 0 ? Flags.CONNECTED_IND : 0)
                    | ((pf & Flags.PEER_FULL_SYNC) != 0 ? Flags.FULL_SYNC : 0)
                    | ((pf & Flags.PEER_OUTDATED) != 0 ? Flags.PEER_OUT_DATED : 0);
            java.util.List<Long> hist = new java.util.ArrayList<>(Collections.nCopies(Superblock.MAX_NODES, 0L));
            hist.set(0, old.history().get(0));
            hist.set(1, old.history().get(1));
            nsb = old.toBuilder().version(FormatVersion.V08).layout(l).flags(df).nodeId(-1).history(hist)
                    .peers(Collections.nCopies(Superblock.MAX_NODES, PeerSlot.EMPTY))
                    .peer(0, new PeerSlot(p0.bitmapUuid(), 0, 0, -1)).laPeerMaxBioSize(o.peerMaxBioSize()).build();
        }
        ctx.out().println("Writing meta data...");
        s.writeSuperblock(nsb, off);
        ctx.out().println("New drbd meta data block successfully created.");
    }
}
