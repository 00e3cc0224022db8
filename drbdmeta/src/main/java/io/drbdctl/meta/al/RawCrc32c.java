package io.drbdctl.meta.al;

import java.util.zip.CRC32C;

/**
 * CRC32C (Castagnoli) as the activity log uses it: initial value 0 and no final inversion. This
 * differs from {@link java.util.zip.CRC32C}, which starts from and inverts with 0xFFFFFFFF, but
 * follows from it: the CRC is linear in the initial value and the data, so the raw CRC of some
 * bytes is the JDK's CRC of them XOR the JDK's CRC of as many zero bytes. The JDK's is an
 * intrinsic even in the interpreter, which matters where every drbdadm up replays a log.
 */
public final class RawCrc32c {
    private static final int BLOCK = 4096;
    private static final int ZEROS_BLOCK = jdk(new byte[BLOCK], 0, BLOCK);

    private RawCrc32c() {
    }

    /** Raw CRC32C of {@code len} bytes starting at {@code off}. */
    public static int of(byte[] data, int off, int len) {
        return jdk(data, off, len) ^ (len == BLOCK ? ZEROS_BLOCK : jdk(new byte[len], 0, len));
    }

    public static int of(byte[] data) {
        return of(data, 0, data.length);
    }

    private static int jdk(byte[] data, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(data, off, len);
        return (int) c.getValue();
    }
}
