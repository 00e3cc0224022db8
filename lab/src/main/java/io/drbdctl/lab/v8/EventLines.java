package io.drbdctl.lab.v8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines of {@code drbdsetup-84 events} ("SEQ TYPE MINOR,RES[VOL] ..." or "SEQ R - RES")
 * split by the resource they belong to, each resource's lines in their order.
 */
final class EventLines {
    private EventLines() {
    }

    static Map<String, List<String>> byResource(String events) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : events.lines().toList()) {
            out.computeIfAbsent(resource(line), k -> new ArrayList<>()).add(line);
        }
        return out;
    }

    /** The resource a line is about, or "(other)" for lines of another shape. */
    static String resource(String line) {
        String[] f = line.split(" ", 5);
        if (f.length < 3) {
            return "(other)";
        }
        if (f[2].equals("-") && f.length >= 4) {
            return f[3];
        }
        int comma = f[2].indexOf(',');
        int bracket = f[2].indexOf('[');
        if (comma >= 0 && bracket > comma) {
            return f[2].substring(comma + 1, bracket);
        }
        return "(other)";
    }
}
