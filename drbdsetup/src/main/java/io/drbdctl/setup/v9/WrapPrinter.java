package io.drbdctl.setup.v9;

/**
 * drbd-utils' wrap_printf: pieces of a status line, each with the indentation a continuation
 * line gets; a piece that would pass the width starts a new line (without its leading
 * spaces). One instance per output.
 */
final class WrapPrinter {
    private final StringBuilder b = new StringBuilder();
    private final int columns;
    private int col;

    WrapPrinter(int columns) {
        this.columns = columns;
    }

    WrapPrinter print(int indent, String piece) {
        String s = piece;
        if (col + s.length() > columns) {
            b.append('\n');
            if (s.startsWith("\n")) {
                s = s.substring(1);
            }
            col = 0;
        }
        if (col == 0) {
            s = s.replaceFirst("^ +", "");
            col += indent;
            b.append(" ".repeat(indent));
        }
        b.append(s);
        col += s.length();
        if (s.endsWith("\n")) {
            col = 0;
        }
        return this;
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
