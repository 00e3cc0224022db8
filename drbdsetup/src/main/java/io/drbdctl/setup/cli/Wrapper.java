package io.drbdctl.setup.cli;

/**
 * Line wrapping the way drbdsetup's wrap_printf does it: a piece that does not fit in the
 * remaining columns starts a new line, indented; leading blanks of a piece are dropped at the
 * start of a line. Not thread-safe; one per output.
 */
public final class Wrapper {
    private final StringBuilder out = new StringBuilder();
    private final int columns;
    private int col;

    public Wrapper(int columns) {
        this.columns = columns;
    }

    public Wrapper() {
        this(80);
    }

    public Wrapper print(int indent, String piece) {
        String s = piece;
        if (col + s.length() > columns) {
            out.append('\n');
            if (s.startsWith("\n")) {
                s = s.substring(1);
            }
            col = 0;
        }
        if (col == 0) {
            s = s.replaceFirst("^ +", "");
            col += indent;
            out.append(" ".repeat(indent));
        }
        out.append(s);
        col += s.length();
        int nl = s.lastIndexOf('\n');
        if (nl >= 0 && nl == s.length() - 1) {
            col = 0;
        }
        return this;
    }

    public String text() {
        return out.toString();
    }
}
