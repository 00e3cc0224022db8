package io.drbdctl.meta.api;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.Layout;
import io.drbdctl.meta.format.MetaIndex;
import io.drbdctl.meta.format.Superblock;
import io.drbdctl.meta.format.SuperblockCodec;
import io.drbdctl.meta.io.DeviceIo;
import io.drbdctl.meta.io.ExclusiveClaim;
import io.drbdctl.meta.io.LastKnownFile;

import java.io.Closeable;
import java.util.Optional;

/** An opened metadata device: locating, validating, reading and writing the superblock. */
final class Session implements Closeable {
    /** drbdmeta inspects the first 68 KiB of a device and refuses smaller ones. */
    static final long MIN_DEVICE_BYTES = 68 * 1024;

    final MetaContext ctx;
    final Target target;
    final DeviceIo dev;
    private ExclusiveClaim claim;

    private Session(MetaContext ctx, Target target, DeviceIo dev) {
        this.ctx = ctx;
        this.target = target;
        this.dev = dev;
    }

    /** Opens the device with the reference's checks and messages. */
    static Session open(MetaContext ctx, Target target) throws MetaException {
        return open(ctx, target, true);
    }

    /**
     * Opens the device. Block devices holding internal or flex-external metadata are also claimed
     * exclusively (O_EXCL), as the reference does; if that fails with EBUSY (mounted, swap, held by
     * a stacked device or another exclusive opener) the user has to confirm, and
     * {@code askWhenBusy == false} (apply-al) refuses unless --force.
     */
    static Session open(MetaContext ctx, Target target, boolean askWhenBusy) throws MetaException {
        DeviceIo dev = DeviceIo.open(target.device());
        ExclusiveClaim claim = null;
        try {
            if (dev.blockDevice() && !(target.index() instanceof MetaIndex.Indexed)) {
                ExclusiveClaim.Attempt a = ExclusiveClaim.tryClaim(target.device());
                if (a.result() == ExclusiveClaim.Result.BUSY) {
                    ctx.err().println("open(" + target.device() + ") failed: Device or resource busy");
                    if ((!askWhenBusy && !ctx.force()) || !ctx.confirm("Exclusive open failed. Do it anyways?")) {
                        ctx.out().println("Operation canceled.");
                        throw new MetaException(MetaException.EXIT_DEVICE, "");
                    }
                }
                claim = a.claim();
            }
            if (!dev.blockDevice()) {
                if (!ctx.force()) {
                    throw new MetaException(MetaException.EXIT_DEVICE, "'" + target.device() + "' is not a block device!");
                }
                ctx.err().println("ioctl(md_fd, BLKSSZGET) returned -1, assuming hard_sect_size is 512 Byte");
            }
            if (dev.size() < MIN_DEVICE_BYTES) {
                throw new MetaException(MetaException.EXIT_PARSE,
                        target.device() + " is only " + dev.size() + " bytes. That's not enough.");
            }
            Session s = new Session(ctx, target, dev);
            if (target.index() instanceof MetaIndex.Indexed && s.mdOffset() + SuperblockCodec.SIZE > dev.size()) {
                throw new MetaException(MetaException.EXIT_PARSE, "Device too small: expecting meta data block at\n"
                        + "byte offset " + s.mdOffset() + ", but " + target.device() + " is only " + dev.size()
                        + " bytes.");
            }
            s.claim = claim;
            return s;
        } catch (MetaException e) {
            if (claim != null) {
                claim.close();
            }
            dev.close();
            throw e;
        }
    }

    long size() {
        return dev.size();
    }

    /** Superblock position for the target's index on the current device size. */
    long mdOffset() {
        MetaIndex ix = target.index();
        if (ix instanceof MetaIndex.Internal) {
            return Layout.internalMdOffset(dev.size());
        }
        if (ix instanceof MetaIndex.Indexed i) {
            return i.index() * MetaIndex.INDEXED_SLOT_BYTES;
        }
        return 0;
    }

    /** Layout create-md computes for this device. */
    Layout freshLayout(int maxPeers, int stripes, int size4k) {
        return Layout.compute(target.index(), dev.size(), maxPeers, stripes, size4k, Layout.DEFAULT_BYTES_PER_BIT);
    }

    /** Raw 4 KiB at {@code off}, or empty if outside the device. */
    Optional<byte[]> readBlock(long off) throws MetaException {
        if (off < 0 || off + SuperblockCodec.SIZE > dev.size()) {
            return Optional.empty();
        }
        return Optional.of(dev.read(off, SuperblockCodec.SIZE));
    }

    /** Reads and validates the superblock of the target's format at the expected place. */
    Optional<Superblock> find() throws MetaException {
        return findAt(mdOffset(), target.version(), dev.size());
    }

    Optional<Superblock> findAt(long off, FormatVersion v, long devSize) throws MetaException {
        Optional<byte[]> blk = readBlock(off);
        if (blk.isEmpty()) {
            return Optional.empty();
        }
        Optional<Superblock> sb = SuperblockCodec.decode(blk.get(), v);
        if (sb.isEmpty() || !sane(sb.get(), devSize)) {
            return Optional.empty();
        }
        return sb;
    }

    /** The reference's offset sanity checks; prints what is wrong. */
    boolean sane(Superblock sb, long devSize) {
        String v = sb.version().label();
        int bpb = sb.bmBytesPerBit();
        if (bpb < 4096 || Integer.bitCount(bpb) != 1) {
            ctx.err().println("strange bm_bytes_per_bit " + bpb);
            return false;
        }
        int peers = Math.max(1, Math.min(sb.maxPeers(), 31));
        int stripes = sb.effAlStripes();
        int size4k = sb.effAlStripeSize4k();
        if (target.index().isInternal()) {
            Layout exp = Layout.compute(target.index(), devSize, peers, stripes, size4k, bpb);
            if (sb.alOffset() != exp.alOffset()) {
                ctx.err().println(v + " al_offset: expected " + exp.alOffset() + ", found " + sb.alOffset());
                return false;
            }
            if (sb.bmOffset() != exp.bmOffset()) {
                ctx.err().println("strange bm_offset " + sb.bmOffset() + " (expected: " + exp.bmOffset() + ")");
                return false;
            }
            if (sb.mdSizeSect() != exp.mdSizeSect()) {
                ctx.err().println("strange md_size_sect " + sb.mdSizeSect() + " (expected: " + exp.mdSizeSect() + ")");
                if (sb.version() != FormatVersion.V09) {
                    return false;
                }
            }
            return true;
        }
        if (sb.alOffset() != 8) {
            ctx.err().println(v + " Magic number (al_offset) not found");
            ctx.err().println("\texpected: 8, found " + sb.alOffset());
            return false;
        }
        long expBm = 8 + Layout.alSizeSect(stripes, size4k);
        if (sb.bmOffset() != expBm) {
            ctx.err().println(v + " bm_offset: expected " + expBm + ", found " + sb.bmOffset());
            return false;
        }
        return true;
    }

    /** Writes a superblock at {@code off} and syncs; maintains the last-known-device file. */
    void writeSuperblock(Superblock sb, long off) throws MetaException {
        dev.write(off, SuperblockCodec.encode(sb));
        dev.sync();
        updateLastKnown(sb.deviceUuid());
    }

    void updateLastKnown(long deviceUuid) {
        if (target.index().isInternal()) {
            LastKnownFile.write(ctx.libDir(), target.minor(), dev.size(), target.device().toString(), deviceUuid);
        } else {
            LastKnownFile.delete(ctx.libDir(), target.minor());
        }
    }

    /**
     * Makes an existing valid superblock at {@code off} unrecognisable before its area is rewritten,
     * so that an interrupted rewrite never leaves a superblock describing half-written data.
     */
    void invalidateSuperblock(long off) throws MetaException {
        Optional<byte[]> blk = readBlock(off);
        if (blk.isPresent() && SuperblockCodec.detect(blk.get()).isPresent()) {
            byte[] b = blk.get();
            for (int i = 0x1C; i < 0x20; i++) {
                b[i] = 0;
            }
            for (int i = 0x3C; i < 0x40; i++) {
                b[i] = 0;
            }
            dev.write(off, b);
            dev.sync();
        }
    }

    @Override
    public void close() {
        dev.close();
        if (claim != null) {
            claim.close();
        }
    }
}
