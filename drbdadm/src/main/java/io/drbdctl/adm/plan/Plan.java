package io.drbdctl.adm.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An ordered list of steps, each tagged with its stage. */
public record Plan(List<Staged> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }

    /** A step and the stage it runs in. */
    public record Staged(Stage stage, Step step) {
    }

    /** Plans of several resources merged stage by stage (stable within a stage). */
    public static Plan merge(List<Plan> plans) {
        List<Staged> all = new ArrayList<>();
        plans.forEach(p -> all.addAll(p.steps()));
        all.sort(Comparator.comparing(Staged::stage));
        return new Plan(all);
    }

    /** The dry-run text: one command line per step. */
    public String print() {
        StringBuilder b = new StringBuilder();
        for (Staged s : steps) {
            b.append(s.step().commandLine()).append('\n');
        }
        return b.toString();
    }
}
