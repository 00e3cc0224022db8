package io.drbdctl.config.dump;

/** Indenting text output with the reference's column rules (4 spaces per level). */
final class Printer {
    private final StringBuilder out = new StringBuilder();
    int indent;

    void line(String s) {
        out.append(" ".repeat(4 * indent)).append(s).append('\n');
    }

    void raw(String s) {
        out.append(s);
    }

    void indentOnly() {
        out.append(" ".repeat(4 * indent));
    }

    /** Name padded to 24 - 4*indent columns, value right-aligned in 3, then ';'. */
    void attr(String name, String value) {
        indentOnly();
        out.append(pad(name, -24 + 4 * indent)).append(' ').append(pad(value, 3)).append(";\n");
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
            plain = Character.isLetterOrDigit(c) && c < 128 || c == '/' || c == '.' || c == '_' || c == '-';
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
