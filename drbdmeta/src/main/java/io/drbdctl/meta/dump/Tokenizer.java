package io.drbdctl.meta.dump;

import io.drbdctl.meta.MetaException;

import java.io.IOException;
import java.io.Reader;
import java.io.PrintStream;

/** Scanner for the dump-md / restore-md text format. */
final class Tokenizer {
    enum Kind { WORD, U64, U32, NUM, STRING, PUNCT, EOF, BAD }

    record Token(Kind kind, String text, int line) {
        long asLong() {
            return kind == Kind.NUM ? Long.parseLong(text) : Long.parseUnsignedLong(text.substring(2), 16);
        }
    }

    private final Reader in;
    private final PrintStream err;
    private int peeked = -2;
    private int line = 1;

    Tokenizer(Reader in, PrintStream err) {
        this.in = in;
        this.err = err;
    }

    int line() {
        return line;
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private static boolean wordChar(int c) {
        return c >= 0 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '\'');
    }

    Token next() throws MetaException {
        try {
            return scan();
        } catch (IOException e) {
            throw new MetaException(MetaException.EXIT_PARSE, "read error: " + e.getMessage(), e);
        }
    }

    private Token scan() throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                return new Token(Kind.EOF, "", line);
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (c == '#') {
                while (c >= 0 && c != '\n') {
                    c = read();
                }
                if (c == '\n') {
                    line++;
                }
                continue;
            }
            if ("{};[]".indexOf(c) >= 0) {
                return new Token(Kind.PUNCT, String.valueOf((char) c), line);
            }
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                int d;
                while ((d = read()) >= 0 && d != '"' && d != '\n') {
                    sb.append((char) d);
                }
                if (d == '"' && sb.length() >= 1 && sb.length() <= 20) {
                    return new Token(Kind.STRING, sb.toString(), line);
                }
                return bad("\"" + sb);
            }
            StringBuilder sb = new StringBuilder().append((char) c);
            while (wordChar(peek())) {
                sb.append((char) read());
            }
            return classify(sb.toString());
        }
    }

    private Token classify(String w) {
        if (w.startsWith("0x") || w.startsWith("0X")) {
            String h = w.substring(2);
            boolean hex = !h.isEmpty() && h.chars().allMatch(ch -> Character.digit(ch, 16) >= 0);
            if (hex && h.length() == 16) {
                return new Token(Kind.U64, w, line);
            }
            if (hex && h.length() == 8) {
                return new Token(Kind.U32, w, line);
            }
            err.println("line " + line + ": invalid hex number (only 8 or 16 hex digits accepted): " + w + " ...");
            return new Token(Kind.BAD, w, line);
        }
        String d = w.startsWith("-") ? w.substring(1) : w;
        if (!d.isEmpty() && d.chars().allMatch(Character::isDigit)) {
            if (d.length() <= 19) {
                return new Token(Kind.NUM, w, line);
            }
            return bad(w);
        }
        if (Parser.KEYWORDS.contains(w)) {
            return new Token(Kind.WORD, w, line);
        }
        return bad(w);
    }

    private Token bad(String w) {
        err.println("line " + line + ": unknown token: " + w + " ...");
        return new Token(Kind.BAD, w, line);
    }
}
