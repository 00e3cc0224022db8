package io.drbdctl.lab.v8;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the requests of two captures of the same scenario, command by command
 * (aligned on the markers), in their canonical text ({@link NlCapture}).
 */
public final class RequestComparison {
    private RequestComparison() {
    }

    /** Empty when every command sent the same requests; otherwise a report per differing command. */
    public static String compare(NlCapture expected, NlCapture actual, String expectedName, String actualName) {
        Set<String> keys = new LinkedHashSet<>(expected.segments().keySet());
        keys.addAll(actual.segments().keySet());
        StringBuilder sb = new StringBuilder();
        int differing = 0;
        for (String key : keys) {
            NlCapture.Segment e = expected.segments().get(key);
            NlCapture.Segment a = actual.segments().get(key);
            if (e == null || a == null) {
                differing++;
                NlCapture.Segment present = e == null ? a : e;
                sb.append(key).append(": ").append(present.title()).append("\n  only in ")
                        .append(e == null ? actualName : expectedName).append(" (")
                        .append(present.requests().size()).append(" requests)\n");
                continue;
            }
            List<String> el = lines(e.requests());
            List<String> al = lines(a.requests());
            if (!el.equals(al)) {
                differing++;
                sb.append(key).append(": ").append(e.title()).append('\n')
                        .append(indent(TextDiff.diff(el, al, 3, l -> l.startsWith("request "))));
            }
        }
        if (differing == 0) {
            return "";
        }
        return "requests of " + differing + " of " + keys.size() + " commands differ (-" + expectedName
                + " +" + actualName + "; seq and port ids masked, family ids named):\n" + sb;
    }

    private static List<String> lines(List<String> requests) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            out.add("request " + (i + 1) + ":");
            out.addAll(requests.get(i).lines().toList());
        }
        return out;
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
    }
}
