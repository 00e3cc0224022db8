package io.drbdctl.meta.bitmap;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.io.DeviceIo;
import io.drbdctl.meta.io.ReadAhead;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Sequential-friendly random access to the 32-bit words of one bitmap slot. Word k of slot s is the
 * little-endian 32-bit word number {@code k * maxPeers + s} of the bitmap area. Two chunks are
 * cached so that short look-backs after a long forward scan stay cheap.
 */
public final class SlotReader {
    private static final int CHUNK_WORDS = 1 << 18;

    private final DeviceIo dev;
    private final long bmAbs;
    private final int maxPeers;
    private final int slot;
    private final long words;
    private final long totalWords;
    private long chunkA = -1;
    private long chunkB = -1;
    private int[] dataA;
    private int[] dataB;
    private boolean nextIsA = true;
    /** The two read-ahead buffers of bulk scans, made (and grown) as they need them. */
    private final ByteBuffer[] bulk = new ByteBuffer[2];

    /**
     * @param totalWords number of 32-bit words of the whole (interleaved) bitmap to consider
     */
    public SlotReader(DeviceIo dev, long bmAbs, long totalWords, int maxPeers, int slot) {
        this.dev = dev;
        this.bmAbs = bmAbs;
        this.maxPeers = maxPeers;
        this.slot = slot;
        this.totalWords = totalWords;
        this.words = totalWords > slot ? (totalWords - slot + maxPeers - 1) / maxPeers : 0;
    }

    /** Number of words this slot has within the considered area. */
    public long words() {
        return words;
    }

    public int get(long k) throws MetaException {
        return chunk(k / CHUNK_WORDS)[(int) (k % CHUNK_WORDS)];
    }

    /** Number of consecutive words from {@code k} (exclusive of {@code limit}) equal to {@code w}. */
    public long countEqual(long k, int w, long limit) throws MetaException {
        long quick = countEqualWordwise(k, w, Math.min(limit, k + BULK_MIN_WORDS));
        long p = k + quick;
        if (quick < BULK_MIN_WORDS || limit - p <= BULK_MIN_WORDS) {
            return quick + countEqualWordwise(p, w, limit);
        }
        // a long run (an unwritten bitmap is one): the rest in bulk
        long whole = bulkEqualGroups(p, w, limit);
        return quick + whole + countEqualWordwise(p + whole, w, limit);
    }

    /** Runs shorter than this many slot words are counted word by word. */
    private static final long BULK_MIN_WORDS = 1 << 12;
    /**
     * Bulk reads of up to 16 MiB (the reference reads 32 MiB at a time): two such buffers, one
     * being read while the other is compared.
     */
    private static final int BULK_BYTES = 16 << 20;
    private static final int PATTERN_BYTES = 1 << 20;

    /**
     * Long runs (an unwritten bitmap is one run of zeros) are found by comparing the raw,
     * interleaved area with a repeated {@code w} in bulk, without decoding single words: a run of
     * raw words all equal to {@code w} covers the same run in every slot. Returns the number of
     * whole slot-word groups from {@code k} that are equal to {@code w} in all slots.
     */
    private long bulkEqualGroups(long k, int w, long limit) throws MetaException {
        long startByte = bmAbs + k * maxPeers * 4;
        long endByte = bmAbs + Math.min(totalWords, limit * maxPeers) * 4;
        long pos = startByte - Math.floorMod(startByte, DeviceIo.DIRECT_ALIGN);
        ByteBuffer pattern = null;
        long equalTo = startByte;
        try (ReadAhead chunks = new ReadAhead(dev, pos, endByte, bulk, BULK_BYTES, w == 0)) {
            for (ReadAhead.Chunk c = chunks.next(); c != null; c = chunks.next()) {
                long to = Math.min(c.pos() + c.length(), endByte);
                if (c.hole()) {
                    equalTo = to;
                    continue;
                }
                if (pattern == null) {
                    pattern = pattern(w, PATTERN_BYTES);
                }
                int from = (int) Math.max(0, startByte - c.pos());
                int m = mismatch(c.data(), from, (int) (to - c.pos()), pattern);
                if (m >= 0) {
                    equalTo = c.pos() + m;
                    break;
                }
                equalTo = to;
            }
        }
        return (equalTo - startByte) / 4 / maxPeers;
    }

    /** Up to 1 MiB of the word {@code w}, repeated. */
    private static ByteBuffer pattern(int w, int max) {
        ByteBuffer pattern = ByteBuffer.allocateDirect(Math.min(PATTERN_BYTES, max)).order(ByteOrder.LITTLE_ENDIAN);
        if (w != 0) {
            while (pattern.hasRemaining()) {
                pattern.putInt(w);
            }
        }
        return pattern;
    }

    /** Index of the first byte in {@code [from, to)} of {@code buf} that differs from the pattern, or -1. */
    private static int mismatch(ByteBuffer buf, int from, int to, ByteBuffer pattern) {
        for (int at = from; at < to; ) {
            int n = Math.min(pattern.capacity(), to - at);
            buf.limit(at + n).position(at);
            pattern.clear().limit(n);
            int m = buf.mismatch(pattern);
            if (m >= 0) {
                return at + m;
            }
            at += n;
        }
        return -1;
    }

    private long countEqualWordwise(long k, int w, long limit) throws MetaException {
        long p = k;
        while (p < limit) {
            int[] d = chunk(p / CHUNK_WORDS);
            int i = (int) (p % CHUNK_WORDS);
            int end = (int) Math.min(CHUNK_WORDS, limit - (p - i));
            while (i < end && d[i] == w) {
                i++;
                p++;
            }
            if (i < end) {
                break;
            }
        }
        return p - k;
    }

    private int[] chunk(long c) throws MetaException {
        if (c == chunkA) {
            return dataA;
        }
        if (c == chunkB) {
            return dataB;
        }
        int[] d = load(c);
        if (nextIsA) {
            chunkA = c;
            dataA = d;
        } else {
            chunkB = c;
            dataB = d;
        }
        nextIsA = !nextIsA;
        return d;
    }

    private int[] load(long c) throws MetaException {
        long firstK = c * CHUNK_WORDS;
        long n = Math.min(CHUNK_WORDS, words - firstK);
        int[] out = new int[CHUNK_WORDS];
        if (n <= 0) {
            return out;
        }
        long firstWord = firstK * maxPeers;
        long lastWord = Math.min(totalWords, (firstK + n - 1) * maxPeers + maxPeers);
        int bytes = (int) ((lastWord - firstWord) * 4);
        byte[] raw = dev.read(bmAbs + firstWord * 4, bytes);
        ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        if (maxPeers == 1) {
            bb.asIntBuffer().get(out, 0, (int) n);
            return out;
        }
        for (int j = 0; j < n; j++) {
            out[j] = bb.getInt((j * maxPeers + slot) * 4);
        }
        return out;
    }
}
