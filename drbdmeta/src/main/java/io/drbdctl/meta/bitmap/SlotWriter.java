package io.drbdctl.meta.bitmap;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.io.DeviceIo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes the 32-bit words of one interleaved bitmap slot sequentially (read-modify-write of
 * chunks, so the other slots' words are preserved). Words past the slot's end are dropped.
 */
public final class SlotWriter {
    private static final int CHUNK_WORDS = 1 << 16;

    private final DeviceIo dev;
    private final long bmAbs;
    private final long totalWords;
    private final int maxPeers;
    private final int slot;
    private final long words;
    private long k;
    private long chunk = -1;
    private byte[] buf;
    private long bufFirstWord;
    private long dropped;

    /**
     * @param totalWords 32-bit words of the interleaved bitmap that are written: drbdmeta 9.22 writes
     *                   the bitmap up to the end of the last slot's values; within that range values
     *                   a slot does not provide are zero, beyond it the device is left as it is
     */
    public SlotWriter(DeviceIo dev, long bmAbs, long totalWords, int maxPeers, int slot) {
        this.dev = dev;
        this.bmAbs = bmAbs;
        this.totalWords = totalWords;
        this.maxPeers = maxPeers;
        this.slot = slot;
        this.words = totalWords > slot ? (totalWords - slot + maxPeers - 1) / maxPeers : 0;
        this.capacity = words;
    }

    private final long capacity;

    public long words() {
        return words;
    }

    /** Number of words given so far (including those that did not fit). */
    public long given() {
        return k + dropped;
    }

    /** Number of words that did not fit. */
    public long dropped() {
        return dropped;
    }

    public void put(int w) throws MetaException {
        if (k >= capacity) {
            dropped++;
            return;
        }
        store(w);
    }

    private void store(int w) throws MetaException {
        long c = k / CHUNK_WORDS;
        if (c != chunk) {
            flush();
            load(c);
        }
        long word = k * maxPeers + slot;
        ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).putInt((int) ((word - bufFirstWord) * 4), w);
        k++;
    }

    /** Appends {@code count} copies of a 64-bit value (low word first). */
    public void put64(long count, long v) throws MetaException {
        int lo = (int) v;
        int hi = (int) (v >>> 32);
        long i = 0;
        for (; i < count && k < capacity; i++) {
            put(lo);
            put(hi);
        }
        dropped += 2 * (count - i);
    }

    /** Zero-fills the rest of the slot (within the written range) and writes the last chunk. */
    public void finish() throws MetaException {
        while (k < words) {
            store(0);
        }
        flush();
    }

    private void load(long c) throws MetaException {
        chunk = c;
        long firstK = c * CHUNK_WORDS;
        long lastK = Math.min(words, firstK + CHUNK_WORDS) - 1;
        bufFirstWord = firstK * maxPeers;
        long endWord = Math.min(totalWords, lastK * maxPeers + maxPeers);
        buf = dev.read(bmAbs + bufFirstWord * 4, (int) ((endWord - bufFirstWord) * 4));
    }

    private void flush() throws MetaException {
        if (buf != null) {
            dev.write(bmAbs + bufFirstWord * 4, buf);
            buf = null;
            chunk = -1;
        }
    }
}
