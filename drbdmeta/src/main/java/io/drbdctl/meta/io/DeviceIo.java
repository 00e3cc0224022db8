package io.drbdctl.meta.io;

import io.drbdctl.meta.MetaException;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import com.sun.nio.file.ExtendedOpenOption;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Positional access to a block device or a regular file holding DRBD metadata. */
public final class DeviceIo implements Closeable {
    private static final int S_IFMT = 0170000;
    private static final int S_IFBLK = 0060000;

    private final Path path;
    private final RandomAccessFile raf;
    private final FileChannel ch;
    private final long size;
    private final boolean blockDevice;
    /** Second, read-only descriptor opened with O_DIRECT for bulk reads; null until needed or if refused. */
    private FileChannel direct;
    private boolean directRefused;
    /** Read-only descriptor for SEEK_DATA on a regular file; -1 until needed, -2 if not possible. */
    private int seekFd = -1;

    /** Alignment O_DIRECT needs for offsets, lengths and buffer addresses (covers 512 and 4096 byte sectors). */
    public static final int DIRECT_ALIGN = 4096;

    private DeviceIo(Path path, RandomAccessFile raf, long size, boolean blockDevice) {
        this.path = path;
        this.raf = raf;
        this.ch = raf.getChannel();
        this.size = size;
        this.blockDevice = blockDevice;
    }

    /** Opens the device read-write, mapping failures to the reference's "open(...) failed" error. */
    public static DeviceIo open(Path path) throws MetaException {
        if (!Files.exists(path)) {
            throw new MetaException(MetaException.EXIT_DEVICE,
                    "open(" + path + ") failed: No such file or directory");
        }
        if (Files.isDirectory(path)) {
            throw new MetaException(MetaException.EXIT_DEVICE, "open(" + path + ") failed: Is a directory");
        }
        RandomAccessFile r;
        try {
            r = new RandomAccessFile(path.toFile(), "rw");
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            int lp = m.lastIndexOf('(');
            String why = lp >= 0 && m.endsWith(")") ? m.substring(lp + 1, m.length() - 1) : "Permission denied";
            throw new MetaException(MetaException.EXIT_DEVICE, "open(" + path + ") failed: " + why, e);
        }
        try {
            return new DeviceIo(path, r, r.length(), isBlockDevice(path));
        } catch (IOException e) {
            closeQuietly(r);
            throw new MetaException(MetaException.EXIT_DEVICE, "could not determine size of " + path, e);
        }
    }

    /** True for block special files. */
    public static boolean isBlockDevice(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode");
            return mode instanceof Integer m && (m & S_IFMT) == S_IFBLK;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void closeQuietly(RandomAccessFile r) {
        try {
            r.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    public boolean blockDevice() {
        return blockDevice;
    }

    /** Reads exactly {@code len} bytes at {@code pos}; fails if the device ends before. */
    public byte[] read(long pos, int len) throws MetaException {
        byte[] out = new byte[len];
        readInto(pos, out, 0, len);
        return out;
    }

    public void readInto(long pos, byte[] out, int off, int len) throws MetaException {
        if (pos < 0 || pos + len > size) {
            throw new MetaException(MetaException.EXIT_DEVICE, "read beyond end of " + path + " (offset "
                    + pos + ", " + len + " bytes, device size " + size + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(out, off, len);
        try {
            long p = pos;
            while (b.hasRemaining()) {
                int n = ch.read(b, p);
                if (n < 0) {
                    throw new MetaException(MetaException.EXIT_DEVICE, "short read on " + path + " at " + p);
                }
                p += n;
            }
        } catch (IOException e) {
            throw new MetaException(MetaException.EXIT_DEVICE, "read(" + path + ") failed: " + e.getMessage(), e);
        }
    }

    /**
     * Zeroes a range with one fallocate call: on a block device FALLOC_FL_ZERO_RANGE (what the
     * reference's BLKZEROOUT does: write-zeroes or discard in the device), on a regular file
     * FALLOC_FL_PUNCH_HOLE (the range becomes a hole, a sparse file stays sparse). Returns false,
     * having changed nothing, where that is not possible; the caller then writes.
     */
    public boolean zeroRangeFast(long pos, long len) throws MetaException {
        if (pos < 0 || pos + len > size) {
            throw new MetaException(MetaException.EXIT_DEVICE, "write beyond end of " + path);
        }
        int mode = Libc.FALLOC_FL_KEEP_SIZE | (blockDevice ? Libc.FALLOC_FL_ZERO_RANGE : Libc.FALLOC_FL_PUNCH_HOLE);
        int fd;
        try {
            fd = Libc.open(path.toString(), Libc.O_RDWR | Libc.O_CLOEXEC);
        } catch (com.sun.jna.LastErrorException | LinkageError e) {
            return false;
        }
        try {
            Libc.fallocate(fd, mode, pos, len);
            return true;
        } catch (com.sun.jna.LastErrorException e) {
            return false;
        } finally {
            try {
                Libc.close(fd);
            } catch (com.sun.jna.LastErrorException ignored) {
                // nothing useful to do
            }
        }
    }

    /**
     * The offset of the first byte at or after {@code pos} that is not in a hole of a regular
     * file, {@link #size()} if only holes follow; {@code pos} itself where that is unknown (block
     * devices, file systems without SEEK_DATA). A hole reads as zeros, so a caller looking for
     * non-zero bytes may skip to the returned offset without reading.
     */
    public long nextData(long pos) {
        if (blockDevice || seekFd == -2) {
            return pos;
        }
        try {
            if (seekFd == -1) {
                seekFd = Libc.open(path.toString(), Libc.O_RDONLY | Libc.O_CLOEXEC);
            }
            return Math.min(size, Math.max(pos, Libc.lseek(seekFd, pos, Libc.SEEK_DATA)));
        } catch (com.sun.jna.LastErrorException e) {
            if (e.getErrorCode() == Libc.ENXIO && seekFd >= 0) {
                return size;
            }
            seekFd = seekFd >= 0 ? seekFd : -2;
            return pos;
        } catch (LinkageError e) {
            seekFd = -2;
            return pos;
        }
    }

    /** Fills {@code buf} from its position to its limit with the bytes at {@code pos}. */
    public void readInto(long pos, ByteBuffer buf) throws MetaException {
        if (pos < 0 || pos + buf.remaining() > size) {
            throw new MetaException(MetaException.EXIT_DEVICE, "read beyond end of " + path + " (offset "
                    + pos + ", " + buf.remaining() + " bytes, device size " + size + ")");
        }
        try {
            long p = pos;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, p);
                if (n < 0) {
                    throw new MetaException(MetaException.EXIT_DEVICE, "short read on " + path + " at " + p);
                }
                p += n;
            }
        } catch (IOException e) {
            throw new MetaException(MetaException.EXIT_DEVICE, "read(" + path + ") failed: " + e.getMessage(), e);
        }
    }

    /** A direct buffer of {@code n} bytes whose address suits O_DIRECT. */
    public static ByteBuffer alignedBuffer(int n) {
        return ByteBuffer.allocateDirect(n + DIRECT_ALIGN).alignedSlice(DIRECT_ALIGN).limit(n).slice();
    }

    /**
     * Like {@link #readInto(long, ByteBuffer)}, but reads with O_DIRECT when offset, length and
     * buffer are aligned: like the reference, bulk reads then bypass the page cache, so scanning
     * a large, mostly unwritten bitmap neither fills the page cache with zero pages nor evicts
     * other data. Falls back to a buffered read where O_DIRECT is refused (e.g. tmpfs).
     */
    public void readBulk(long pos, ByteBuffer buf) throws MetaException {
        if (pos % DIRECT_ALIGN == 0 && buf.remaining() % DIRECT_ALIGN == 0 && buf.isDirect()
                && buf.alignmentOffset(buf.position(), DIRECT_ALIGN) == 0 && pos + buf.remaining() <= size) {
            FileChannel d = direct();
            if (d != null) {
                int start = buf.position();
                try {
                    long p = pos;
                    while (buf.hasRemaining()) {
                        int n = d.read(buf, p);
                        if (n <= 0) {
                            throw new IOException("short read");
                        }
                        p += n;
                    }
                    return;
                } catch (IOException e) {
                    directRefused = true;
                    closeQuietly(d);
                    direct = null;
                    buf.position(start);
                }
            }
        }
        readInto(pos, buf);
    }

    private FileChannel direct() {
        if (direct == null && !directRefused) {
            try {
                direct = FileChannel.open(path, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                directRefused = true;
            }
        }
        return direct;
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }

    /** Writes all of {@code data} at {@code pos}. */
    public void write(long pos, byte[] data, int off, int len) throws MetaException {
        if (pos < 0 || pos + len > size) {
            throw new MetaException(MetaException.EXIT_DEVICE, "write beyond end of " + path + " (offset "
                    + pos + ", " + len + " bytes, device size " + size + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(data, off, len);
        try {
            long p = pos;
            while (b.hasRemaining()) {
                p += ch.write(b, p);
            }
        } catch (AccessDeniedException e) {
            throw new MetaException(MetaException.EXIT_DEVICE, "write(" + path + ") failed: Permission denied", e);
        } catch (IOException e) {
            throw new MetaException(MetaException.EXIT_DEVICE, "write(" + path + ") failed: " + e.getMessage(), e);
        }
    }

    public void write(long pos, byte[] data) throws MetaException {
        write(pos, data, 0, data.length);
    }

    /** Flushes data to stable storage. */
    public void sync() throws MetaException {
        try {
            ch.force(true);
        } catch (IOException e) {
            throw new MetaException(MetaException.EXIT_DEVICE, "fsync(" + path + ") failed: " + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code len} bytes at {@code pos} zero. Chunks that already read back as zero are not
     * rewritten, so sparse files stay sparse and thin devices are not allocated.
     */
    public void zeroRange(long pos, long len) throws MetaException {
        if (pos < 0 || pos + len > size) {
            throw new MetaException(MetaException.EXIT_DEVICE, "write beyond end of " + path);
        }
        int chunk = (int) Math.min(4L << 20, Math.max(len, 4096));
        ByteBuffer buf = alignedBuffer(chunk);
        ByteBuffer zeros = ByteBuffer.allocateDirect(chunk);
        try {
            for (long done = 0; done < len; ) {
                int n = (int) Math.min(chunk, len - done);
                long p = pos + done;
                buf.clear().limit(n);
                readBulk(p, buf);
                buf.flip();
                zeros.clear().limit(n);
                if (buf.mismatch(zeros) >= 0) {
                    while (zeros.hasRemaining()) {
                        ch.write(zeros, p + zeros.position());
                    }
                }
                done += n;
            }
        } catch (IOException e) {
            throw new MetaException(MetaException.EXIT_DEVICE, "write(" + path + ") failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (direct != null) {
            closeQuietly(direct);
        }
        if (seekFd >= 0) {
            try {
                Libc.close(seekFd);
            } catch (com.sun.jna.LastErrorException ignored) {
                // nothing useful to do
            }
            seekFd = -2;
        }
        closeQuietly(raf);
    }
}
