package io.drbdctl.meta.api;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.bitmap.SlotWriter;
import io.drbdctl.meta.dump.DumpWriter;
import io.drbdctl.meta.dump.Parser;
import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.Layout;
import io.drbdctl.meta.format.Superblock;
import io.drbdctl.meta.io.LastKnownFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** dump-md, restore-md and verify-dump. */
final class DumpCommands {
    private DumpCommands() {
    }

    static void dump(MetaContext ctx, Target t, List<String> argv) throws MetaException {
        try (Session s = Session.open(ctx, t)) {
            Optional<Superblock> found = s.find();
            String offsetBlock = null;
            long mdOffset = s.mdOffset();
            if (found.isEmpty() && t.index().isInternal()) {
                Optional<LastKnownFile> lk = LastKnownFile.read(ctx.libDir(), t.minor());
                if (lk.isPresent() && lk.get().deviceBytes() < s.size()) {
                    long old = lk.get().deviceBytes();
                    found = s.findAt(Layout.internalMdOffset(old), t.version(), old);
                    if (found.isPresent()) {
                        mdOffset = Layout.internalMdOffset(old);
                        offsetBlock = resizedBlock(t, s, found.get().layout(mdOffset), old);
                    }
                }
            }
            if (found.isEmpty()) {
                throw new MetaException(MetaException.EXIT_FAILED, "No valid meta data found");
            }
            Superblock sb = found.get();
            boolean poisoned = false;
            if (!sb.clean()) {
                String msg = "Found meta data is \"unclean\", please apply-al first";
                if (!ctx.force()) {
                    throw new MetaException(MetaException.EXIT_FAILED, msg);
                }
                ctx.err().println(msg);
                poisoned = true;
            }
            DumpWriter.Header h = DumpWriter.Header.now(hostname(), argv);
            DumpWriter.write(ctx.out(), h, sb, sb.layout(mdOffset), s.dev, poisoned, offsetBlock);
        }
    }

    /** The comment block dump-md prints when it found internal metadata at the last known place. */
    private static String resizedBlock(Target t, Session s, Layout at, long oldSize) {
        return "#\n"
                + "### Device seems to have been resized!\n"
                + "### dumping meta data from the last known position\n"
                + "### current size of " + t.device() + ": " + s.size() + " byte\n"
                + "### expected position of meta data:\n"
                + "## md_offset " + s.mdOffset() + "\n"
                + "## al_offset 0\n"
                + "## bm_offset 0\n"
                + "### last known size of " + t.device() + ": " + oldSize + " byte\n"
                + "### adjusted position of meta data:\n"
                + "# md_offset " + at.mdOffset() + "\n"
                + "# al_offset " + at.alAbs() + "\n"
                + "# bm_offset " + at.bmAbs() + "\n";
    }

    static String hostname() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException ignored) {
            // fall back below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static Reader open(Path dump) throws MetaException {
        try {
            return Files.newBufferedReader(dump, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new MetaException(MetaException.EXIT_DEVICE, "open of '" + dump + "' failed.");
        }
    }

    static void verify(MetaContext ctx, Target t, Path dump) throws MetaException {
        try (Reader r = open(dump)) {
            Parser p = new Parser(r, ctx.err());
            Superblock h = p.header(t.version());
            p.bitmaps(t.version(), h.maxPeers(), (slot, count, value) -> { });
            if (h.laSizeSect() > 0 && t.index().isInternal()) {
                ctx.out().println("# la-size-sect was too big (" + h.laSizeSect() + "), truncated (0)!");
            }
            ctx.out().println("input file parsed ok");
        } catch (IOException e) {
            throw new MetaException(MetaException.EXIT_PARSE, "read error: " + e.getMessage(), e);
        }
    }

    static void restore(MetaContext ctx, Target t, Path dump, Integer cliStripes, Integer cliSize4k)
            throws MetaException {
        if (cliStripes != null || cliSize4k != null) {
            CreateMd.validateStriping(cliStripes == null ? 1 : cliStripes, cliSize4k == null ? 8 : cliSize4k);
        }
        try (Reader r = new BufferedReader(open(dump), 1 << 16); Session s = Session.open(ctx, t)) {
            Optional<Superblock> existing = s.find();
            if (existing.isPresent() && !ctx.confirm("Valid meta-data in place, overwrite?")) {
                throw new MetaException(MetaException.EXIT_FAILED, "");
            }
            // first pass: parse everything, so that a broken file never touches the device
            long[] values;
            try (Reader check = new BufferedReader(open(dump), 1 << 16)) {
                Parser cp = new Parser(check, ctx.err());
                cp.version(t.version());
                ctx.err().println("reinitializing");
                Superblock ch = cp.header(t.version());
                int slots = t.version() == FormatVersion.V09 ? Math.max(1, ch.maxPeers()) : 1;
                long[] counted = new long[slots];
                cp.bitmaps(t.version(), ch.maxPeers(), (slot, count, value) -> counted[slot] += count);
                values = counted;
            }
            Parser p = new Parser(r, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            Superblock h = p.header(t.version());
            int peers = t.version() == FormatVersion.V09 ? h.maxPeers() : 1;
            if (peers < 1 || peers > 31) {
                throw new MetaException(MetaException.EXIT_PARSE, "max-peers out of range (1..31): " + peers);
            }
            int stripes = cliStripes != null ? cliStripes : h.effAlStripes();
            int size4k = cliSize4k != null ? cliSize4k : h.effAlStripeSize4k();
            CreateMd.validateStriping(stripes, size4k);
            Layout layout = s.freshLayout(peers, stripes, size4k);
            ExistingData.check(ctx, ExistingData.probe(s), layout, t.index().isInternal());
            long la = h.laSizeSect();
            long max = layout.maxUsableSectors();
            if (la > max) {
                ctx.out().println("# la-size-sect was too big (" + la + "), truncated (" + max + ")!");
                la = max;
            }
            long bmBytes = Math.min(Layout.bitmapBytes(la, peers, h.bmBytesPerBit()), layout.bitmapAreaBytes());
            // 9.22 writes the bitmap up to the end of the last slot's values
            long lastSlotWords = values.length == peers ? values[peers - 1] * 2 : 0;
            long extent = lastSlotWords * peers * 4;
            long parsed = Layout.align(extent, Layout.SECTOR);
            if (parsed > bmBytes) {
                ctx.err().println("in meta_restore_md: truncating byte count from " + parsed + " to " + bmBytes);
                ctx.err().println("Bitmap info too large, truncated!");
                extent = bmBytes;
            }
            s.invalidateSuperblock(layout.mdOffset());
            long limitWords = extent / 4;
            SlotWriter[] w = new SlotWriter[1];
            p.bitmaps(t.version(), peers, new Parser.BitmapSink() {
                @Override
                public void words(int slot, long count, long value) throws MetaException {
                    if (w[0] == null) {
                        w[0] = new SlotWriter(s.dev, layout.bmAbs(), limitWords, peers, slot);
                    }
                    w[0].put64(count, value);
                }

                @Override
                public void slotDone(int slot) throws MetaException {
                    if (w[0] == null) {
                        w[0] = new SlotWriter(s.dev, layout.bmAbs(), limitWords, peers, slot);
                    }
                    w[0].finish();
                    w[0] = null;
                }
            });
            s.dev.sync();
            Superblock nsb = h.toBuilder().layout(layout).striping(stripes, size4k).laSizeSect(la)
                    .alNrExtents(existing.map(Superblock::alNrExtents).orElse(Superblock.DEFAULT_AL_EXTENTS))
                    .build();
            s.writeSuperblock(nsb, layout.mdOffset());
            ctx.out().println("Successfully restored meta data");
        } catch (IOException e) {
            throw new MetaException(MetaException.EXIT_PARSE, "read error: " + e.getMessage(), e);
        }
    }
}
