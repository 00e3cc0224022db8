package io.drbdctl.adm.exec;

import io.drbdctl.adm.plan.Step;
import io.drbdctl.meta.api.MetaContext;
import io.drbdctl.meta.cli.Cli;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs drbdsetup and drbdmeta steps in this JVM: drbdsetup through one session (one netlink
 * socket for the whole plan), drbdmeta through its command-line API. No process is started.
 */
public final class InProcessStepRunner implements StepRunner {

    /** drbdsetup's in-process entry: the arguments after the program name, its exit code. */
    @FunctionalInterface
    public interface Setup {
        int run(List<String> argv, PrintStream out, PrintStream err);
    }

    private final Setup setup;

    public InProcessStepRunner(Setup setup) {
        this.setup = setup;
    }

    @Override
    public int run(Step step, PrintStream out, PrintStream err) {
        List<String> argv = Programs.argv(step);
        if (step instanceof Step.Drbdsetup) {
            return setup.run(argv, out, err);
        }
        if (step instanceof Step.Drbdmeta) {
            int rc = Cli.run(argv.toArray(String[]::new), out, err,
                    f -> MetaContext.system(out, err, f.force(), f.ignoreSanityChecks(), f.verbose()));
            out.flush();
            return rc;
        }
        err.println("drbd-proxy-ctl is not supported by this drbdadm");
        return ProcessStepRunner.CANNOT_EXEC;
    }
}
