package io.drbdctl.setup.v9;

import java.math.BigInteger;

/**
 * A numeric option value as drbd-utils 9.22 reads it (new_strtoll): decimal digits, then at most
 * one unit suffix K, M, G (binary powers, either case) or s (512-byte sectors), relative to the
 * option's scale ('1' none, 'k' KiB, 's' sectors); converting to a coarser unit rounds up.
 * Signed options take a leading minus.
 *
 * @param value the value in the option's scale (valid if {@code error} is null)
 * @param error 9.22's complaint ("X is not a valid number", "X: out of range"), or null
 */
record V9Number(long value, String error) {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    static V9Number parse(String s, char scale, boolean signed) {
        int shift = switch (scale) {
            case 'k', 'K' -> -10;
            case 's' -> -9;
            default -> 0;
        };
        if (s.isEmpty()) {
            return new V9Number(0, "missing number argument");
        }
        int i = 0;
        boolean negative = false;
        if (signed && s.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == start || s.length() - i > 1) {
            return bad(s);
        }
        BigInteger v = new BigInteger(s.substring(start, i));
        if (v.compareTo(U64_MAX) > 0) {
            return new V9Number(0, s + ": out of range");
        }
        if (i == s.length()) {
            shift = 0; // a bare number is in the option's scale
        } else {
            switch (s.charAt(i)) {
                case 'K', 'k' -> shift += 10;
                case 'M', 'm' -> shift += 20;
                case 'G', 'g' -> shift += 30;
                case 's' -> shift += 9;
                default -> {
                    return bad(s);
                }
            }
        }
        if (shift < 0) {
            BigInteger unit = BigInteger.ONE.shiftLeft(-shift);
            v = v.add(unit).subtract(BigInteger.ONE).shiftRight(-shift);
        } else if (shift > 0) {
            v = v.shiftLeft(shift);
            if (v.compareTo(U64_MAX) > 0) {
                return new V9Number(0, s + ": out of range");
            }
        }
        if (v.bitLength() > 63) {
            return new V9Number(0, s + ": out of range");
        }
        return new V9Number(negative ? -v.longValue() : v.longValue(), null);
    }

    private static V9Number bad(String s) {
        return new V9Number(0, s + " is not a valid number");
    }

    boolean ok() {
        return error == null;
    }
}
