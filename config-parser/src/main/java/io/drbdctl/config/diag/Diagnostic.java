package io.drbdctl.config.diag;

/** A problem in a configuration file, with its position (line and column start at 1). */
public record Diagnostic(String file, int line, int column, Severity severity, String message) {

    /** {@code FILE:LINE:COL: error|warning: message}. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    }

    public String toJson() {
        return "{\"file\":" + quote(file) + ",\"line\":" + line + ",\"column\":" + column
                + ",\"severity\":\"" + severity.label() + "\",\"message\":" + quote(message) + "}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
