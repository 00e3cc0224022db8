package io.drbdctl.meta.al;

/**
 * CRC32C (Castagnoli, reflected polynomial 0x82F63B78) as the activity log uses it: initial value 0
 * and no final inversion. This differs from {@link java.util.zip.CRC32C}, which starts from and
 * inverts with 0xFFFFFFFF.
 */
public final class RawCrc32c {
    private static final int[] TABLE = buildTable();

    private RawCrc32c() {
    }

    private static int[] buildTable() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
            }
            t[i] = c;
        }
        return t;
    }

    /** Raw CRC32C of {@code len} bytes starting at {@code off}, seeded with {@code crc}. */
    public static int update(int crc, byte[] data, int off, int len) {
        int c = crc;
        for (int i = off; i < off + len; i++) {
            c = TABLE[(c ^ data[i]) & 0xFF] ^ (c >>> 8);
        }
        return c;
    }

    public static int of(byte[] data) {
        return update(0, data, 0, data.length);
    }
}
