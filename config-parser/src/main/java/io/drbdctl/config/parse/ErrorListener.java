package io.drbdctl.config.parse;

import io.drbdctl.config.diag.Diagnostics;
import io.drbdctl.config.diag.Suggest;
import io.drbdctl.config.grammar.DrbdConfLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Turns ANTLR syntax errors into {@code FILE:LINE:COL: error: message} diagnostics. */
final class ErrorListener extends BaseErrorListener {
    private final String file;
    private final Diagnostics diags;
    /** Line of the last syntax error: follow-on errors of the same line are not reported. */
    private int lastLine = -1;

    ErrorListener(String file, Diagnostics diags) {
        this.file = file;
        this.diags = diags;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                            RecognitionException e) {
        if (line == lastLine) {
            return;
        }
        lastLine = line;
        String text = msg;
        if (offending instanceof Token t) {
            String exp = expecting(msg);
            if (t.getType() == Token.EOF) {
                text = "unexpected end of file: a '}' is missing (unbalanced braces)";
            } else if (t.getText().equals("}") && exp.contains(" ;")) {
                text = "missing ';' before '}'";
            } else if (t.getText().equals("{") && recognizer instanceof Parser p
                    && p.getTokenStream().LT(-1) != null
                    && p.getTokenStream().LT(-1).getType() == DrbdConfLexer.STRING) {
                Token prev = p.getTokenStream().LT(-1);
                diags.error(file, prev.getLine(), prev.getCharPositionInLine() + 1, "unknown section '"
                        + shorten(prev.getText()) + "'" + Suggest.hint(prev.getText(), keywords()));
                return;
            } else {
                text = "unexpected '" + shorten(t.getText()) + "'" + exp;
                if (t.getType() == DrbdConfLexer.STRING) {
                    text += Suggest.hint(t.getText(), keywords());
                }
            }
        } else if (msg.startsWith("token recognition error")) {
            return;
        }
        diags.error(file, line, col + 1, text);
    }

    /** ", expecting X" when the parser expected few alternatives; long lists are no help. */
    private static String expecting(String msg) {
        int i = msg.indexOf("expecting ");
        if (i < 0) {
            return "";
        }
        String list = msg.substring(i + 10).replace("'", "").replace("{", "").replace("}", "");
        List<String> items = new ArrayList<>();
        for (String it : list.split(", ")) {
            String n = switch (it) {
                case "NUM" -> "a number";
                case "STRING", "DQSTRING" -> "a word";
                case "IPV4ADDR" -> "an IPv4 address";
                case "IPV6ADDR" -> "an IPv6 address";
                case "KMODVERS" -> "a version";
                case "<EOF>" -> "end of file";
                default -> it;
            };
            if (!n.isBlank() && !items.contains(n)) {
                items.add(n);
            }
        }
        if (items.size() > 6) {
            return items.contains(";") ? ", expecting ;" : "";
        }
        return ", expecting " + String.join(" | ", items);
    }

    /** The language's keywords, from the lexer's vocabulary. */
    static List<String> keywords() {
        List<String> out = new ArrayList<>();
        Vocabulary v = DrbdConfLexer.keywordVocabulary();
        for (int i = 0; i <= v.getMaxTokenType(); i++) {
            String lit = v.getLiteralName(i);
            if (lit != null && lit.length() > 3 && Character.isLetter(lit.charAt(1))) {
                out.add(lit.substring(1, lit.length() - 1));
            }
        }
        out.add("protocol");
        return out;
    }

    static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }
}
