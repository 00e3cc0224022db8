package io.drbdctl.config.parse;

import io.drbdctl.config.diag.Suggest;
import io.drbdctl.config.options.OptionDef;

/** Checks one option value against its table row; returns a message or null. */
public final class ValueCheck {
    private ValueCheck() {
    }

    public static String check(OptionDef d, String raw) {
        String v = OptionReader.unquote(raw);
        switch (d.type()) {
            case BOOLEAN:
                return v.equals("yes") || v.equals("no") ? null
                        : "value '" + v + "' for " + d.name() + " is not 'yes' or 'no'";
            case ENUM:
                for (String e : d.enumValues()) {
                    if (d.name().equals("protocol") ? e.equalsIgnoreCase(v) : e.equals(v)) {
                        return null;
                    }
                }
                return "value '" + v + "' for " + d.name() + " is not valid" + Suggest.hint(v, d.enumValues())
                        + "; allowed: " + String.join(" | ", d.enumValues());
            case ENUM_NUM:
                if (d.enumValues().contains(v)) {
                    return null;
                }
                return numeric(d, v);
            case NUMERIC:
                return numeric(d, v);
            default:
                return null;
        }
    }

    private static String numeric(OptionDef d, String v) {
        Long n = scaled(v, d.scale());
        if (n == null) {
            return "value '" + v + "' for " + d.name() + " is not a number";
        }
        String unit = d.scale() == '1' ? "" : String.valueOf(d.scale());
        if (d.min() != null && n < d.min() || d.max() != null && n > d.max()) {
            return d.name() + " " + v + " => " + n + unit + " out of range [" + (d.min() == null ? 0 : d.min())
                    + ".." + (d.max() == null ? "" : d.max()) + "]" + unit;
        }
        return null;
    }

    /** Number with optional unit suffix (K, M, G, s) converted to the option's scale. */
    public static Long scaled(String v, char scale) {
        if (v.length() <= 9 && isDigits(v)) {
            // the usual case: a plain number, no unit (no substring, no parse exception path)
            return (long) Integer.parseInt(v);
        }
        int i = 0;
        while (i < v.length() && Character.isDigit(v.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 18 || v.length() - i > 1) {
            return null;
        }
        long n = Long.parseLong(v.substring(0, i));
        if (i == v.length()) {
            return n;
        }
        long m = factor(v.charAt(i));
        if (m < 0) {
            return null;
        }
        long s = factor(scale == '1' ? 'b' : scale);
        return n * m / s;
    }

    /** Non-empty and digits only (as {@link Character#isDigit} has them). */
    public static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static long factor(char c) {
        return switch (c) {
            case 'b' -> 1;
            case 's', 'S' -> 512;
            case 'k', 'K' -> 1024;
            case 'm', 'M' -> 1024L * 1024;
            case 'g', 'G' -> 1024L * 1024 * 1024;
            default -> -1;
        };
    }
}
