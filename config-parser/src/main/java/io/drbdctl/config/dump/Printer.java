package io.drbdctl.config.dump;

/** Indenting text output with the reference's column rules (4 spaces per level). */
final class Printer {
    private final StringBuilder out = new StringBuilder(1 << 12);
    int indent;

    void line(String s) {
        indentOnly();
        out.append(s).append('\n');
    }

    /** A line of several parts (no string of them all). */
    void line(String... parts) {
        indentOnly();
        for (String s : parts) {
            out.append(s);
        }
        out.append('\n');
    }

    void raw(String s) {
        out.append(s);
    }

    void indentOnly() {
        spaces(4 * indent);
    }

    private static final String SPACES = " ".repeat(64);

    private void spaces(int n) {
        for (; n > SPACES.length(); n -= SPACES.length()) {
            out.append(SPACES);
        }
        if (n > 0) {
            out.append(SPACES, 0, n);
        }
    }

    /** Name padded to 24 - 4*indent columns, value right-aligned in 3, then ';'. */
    void attr(String name, String value) {
        indentOnly();
        padded(name, -24 + 4 * indent);
        out.append(' ');
        padded(value, 3);
        out.append(";\n");
    }

    /** Appends {@code s} as {@link #pad} formats it. */
    void padded(String s, int width) {
        int fill = Math.abs(width) - s.length();
        if (width > 0) {
            spaces(fill);
        }
        out.append(s);
        if (width < 0) {
            spaces(fill);
        }
    }

    /** The text so far; {@link #drainTo} empties it. */
    int length() {
        return out.length();
    }

    /** Passes the text so far to {@code sink} and starts anew (big dumps go out in pieces). */
    void drainTo(java.util.function.Consumer<CharSequence> sink) {
        sink.accept(out);
        out.setLength(0);
    }

    /** printf("%*s") semantics: negative width left-aligns, positive right-aligns. */
    static String pad(String s, int width) {
        int w = Math.abs(width);
        if (s.length() >= w) {
            return s;
        }
        String sp = " ".repeat(w - s.length());
        return width < 0 ? s + sp : sp + s;
    }

    /** Quotes a value unless it consists only of [a-zA-Z0-9/._-] and is at most 80 chars. */
    static String esc(String s) {
        if (s == null || s.isEmpty()) {
            return "\"\"";
        }
        boolean plain = s.length() <= 80;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '.'
                    || c == '_' || c == '-';
        }
        if (plain) {
            return s;
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
