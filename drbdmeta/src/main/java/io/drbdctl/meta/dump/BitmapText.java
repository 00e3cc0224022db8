package io.drbdctl.meta.dump;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.bitmap.SlotReader;

/**
 * The dump-md encoding of one bitmap slot: 64-bit values four per line, long runs of equal
 * values (whose two 32-bit halves are equal too) collapsed to "N times 0x...", and an
 * "# at NkB" marker at certain line starts.
 */
public final class BitmapText {
    private BitmapText() {
    }

    /** Result of encoding one slot: number of set bits seen. */
    public record Stats(long bitsSet) {
    }

    public static Stats write(StringBuilderSink out, SlotReader r, int maxPeers) throws MetaException {
        long n = r.words();
        long bits = 0;
        long k = 0;
        int low = 0;
        out.append("{");
        while (k < n) {
            if (k % 8 == 0) {
                if ((k * maxPeers) % 64 == 0) {
                    out.append("\n   # at ").append(Long.toString(128 * k * maxPeers)).append("kB\n   ");
                } else {
                    out.append("\n   ");
                }
                int w = r.get(k);
                long t = r.countEqual(k, w, n) / 8 * 8;
                if (t > 8) {
                    bits += t * Integer.bitCount(w);
                    String hex = hex8(w);
                    out.append(" ").append(Long.toString(t / 2)).append(" times 0x").append(hex).append(hex).append(";");
                    k += t;
                    continue;
                }
            }
            int w = r.get(k);
            bits += Integer.bitCount(w);
            if (k % 2 == 0) {
                low = w;
            } else {
                out.append(" 0x").append(hex8(w)).append(hex8(low)).append(";");
            }
            k++;
        }
        // an unpaired last 32-bit word is not printed (drbdmeta 9.22 behaviour)
        out.append("\n}\n");
        return new Stats(bits);
    }

    static String hex8(int w) {
        return io.drbdctl.meta.format.Hex.u32(w);
    }

    /** Minimal append target so that large dumps can stream to a PrintStream. */
    public interface StringBuilderSink {
        StringBuilderSink append(String s);
    }
}
