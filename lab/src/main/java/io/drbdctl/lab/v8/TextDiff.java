package io.drbdctl.lab.v8;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A line diff (longest common subsequence) printed as unified-style hunks:
 * "-" lines only in the expected text, "+" lines only in the actual one, with context.
 */
public final class TextDiff {
    private TextDiff() {
    }

    /** Empty when equal; otherwise the hunks. */
    public static String diff(List<String> expected, List<String> actual, int context) {
        return diff(expected, actual, context, line -> false);
    }

    /**
     * Like {@link #diff(List, List, int)}; each hunk is preceded by the last expected
     * line before it that matches {@code heading} (e.g. the command a change belongs to).
     */
    public static String diff(List<String> expected, List<String> actual, int context, Predicate<String> heading) {
        List<String> ops = script(expected, actual);
        if (ops.stream().allMatch(o -> o.charAt(0) == ' ')) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        List<Integer> changed = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k).charAt(0) != ' ') {
                changed.add(k);
            }
        }
        int g = 0;
        while (g < changed.size()) {
            int first = changed.get(g);
            int last = first;
            while (g + 1 < changed.size() && changed.get(g + 1) - last <= 2 * context + 1) {
                last = changed.get(++g);
            }
            g++;
            int start = Math.max(0, first - context);
            int end = Math.min(ops.size(), last + context + 1);
            String head = headingBefore(ops, first, heading);
            sb.append("@@ ").append(head == null ? "" : head).append('\n');
            for (int k = start; k < end; k++) {
                sb.append(ops.get(k)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String headingBefore(List<String> ops, int index, Predicate<String> heading) {
        for (int k = Math.min(index, ops.size() - 1); k >= 0; k--) {
            String o = ops.get(k);
            if (o.charAt(0) != '+' && heading.test(o.substring(1))) {
                return o.substring(1);
            }
        }
        return null;
    }

    /** The edit script: each line prefixed with ' ', '-' or '+'. */
    static List<String> script(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        // trim the common head and tail: captures and logs differ in few places
        int head = 0;
        while (head < n && head < m && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && a.get(n - 1 - tail).equals(b.get(m - 1 - tail))) {
            tail++;
        }
        List<String> ma = a.subList(head, n - tail);
        List<String> mb = b.subList(head, m - tail);
        int[][] lcs = new int[ma.size() + 1][mb.size() + 1];
        for (int x = ma.size() - 1; x >= 0; x--) {
            for (int y = mb.size() - 1; y >= 0; y--) {
                lcs[x][y] = ma.get(x).equals(mb.get(y)) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            out.add(" " + a.get(k));
        }
        int x = 0;
        int y = 0;
        while (x < ma.size() || y < mb.size()) {
            if (x < ma.size() && y < mb.size() && ma.get(x).equals(mb.get(y))) {
                out.add(" " + ma.get(x++));
                y++;
            } else if (y < mb.size() && (x == ma.size() || lcs[x][y + 1] > lcs[x + 1][y])) {
                out.add("+" + mb.get(y++));
            } else {
                out.add("-" + ma.get(x++));
            }
        }
        for (int k = n - tail; k < n; k++) {
            out.add(" " + a.get(k));
        }
        return out;
    }
}
