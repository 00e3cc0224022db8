package io.drbdctl.meta.cli;

import io.drbdctl.meta.MetaException;

/** Number parsing with the reference's error messages. */
final class NumberArgs {
    private NumberArgs() {
    }

    /** Parses a decimal number with an optional unit suffix (k, M, G; or s for sectors). */
    static long parse(String s, char defaultUnit) throws MetaException {
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digits || i < s.length() - 1) {
            throw notNumber(s);
        }
        long v;
        try {
            v = Long.parseLong(s.substring(0, i));
        } catch (NumberFormatException e) {
            throw notNumber(s);
        }
        char unit = i < s.length() ? s.charAt(i) : defaultUnit;
        long mult = switch (unit) {
            case 0 -> 1;
            case 's' -> 512;
            case 'k', 'K' -> 1024;
            case 'm', 'M' -> 1024L * 1024;
            case 'g', 'G' -> 1024L * 1024 * 1024;
            default -> throw notNumber(s);
        };
        return v * mult;
    }

    static MetaException notNumber(String s) {
        return new MetaException(MetaException.EXIT_DEVICE, s + " is not a valid number");
    }

    static long plain(String s) throws MetaException {
        return parse(s, (char) 0);
    }
}
