package io.drbdctl.adm.plan;

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
        // a counting sort by stage: linear, and no comparator calls (nor iterators) for 10000
        // resources; a plan's steps in a method of their own, which the JIT compiles after a few
        // hundred plans (a loop body runs interpreted for tens of thousands of rounds)
        int[] next = new int[STAGES + 1];
        for (int i = 0; i < plans.size(); i++) {
            plans.get(i).count(next);
        }
        for (int i = 1; i <= STAGES; i++) {
            next[i] += next[i - 1];
        }
        Staged[] all = new Staged[next[STAGES]];
        for (int i = 0; i < plans.size(); i++) {
            plans.get(i).place(all, next);
        }
        return new Plan(List.of(all));
    }

    /** Counts the steps per stage (at the stage's index + 1). */
    private void count(int[] perStage) {
        List<Staged> steps = this.steps;
        for (int k = 0, n = steps.size(); k < n; k++) {
            perStage[steps.get(k).stage().ordinal() + 1]++;
        }
    }

    /** Puts the steps at the next free index of their stage. */
    private void place(Staged[] all, int[] next) {
        List<Staged> steps = this.steps;
        for (int k = 0, n = steps.size(); k < n; k++) {
            Staged s = steps.get(k);
            all[next[s.stage().ordinal()]++] = s;
        }
    }

    /** One resource's steps in stage order (stable within a stage): {@code merge} of that plan alone. */
    public static Plan staged(List<Staged> steps) {
        return merge(List.of(new Plan(steps)));
    }

    /** The dry-run text: one command line per step. */
    public String print() {
        StringBuilder b = new StringBuilder();
        for (Staged s : steps) {
            s.step().appendTo(b).append('\n');
        }
        return b.toString();
    }
}
