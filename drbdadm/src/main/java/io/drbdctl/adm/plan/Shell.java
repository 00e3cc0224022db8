package io.drbdctl.adm.plan;

/** Backslash-escapes every character outside {@code [A-Za-z0-9%+-./:=@_]}, as drbd-utils prints. */
public final class Shell {
    private Shell() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean clean = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "%+-./:=@_".indexOf(c) >= 0;
            if (!clean) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
