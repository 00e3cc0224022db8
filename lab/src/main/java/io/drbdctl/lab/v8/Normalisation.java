package io.drbdctl.lab.v8;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named rewrite of a text before two runs are compared: only what must differ
 * between two correct runs is rewritten, on both sides alike.
 *
 * @param name        short name, printed with every comparison
 * @param description what it rewrites and why
 * @param rewrite     the rewrite of the whole text
 */
public record Normalisation(String name, String description, UnaryOperator<String> rewrite) {

    private static final Pattern UUID = Pattern.compile("\\b[0-9A-F]{16}\\b");

    public String apply(String text) {
        return rewrite.apply(text);
    }

    /**
     * gi-uuid: DRBD generation UUIDs are random (new-current-uuid, primary --force). Each
     * distinct UUID (lowest bit ignored) becomes "UUID-k" in order of first appearance, so
     * equal UUIDs stay equal and a UUID that moves from current to bitmap or history still
     * shows. The lowest bit is the kernel's primary flag only in the current UUID (the
     * first of a "C:B:H1:H2" group): kept there as ".0"/".1", random elsewhere. Small
     * constants (0, 4 = "just created") are kept.
     */
    public static Normalisation generationUuids() {
        return new Normalisation("gi-uuid", "random generation UUIDs numbered in order of appearance",
                text -> {
                    Map<Long, Integer> seen = new HashMap<>();
                    Matcher m = UUID.matcher(text);
                    StringBuilder sb = new StringBuilder();
                    while (m.find()) {
                        long v = Long.parseUnsignedLong(m.group(), 16);
                        boolean current = m.start() == 0 || text.charAt(m.start() - 1) != ':';
                        String r = (v >>> 8) == 0 ? m.group()
                                : "UUID-" + seen.computeIfAbsent(v & ~1L, k -> seen.size() + 1)
                                        + (current ? "." + (v & 1) : "");
                        m.appendReplacement(sb, r);
                    }
                    m.appendTail(sb);
                    return sb.toString();
                });
    }

    /**
     * tool-paths: the command lines a scenario logs ("=== [n] $ TOOL ARGS", "### background
     * [tag] $ TOOL ARGS") name the binary that ran; ours is written as the reference's.
     * Only those header lines: a tool path anywhere else (e.g. in drbdadm -d output) is output.
     */
    public static Normalisation toolPaths(Map<String, String> oursToReference) {
        return new Normalisation("tool-paths", "our binaries' paths in logged command lines read as the reference's " + oursToReference.keySet(),
                text -> text.lines().map(l -> {
                    if (!(l.startsWith("=== [") || l.startsWith("### background ["))) {
                        return l;
                    }
                    String out = l;
                    for (Map.Entry<String, String> e : oursToReference.entrySet()) {
                        if (!e.getKey().equals(e.getValue())) {
                            out = out.replace("$ " + e.getKey() + " ", "$ " + e.getValue() + " ");
                        }
                    }
                    return out;
                }).reduce(new StringBuilder(), (sb, l) -> sb.append(l).append('\n'), StringBuilder::append).toString());
    }

    public static String applyAll(List<Normalisation> list, String text) {
        String t = text;
        for (Normalisation n : list) {
            t = n.apply(t);
        }
        return t;
    }

    public static String names(List<Normalisation> list) {
        return list.isEmpty() ? "none" : String.join(", ", list.stream().map(Normalisation::name).toList());
    }
}
