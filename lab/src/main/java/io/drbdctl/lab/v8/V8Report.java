package io.drbdctl.lab.v8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Prints every acceptance comparison of a replay (the same checks the JUnit lab tests
 * assert): {@code V8Report RESULTS-DIR KERNEL [V8-TRACES-DIR]}, where RESULTS-DIR is a
 * guest's {@code results/} of {@code lab/v8/replay.sh}. Exit status 0 when all agree.
 */
public final class V8Report {
    private V8Report() {
    }

    /** One comparison and its outcome (an empty report means equal). */
    public record Line(String acceptance, String scenario, String what, String report) {
        public boolean ok() {
            return report.isEmpty();
        }
    }

    public static List<Line> all(ReplayResults r, Path goldens) {
        List<Line> out = new ArrayList<>();
        out.add(new Line("check", "-", "scenario scripts ran", r.problems()));
        for (String s : Goldens.SCENARIOS) {
            boolean ref = r.has("ref", s);
            boolean ours = r.has("ours", s);
            if (ref) {
                add(out, "check", s, "ref requests = golden", () -> V8Checks.requestsVsGolden(r, goldens, "ref", s));
                add(out, "check", s, "ref output = golden", () -> V8Checks.cmdlogVsGolden(r, goldens, "ref", s));
            }
            if (ours) {
                add(out, "1", s, "ours requests = golden", () -> V8Checks.requestsVsGolden(r, goldens, "ours", s));
                add(out, "1", s, "ours output = golden", () -> V8Checks.cmdlogVsGolden(r, goldens, "ours", s));
            }
            if (ref && ours) {
                add(out, "1", s, "ours requests = ref requests", () -> V8Checks.requestsVsReference(r, s));
                add(out, "2", s, "ours output = ref output", () -> V8Checks.cmdlogVsReference(r, s));
                add(out, "2", s, "/proc/drbd after", () -> V8Checks.procDrbdVsReference(r, s));
                add(out, "4", s, "events side by side", () -> V8Checks.eventsSideBySide(r, s));
            }
        }
        return out;
    }

    private static void add(List<Line> out, String acc, String s, String what, Supplier<String> check) {
        String report;
        try {
            report = check.get();
        } catch (RuntimeException e) {
            report = "comparison failed: " + e;
        }
        out.add(new Line(acc, s, what, report));
    }

    public static String format(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(String.format("%-4s %-11s %-30s %s%n", l.ok() ? "ok" : "DIFF", l.scenario(), l.what(),
                    l.acceptance().equals("check") ? "(harness check)" : "(acceptance " + l.acceptance() + ")"));
        }
        for (Line l : lines) {
            if (!l.ok()) {
                sb.append("\n===== ").append(l.scenario()).append(": ").append(l.what()).append('\n').append(l.report());
            }
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: V8Report RESULTS-DIR KERNEL [V8-TRACES-DIR]");
            System.exit(2);
        }
        Path goldens = args.length > 2 ? Path.of(args[2])
                : Goldens.dir(Path.of("")).orElseThrow(() -> new IllegalStateException("no v8-traces found")).toAbsolutePath();
        List<Line> lines = all(new ReplayResults(Path.of(args[0]), args[1]), goldens);
        System.out.print(format(lines));
        System.exit(lines.stream().allMatch(Line::ok) ? 0 : 1);
    }
}
