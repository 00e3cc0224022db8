package io.drbdctl.config.parse;

import io.drbdctl.config.diag.Diagnostics;
import io.drbdctl.config.grammar.DrbdConfLexer;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Lexical checks the reference makes: over-long words and strings, unterminated strings. */
final class TokenCheck {
    private final String file;
    private final Diagnostics diags;

    TokenCheck(String file, Diagnostics diags) {
        this.file = file;
        this.diags = diags;
    }

    void check(List<Token> tokens) {
        java.util.ArrayDeque<Token> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i += 64) {
            check(tokens, i, Math.min(tokens.size(), i + 64), open);
        }
        if (!open.isEmpty()) {
            Token t = open.peekLast();
            diags.error(file, t.getLine(), t.getCharPositionInLine() + 1, "this '{' is never closed");
        }
    }

    /** A few tokens at a time: a method the JIT compiles early (a long loop runs interpreted for long). */
    private void check(List<Token> tokens, int from, int to, java.util.ArrayDeque<Token> open) {
        for (int i = from; i < to; i++) {
            check(tokens.get(i), open);
        }
    }

    /** One token; {@code open} holds the braces not closed yet. */
    private void check(Token t, java.util.ArrayDeque<Token> open) {
        if (t.getType() == DrbdConfLexer.LBRACE) {
            open.push(t);
        } else if (t.getType() == DrbdConfLexer.RBRACE) {
            if (open.isEmpty()) {
                diags.error(file, t.getLine(), t.getCharPositionInLine() + 1, "unmatched '}'");
            } else {
                open.pop();
            }
        }
        int type = t.getType();
        int col = t.getCharPositionInLine() + 1;
        if (type == DrbdConfLexer.STRING && length(t) > 128) {
            diags.error(file, t.getLine(), col, "token too long (more than 128 characters)");
        } else if (type == DrbdConfLexer.DQSTRING && t.getText().length() > 257) {
            diags.error(file, t.getLine(), col, "double quoted string too long (more than 255 characters)");
        } else if (type == DrbdConfLexer.UNTERMINATED_DQSTRING) {
            diags.error(file, t.getLine(), col, "unterminated double quoted string (no embedded newlines)");
        } else if (type == DrbdConfLexer.ELSE) {
            diags.error(file, t.getLine(), col, "unexpected character '" + ErrorListener.shorten(t.getText()) + "'");
        }
    }

    /** The token's length without copying its text. */
    private static int length(Token t) {
        return t.getStopIndex() - t.getStartIndex() + 1;
    }
}
