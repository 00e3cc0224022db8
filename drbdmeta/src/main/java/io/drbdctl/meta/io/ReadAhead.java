package io.drbdctl.meta.io;

import io.drbdctl.meta.MetaException;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A long range of a device read in aligned chunks, in order, with the next chunk read on a
 * second thread while the caller examines the current one (bulk reads are O_DIRECT, so without
 * this the device idles while the caller compares). With {@code skipHoles}, holes of a regular
 * file come back as {@link Chunk#hole() hole} chunks without being read: they read as zeros.
 * Not thread-safe; close it to stop the reading thread.
 */
public final class ReadAhead implements AutoCloseable {
    /** Offset and length of one chunk; {@code data} holds its bytes (position 0), or is null for a hole. */
    public record Chunk(long pos, long length, ByteBuffer data) {
        public boolean hole() {
            return data == null;
        }
    }

    private final DeviceIo dev;
    private final long end;
    private final boolean skipHoles;
    private final ByteBuffer[] buffers;
    private final int maxChunk;
    private final ExecutorService reader;
    private long next;
    private int spare;
    private int chunk = FIRST_CHUNK;
    private Future<Chunk> pending;

    /** The first chunk is small (a run often ends soon); each next one is twice as big, up to the buffers' size. */
    private static final int FIRST_CHUNK = 256 << 10;

    /**
     * @param from    first byte, a multiple of {@link DeviceIo#DIRECT_ALIGN}
     * @param end     end of the range, at most the device size
     * @param buffers  two slots for buffers, filled (or replaced by bigger ones) as chunks need them,
     *                 so that a caller may keep them for its next ReadAhead; made lazily because
     *                 Java zeroes new direct buffers, which a range of holes should not pay for
     * @param maxChunk the largest chunk, a multiple of {@link DeviceIo#DIRECT_ALIGN}
     */
    public ReadAhead(DeviceIo dev, long from, long end, ByteBuffer[] buffers, int maxChunk, boolean skipHoles) {
        this.dev = dev;
        this.end = end;
        this.skipHoles = skipHoles;
        this.next = from;
        this.buffers = buffers;
        this.maxChunk = maxChunk;
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "drbdmeta-read-ahead");
            t.setDaemon(true);
            return t;
        });
        schedule();
    }

    /** The next chunk, or null at the end of the range. The previous chunk's buffer is reused. */
    public Chunk next() throws MetaException {
        if (pending == null) {
            return null;
        }
        Chunk c;
        try {
            c = pending.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MetaException m) {
                throw m;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetaException(MetaException.EXIT_DEVICE, "interrupted while reading " + dev.path());
        }
        schedule();
        return c;
    }

    private void schedule() {
        if (next >= end) {
            pending = null;
            return;
        }
        long pos = next;
        long len;
        long data = skipHoles ? dev.nextData(pos) : pos;
        ByteBuffer buf = null;
        if (data > pos) {
            // a hole up to the next data (aligned down: a partly written block is data)
            len = Math.min(end, data - Math.floorMod(data, (long) DeviceIo.DIRECT_ALIGN)) - pos;
        } else {
            len = 0;
        }
        if (len <= 0) {
            len = Math.min(Math.min(chunk, maxChunk), Math.min(alignUp(end - pos), dev.size() - pos));
            chunk = (int) Math.min(maxChunk, 2L * chunk);
            buf = buffers[spare];
            if (buf == null || buf.capacity() < len) {
                buf = DeviceIo.alignedBuffer((int) alignUp(len));
                buffers[spare] = buf;
            }
            spare ^= 1;
        }
        next = pos + len;
        ByteBuffer target = buf;
        long n = len;
        pending = reader.submit(() -> {
            if (target == null) {
                return new Chunk(pos, n, null);
            }
            target.clear().limit((int) n);
            dev.readBulk(pos, target);
            target.flip();
            return new Chunk(pos, n, target);
        });
    }

    private static long alignUp(long n) {
        return n + Math.floorMod(-n, (long) DeviceIo.DIRECT_ALIGN);
    }

    /** Waits for a read under way (interrupting it would close the device's channels) and stops the thread. */
    @Override
    public void close() {
        if (pending != null) {
            try {
                pending.get();
            } catch (ExecutionException e) {
                // the caller stopped reading; the error does not matter any more
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pending = null;
        }
        reader.shutdown();
    }
}
