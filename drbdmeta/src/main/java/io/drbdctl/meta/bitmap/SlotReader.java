package io.drbdctl.meta.bitmap;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.io.DeviceIo;

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
