package io.drbdctl.adm.cmd;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes big outputs (dumps, plans) to a print stream: ASCII text, the usual, as its bytes,
 * which are the same in every charset a terminal uses, without the stream's char encoder;
 * other text through the stream's charset.
 */
final class TextOut {
    private TextOut() {
    }

    static void print(PrintStream out, CharSequence text) {
        String s = text.toString();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length == s.length()) {
            out.write(b, 0, b.length);
        } else {
            out.print(s);
        }
    }
}
