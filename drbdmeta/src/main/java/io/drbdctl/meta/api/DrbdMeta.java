package io.drbdctl.meta.api;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.format.Flags;
import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.PeerSlot;
import io.drbdctl.meta.format.Superblock;
import io.drbdctl.meta.io.LockFile;
import io.drbdctl.meta.kernel.KernelProbe;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Java API of drbdmeta. Every operation prints what the reference prints on the context's streams
 * and fails with a {@link MetaException} carrying the reference's exit code. Operations hold the
 * per-minor lock file for their duration.
 */
public final class DrbdMeta {
    private final MetaContext ctx;

    public DrbdMeta(MetaContext ctx) {
        this.ctx = ctx;
    }

    public MetaContext context() {
        return ctx;
    }

    @FunctionalInterface
    private interface Op<T> {
        T run() throws MetaException;
    }

    /** Read-only operation: allowed on an attached minor, with a warning. */
    private <T> T locked(Target t, Op<T> op) throws MetaException {
        return locked(t, false, op);
    }

    /**
     * Runs {@code op} under the minor's lock. Like the reference, first asks the kernel about the
     * minor: if it is attached, operations that write are refused; read-only ones run and warn
     * afterwards (also when they fail with "returned" status 1) that the output might be stale.
     */
    private <T> T locked(Target t, boolean writes, Op<T> op) throws MetaException {
        boolean attached = ctx.kernel().state(t.minor()) == KernelProbe.MinorState.ATTACHED;
        if (attached && writes) {
            throw new MetaException(MetaException.EXIT_DEVICE, "Device '" + t.minorLabel() + "' is configured!");
        }
        String stale = "# Output might be stale, since minor " + t.minor() + " is attached";
        LockFile lock = LockFile.acquire(ctx.lockDir(), t.minor());
        try {
            T r = op.run();
            if (attached) {
                ctx.err().println(stale);
            }
            return r;
        } catch (MetaException e) {
            if (attached && e.exitCode() == MetaException.EXIT_FAILED) {
                throw new MetaException(e.exitCode(), e.getMessage().isEmpty() ? stale : e.getMessage() + "\n" + stale, e);
            }
            throw e;
        } finally {
            lock.close();
        }
    }

    /** An operation that writes metadata: refused while the minor is attached. */
    private <T> T writing(Target t, Op<T> op) throws MetaException {
        return locked(t, true, op);
    }

    /** create-md. */
    public void createMd(Target t, CreateOptions o) throws MetaException {
        writing(t, () -> {
            CreateMd.run(ctx, t, o);
            return null;
        });
    }

    /** Reads the superblock (the same lookup every command does); empty if no valid metadata. */
    public Optional<Superblock> readSuperblock(Target t) throws MetaException {
        return locked(t, () -> {
            try (Session s = Session.open(ctx, t)) {
                return s.find();
            }
        });
    }

    private Superblock require(Session s, boolean quiet) throws MetaException {
        Optional<Superblock> sb = s.find();
        if (sb.isEmpty()) {
            throw new MetaException(MetaException.EXIT_FAILED, quiet ? "" : "No valid meta data found");
        }
        return sb.get();
    }

    /** get-gi: prints and returns the GI line of peer {@code nodeId} (0 for v08). */
    public String getGi(Target t, int nodeId) throws MetaException {
        return locked(t, () -> {
            try (Session s = Session.open(ctx, t)) {
                String l = GiText.line(require(s, true), nodeId);
                ctx.out().println(l);
                return l;
            }
        });
    }

    /** show-gi. */
    public void showGi(Target t, int nodeId) throws MetaException {
        locked(t, () -> {
            try (Session s = Session.open(ctx, t)) {
                ctx.out().print(GiText.show(require(s, true), nodeId));
                return null;
            }
        });
    }

    /** dstate: Inconsistent, Outdated, Consistent or UpToDate (9.22 semantics). */
    public String dstate(Target t) throws MetaException {
        return locked(t, () -> {
            try (Session s = Session.open(ctx, t)) {
                String d = GiText.dstate(require(s, false));
                ctx.out().println(d);
                return d;
            }
        });
    }

    /** read-dev-uuid. */
    public long readDevUuid(Target t) throws MetaException {
        return locked(t, () -> {
            try (Session s = Session.open(ctx, t)) {
                long u = require(s, true).deviceUuid();
                ctx.out().println(GiText.hex(u));
                return u;
            }
        });
    }

    /** write-dev-uuid. */
    public void writeDevUuid(Target t, long uuid) throws MetaException {
        modify(t, true, sb -> sb.toBuilder().deviceUuid(uuid).build());
    }

    /** outdate: clears "was up to date"; fails with exit 5 on inconsistent data. */
    public void outdate(Target t) throws MetaException {
        modify(t, true, sb -> {
            if ((sb.flags() & Flags.CONSISTENT) == 0) {
                throw new MetaException(MetaException.EXIT_INCONSISTENT, "Device is inconsistent.");
            }
            return sb.withFlags(sb.flags() & ~Flags.WAS_UP_TO_DATE);
        });
    }

    /** invalidate: the next connect does a full sync. */
    public void invalidate(Target t) throws MetaException {
        modify(t, true, sb -> {
            int f = sb.flags() & ~(Flags.CONSISTENT | Flags.WAS_UP_TO_DATE);
            if (sb.version() != FormatVersion.V09) {
                return sb.withFlags(f | Flags.FULL_SYNC);
            }
            Superblock.Builder b = sb.toBuilder().flags(f);
            for (int i = 0; i < Superblock.MAX_NODES; i++) {
                b.peer(i, sb.peers().get(i).withFlags(sb.peers().get(i).flags() | Flags.PEER_FULL_SYNC));
            }
            return b.build();
        });
    }

    /** set-gi: prints old and new GI, asks, writes. Declining is not an error (exit 0). */
    public void setGi(Target t, int nodeId, String gi) throws MetaException {
        writing(t, () -> {
            try (Session s = Session.open(ctx, t)) {
                Superblock sb = require(s, true);
                Superblock n = GiText.apply(sb, nodeId, gi);
                ctx.out().println("previously " + GiText.line(sb, nodeId));
                ctx.out().println("set GI to  " + GiText.line(n, nodeId));
                if (!ctx.confirm("Write new GI to disk?")) {
                    ctx.out().println("Operation canceled.");
                    return null;
                }
                s.writeSuperblock(n, s.mdOffset());
                return null;
            }
        });
    }

    /** forget-peer: drops the peer's slot assignment (the bitmap itself is not touched). */
    public void forgetPeer(Target t, int nodeId) throws MetaException {
        modify(t, true, sb -> {
            if (sb.version() != FormatVersion.V09) {
                ctx.err().println("Setting all bits in slot 0 not implemented.");
                ctx.err().println("Do it with dump-md, edit, restore-md");
                return sb.withPeer(0, sb.peers().get(0).withBitmapUuid(0));
            }
            PeerSlot old = sb.peers().get(nodeId);
            PeerSlot day0 = null;
            for (int i = 0; i < Superblock.MAX_NODES; i++) {
                PeerSlot p = sb.peers().get(i);
                if (i != sb.nodeId() && i != nodeId && p.bitmapIndex() == -1) {
                    day0 = p;
                    break;
                }
            }
            int from = day0 == null ? -1 : day0.bitmapIndex();
            ctx.err().println("Copying bitmap slot " + from + " to " + old.bitmapIndex() + " not implemented.");
            ctx.err().println("Do it with dump-md, edit, restore-md");
            PeerSlot n = day0 == null ? new PeerSlot(0, 0, 0, -1)
                    : new PeerSlot(day0.bitmapUuid(), day0.bitmapDagtag(), 0, -1);
            return sb.withPeer(nodeId, n);
        });
    }

    /** wipe-md: zeroes the superblock after confirmation. */
    public void wipeMd(Target t) throws MetaException {
        writing(t, () -> {
            MiscCommands.wipe(ctx, t);
            return null;
        });
    }

    /** dump-md. {@code argv} is the command line echoed in the dump header. */
    public void dumpMd(Target t, List<String> argv) throws MetaException {
        locked(t, () -> {
            DumpCommands.dump(ctx, t, argv);
            return null;
        });
    }

    /** restore-md from a dump file. */
    public void restoreMd(Target t, Path dump, Integer alStripes, Integer alStripeSize4k) throws MetaException {
        writing(t, () -> {
            DumpCommands.restore(ctx, t, dump, alStripes, alStripeSize4k);
            return null;
        });
    }

    /** verify-dump: parse only. */
    public void verifyDump(Target t, Path dump) throws MetaException {
        locked(t, () -> {
            DumpCommands.verify(ctx, t, dump);
            return null;
        });
    }

    /** apply-al: replays the activity log into the bitmap and marks the metadata clean. */
    public void applyAl(Target t) throws MetaException {
        writing(t, () -> {
            ApplyAl.run(ctx, t);
            return null;
        });
    }

    /** check-resize: moves internal metadata to the end of a grown device. */
    public void checkResize(Target t) throws MetaException {
        writing(t, () -> {
            MiscCommands.checkResize(ctx, t);
            return null;
        });
    }

    @FunctionalInterface
    private interface Change {
        Superblock apply(Superblock sb) throws MetaException;
    }

    private void modify(Target t, boolean quiet, Change c) throws MetaException {
        writing(t, () -> {
            try (Session s = Session.open(ctx, t)) {
                Superblock sb = require(s, quiet);
                s.writeSuperblock(c.apply(sb), s.mdOffset());
                return null;
            }
        });
    }
}
