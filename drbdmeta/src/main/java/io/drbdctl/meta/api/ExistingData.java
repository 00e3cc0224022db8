package io.drbdctl.meta.api;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.format.Layout;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The check create-md and restore-md make before writing new metadata: look at the start of the
 * device for a filesystem or other signatures and refuse or ask as the reference does.
 */
final class ExistingData {
    static final int PROBE_BYTES = 68 * 1024;

    private ExistingData() {
    }

    /** A recognised signature and the data size it claims in bytes (-1 if unknown). */
    record Found(String type, long bytes) {
    }

    static Found identify(byte[] b) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer be = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        if ((le.getShort(1024 + 56) & 0xFFFF) == 0xEF53) {
            long blocks = Integer.toUnsignedLong(le.getInt(1024 + 4));
            long bs = 1024L << le.getInt(1024 + 24);
            boolean journal = (le.getInt(1024 + 92) & 0x4) != 0;
            return new Found(journal ? "ext3 filesystem" : "ext2 filesystem", blocks * bs);
        }
        if (ascii(b, 0, 4).equals("XFSB")) {
            return new Found("xfs filesystem", be.getLong(8) * Integer.toUnsignedLong(be.getInt(4)));
        }
        if (ascii(b, 4096 - 10, 10).equals("SWAPSPACE2") || ascii(b, 4096 - 10, 10).equals("SWAP-SPACE")) {
            return new Found("swap space signature", -1);
        }
        if (ascii(b, 512, 8).equals("LABELONE") && ascii(b, 512 + 24, 8).equals("LVM2 001")) {
            return new Found("LVM2 physical volume signature", -1);
        }
        if (ascii(b, 32768, 4).equals("JFS1")) {
            return new Found("JFS filesystem", -1);
        }
        if (ascii(b, 65536 + 52, 9).startsWith("ReIsEr")) {
            return new Found("reiser filesystem", -1);
        }
        return new Found("some data", -1);
    }

    private static String ascii(byte[] b, int off, int len) {
        if (off + len > b.length) {
            return "";
        }
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /**
     * Runs the check on the probe bytes. Throws on refusal or when the user declines.
     *
     * @param layout the layout about to be written
     */
    static void check(MetaContext ctx, byte[] probe, Layout layout, boolean internal) throws MetaException {
        boolean zero = true;
        for (byte x : probe) {
            if (x != 0) {
                zero = false;
                break;
            }
        }
        if (zero) {
            return;
        }
        PrintStream o = ctx.out();
        o.println("md_offset " + layout.mdOffset());
        o.println("al_offset " + layout.alAbs());
        o.println("bm_offset " + layout.bmAbs());
        o.println();
        Found f = identify(probe);
        o.println("Found " + f.type());
        boolean unknown = f.type().equals("some data");
        long usableKb = layout.regionStart() / 1024;
        if (!internal) {
            if (!unknown && !ctx.ignoreSanityChecks()) {
                o.println();
                o.println("This would corrupt existing data.");
                refuseTail(o);
            }
        } else if (f.bytes() >= 0) {
            o.println("      " + (f.bytes() / 1024) + " kB data area apparently used");
            o.println("      " + usableKb + " kB left usable by current configuration");
            o.println();
            if (f.bytes() > layout.regionStart() && !ctx.ignoreSanityChecks()) {
                o.println("Device size would be truncated, which");
                o.println("would corrupt data and result in");
                o.println("'access beyond end of device' errors.");
                o.println("You need to either");
                o.println("   * use external meta data (recommended)");
                o.println("   * shrink that filesystem first");
                o.println("   * zero out the device (destroy the filesystem)");
                o.println("Operation refused.");
                o.println();
                throw new MetaException(MetaException.EXIT_REFUSED, "");
            }
            o.println("Even though it looks like this would place the new meta data into");
            o.println("unused space, you still need to confirm, as this is only a guess.");
            askProceed(ctx);
            return;
        } else if (!unknown && !ctx.ignoreSanityChecks()) {
            o.println("      " + usableKb + " kB left usable by current configuration");
            o.println("Device size would be truncated, which");
            o.println("would corrupt data and result in");
            o.println("'access beyond end of device' errors.");
            refuseTail(o);
        }
        o.println();
        o.println(" ==> This might destroy existing data! <==");
        askProceed(ctx);
    }

    private static void refuseTail(PrintStream o) throws MetaException {
        o.println("If you want me to do this, you need to zero out the first part");
        o.println("of the device (destroy the content).");
        o.println("You should be very sure that you mean it.");
        o.println("Operation refused.");
        o.println();
        throw new MetaException(MetaException.EXIT_REFUSED, "");
    }

    private static void askProceed(MetaContext ctx) throws MetaException {
        if (!ctx.confirm("Do you want to proceed?")) {
            ctx.out().println("Operation canceled.");
            throw new MetaException(MetaException.EXIT_FAILED, "");
        }
    }

    static byte[] probe(Session s) throws MetaException {
        return s.dev.read(0, (int) Math.min(PROBE_BYTES, s.size()));
    }
}
