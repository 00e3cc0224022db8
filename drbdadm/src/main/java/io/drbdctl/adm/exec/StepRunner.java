package io.drbdctl.adm.exec;

import io.drbdctl.adm.plan.Step;
import java.io.PrintStream;

/** Runs one plan step and returns its exit code, as the program the step names would. */
@FunctionalInterface
public interface StepRunner {

    /**
     * @param out where the step's standard output goes
     * @param err where its standard error goes (a quiet run passes a sink)
     */
    int run(Step step, PrintStream out, PrintStream err);
}
