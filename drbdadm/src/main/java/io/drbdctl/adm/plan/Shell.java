package io.drbdctl.adm.plan;

/** Backslash-escapes every character outside {@code [A-Za-z0-9%+-./:=@_]}, as drbd-utils prints. */
public final class Shell {
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

    private static boolean clean(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '%' || c == '+'
                || c == '-' || c == '.' || c == '/' || c == ':' || c == '=' || c == '@' || c == '_';
    }
}
