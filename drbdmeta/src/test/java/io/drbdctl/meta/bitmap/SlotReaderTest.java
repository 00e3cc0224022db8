package io.drbdctl.meta.bitmap;

import io.drbdctl.meta.io.DeviceIo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Run counting over a sparse file against a plain count of the same words: long runs (read in
 * bulk, ahead, holes skipped), runs ending just before and after the bulk threshold and at chunk
 * borders, set words far behind a hole, interleaved peers.
 */
class SlotReaderTest {
    private static final long AREA_WORDS = 48L << 20 >> 2;
    private static final long BM_ABS = 1 << 20;

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void runsCountLikeAPlainScan(int peers, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("bm.img");
        int[] words = new int[(int) AREA_WORDS];
        Random rnd = new Random(42 + peers);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(BM_ABS + AREA_WORDS * 4 + (1 << 20));
            // far words behind holes, a long run of ones over a chunk border, short runs near the threshold
            set(f, words, 5_000_000, 0x10);
            fill(f, words, (1 << 22) - 3000, (1 << 22) + 9000, -1);
            fill(f, words, 9_000_000, 9_000_000 + 4096 * peers, 7);
            fill(f, words, 10_000_000, 10_000_000 + 4095 * peers, 7);
            fill(f, words, 11_000_000, 11_000_000 + 4097 * peers + 1, 7);
            for (int i = 0; i < 50; i++) {
                set(f, words, 11_500_000 + rnd.nextInt(500_000), rnd.nextInt());
            }
            set(f, words, (int) AREA_WORDS - 1, 1);
        }
        try (DeviceIo dev = DeviceIo.open(file)) {
            for (int slot = 0; slot < peers; slot++) {
                SlotReader r = new SlotReader(dev, BM_ABS, AREA_WORDS, peers, slot);
                long n = r.words();
                for (long k = 0; k < n; ) {
                    int w = r.get(k);
                    assertEquals(words[(int) (k * peers + slot)], w, "word " + k + " of slot " + slot);
                    long run = r.countEqual(k, w, n);
                    assertEquals(plainRun(words, peers, slot, k, n), run, "run at " + k + " of slot " + slot);
                    k += run;
                }
            }
        }
    }

    private static long plainRun(int[] words, int peers, int slot, long k, long n) {
        int w = words[(int) (k * peers + slot)];
        long p = k;
        while (p < n && words[(int) (p * peers + slot)] == w) {
            p++;
        }
        return p - k;
    }

    private static void set(RandomAccessFile f, int[] words, int i, int w) throws Exception {
        fill(f, words, i, i + 1, w);
    }

    private static void fill(RandomAccessFile f, int[] words, int from, int to, int w) throws Exception {
        ByteBuffer b = ByteBuffer.allocate((to - from) * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < to; i++) {
            words[i] = w;
            b.putInt(w);
        }
        f.seek(BM_ABS + from * 4L);
        f.write(b.array());
    }
}
