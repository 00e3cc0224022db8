package io.drbdctl.setup.v9;

/** drbd-utils' double quoting of strings in "show" output (backslash and quote escaped). */
final class V9Quote {
    private V9Quote() {
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
