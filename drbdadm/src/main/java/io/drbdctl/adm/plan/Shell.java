package io.drbdctl.adm.plan;

/** Backslash-escapes every character outside {@code [A-Za-z0-9%+-./:=@_]}, as drbd-utils prints. */
public final class Shell {
    /** The characters printed as they are, by code (a table: this runs for every character printed). */
    private static final boolean[] CLEAN = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            CLEAN[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '%' || c == '+'
                    || c == '-' || c == '.' || c == '/' || c == ':' || c == '=' || c == '@' || c == '_';
        }
    }

    private Shell() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        int i = 0;
        while (i < s.length() && clean(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            // the usual case: nothing to escape, no copy
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!clean(c)) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Appends {@code s} escaped (null as nothing) to {@code b}. */
    public static StringBuilder appendEscaped(StringBuilder b, String s) {
        if (s == null) {
            return b;
        }
        int n = s.length();
        int i = 0;
        char first;
        while (i < n && (first = s.charAt(i)) < 128 && CLEAN[first]) {
            i++;
        }
        if (i == n) {
            // the usual case: nothing to escape, one copy
            return b.append(s);
        }
        b.append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!clean(c)) {
                b.append('\\');
            }
            b.append(c);
        }
        return b;
    }

    private static boolean clean(char c) {
        return c < 128 && CLEAN[c];
    }
}
