package io.drbdctl.meta.support;

/** Exit status and captured output of one drbdmeta run. */
public record RunResult(int rc, String out, String err) {

    /** Output with the given path replaced by a placeholder, for comparing runs on different files. */
    public RunResult normalized(String path) {
        return new RunResult(rc, out.replace(path, "<dev>"), err.replace(path, "<dev>"));
    }

    /** dump-md output without the time stamp and host/argv header lines. */
    public String dumpBody() {
        String[] lines = out.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == 1 || i == 2) {
                continue;
            }
            sb.append(lines[i]);
            if (i < lines.length - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
