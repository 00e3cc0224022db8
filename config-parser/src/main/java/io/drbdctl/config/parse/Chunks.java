package io.drbdctl.config.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A prescan that cuts a big file into pieces of whole top-level statements, which are lexed and
 * parsed one by one (and on two threads): at a line end after a '}' or ';' outside any braces,
 * comments and double-quoted strings, once a piece has {@code size} characters. Each piece
 * starts at column 1 of a line, where the lexer starts a token in any case, so lexing the pieces
 * gives the tokens of the whole file. Whether a cut really ends a statement is up to the parser:
 * a piece that does not parse makes the loader read the rest of the file in one go.
 */
final class Chunks {
    /** Characters per piece: about 280 two-host resources. */
    static final int SIZE = 48 * 1024;

    /** A piece: text from {@code start} to {@code end}, starting at column 1 of {@code line}. */
    record Chunk(int start, int end, int line) {
    }

    private Chunks() {
    }

    /** The pieces of {@code text}: one (the whole text) unless it has more than two pieces' worth. */
    static List<Chunk> split(String text, int size) {
        List<Chunk> out = new ArrayList<>();
        if (text.length() < 2 * size) {
            out.add(new Chunk(0, text.length(), 1));
            return out;
        }
        int depth = 0;
        int line = 1;
        int start = 0;
        int startLine = 1;
        byte last = 0;
        // the text as Latin-1 bytes, one per char (others become '?', which is not special here):
        // a byte array scans faster than charAt
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int n = b.length;
        for (int i = 0; i < n; i++) {
            byte c = b[i];
            switch (c) {
                case '\n' -> {
                    line++;
                    if (depth == 0 && (last == '}' || last == ';') && i + 1 - start >= size && n - i - 1 >= size) {
                        out.add(new Chunk(start, i + 1, startLine));
                        start = i + 1;
                        startLine = line;
                    }
                }
                case ' ', '\t', '\r' -> {
                }
                case '#' -> {
                    // a comment, up to the line end
                    while (i + 1 < n && b[i + 1] != '\n') {
                        i++;
                    }
                }
                case '"' -> {
                    // a string ends at its quote; at a line end it is unterminated (and takes it)
                    i++;
                    while (i < n && b[i] != '"' && b[i] != '\n') {
                        if (b[i] == '\\' && i + 1 < n && b[i + 1] != '\n') {
                            i++;
                        }
                        i++;
                    }
                    if (i < n && b[i] == '\n') {
                        line++;
                    }
                    last = c;
                }
                case '{' -> {
                    depth++;
                    last = c;
                }
                case '}' -> {
                    depth = Math.max(0, depth - 1);
                    last = c;
                }
                default -> last = c;
            }
        }
        out.add(new Chunk(start, n, startLine));
        return out;
    }
}
