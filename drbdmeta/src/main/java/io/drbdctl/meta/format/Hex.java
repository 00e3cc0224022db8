package io.drbdctl.meta.format;

/** Upper-case, zero-padded hexadecimal as drbdmeta prints it ({@code %016X}, {@code %08X}). */
public final class Hex {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    /** 16 hex digits. */
    public static String u64(long v) {
        return digits(v, 16);
    }

    /** 8 hex digits. */
    public static String u32(int v) {
        return digits(v & 0xFFFFFFFFL, 8);
    }

    private static String digits(long v, int n) {
        char[] c = new char[n];
        for (int i = n - 1; i >= 0; i--) {
            c[i] = DIGITS[(int) (v & 0xF)];
            v >>>= 4;
        }
        return new String(c);
    }
}
