package io.drbdctl.adm.plan;

import java.util.Arrays;
import java.util.List;

/** An ordered list of steps, each tagged with its stage. */
public record Plan(List<Staged> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }

    /** A step and the stage it runs in. */
    public record Staged(Stage stage, Step step) {
    }

    private static final int STAGES = Stage.values().length;

    /** Plans of several resources merged stage by stage (stable within a stage). */
    public static Plan merge(List<Plan> plans) {
        // a counting sort by stage: linear, and no comparator calls for 10000 resources
        int[] next = new int[STAGES + 1];
        for (Plan p : plans) {
            for (Staged s : p.steps()) {
                next[s.stage().ordinal() + 1]++;
            }
        }
        for (int i = 1; i <= STAGES; i++) {
            next[i] += next[i - 1];
        }
        Staged[] all = new Staged[next[STAGES]];
        for (Plan p : plans) {
            for (Staged s : p.steps()) {
                all[next[s.stage().ordinal()]++] = s;
            }
        }
        return new Plan(Arrays.asList(all));
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
