package io.drbdctl.adm.exec;

import io.drbdctl.adm.plan.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs steps as processes: the programs named by {@code -s/-m} (and drbd-proxy-ctl). Each
 * child's output is copied to drbdadm's streams as it comes.
 */
public final class ProcessStepRunner implements StepRunner {
    /** The exit code drbdadm reports when a program can not be started. */
    static final int CANNOT_EXEC = 20;

    private final Programs programs;
    private final Map<String, String> env;
    private final StepRunner builtIn;

    /**
     * @param env the environment of the programs (drbdadm's own)
     * @param builtIn runs the steps whose program was not overridden
     */
    public ProcessStepRunner(Programs programs, Map<String, String> env, StepRunner builtIn) {
        this.programs = programs;
        this.env = Map.copyOf(env);
        this.builtIn = builtIn;
    }

    @Override
    public int run(Step step, PrintStream out, PrintStream err) {
        String prog;
        if (step instanceof Step.Drbdsetup && programs.drbdsetup().isPresent()) {
            prog = programs.drbdsetup().get();
        } else if (step instanceof Step.Drbdmeta && programs.drbdmeta().isPresent()) {
            prog = programs.drbdmeta().get();
        } else if (step instanceof Step.ProxyCtl) {
            prog = "drbd-proxy-ctl";
        } else {
            return builtIn.run(step, out, err);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(prog);
        cmd.addAll(Programs.argv(step));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            Thread e = pump(p.getErrorStream(), err);
            copy(p.getInputStream(), out);
            e.join();
            return p.waitFor();
        } catch (IOException ex) {
            err.println("Failed to exec " + prog + ": " + ex.getMessage());
            return CANNOT_EXEC;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return CANNOT_EXEC;
        }
    }

    private static Thread pump(InputStream in, OutputStream to) {
        Thread t = new Thread(() -> {
            try {
                copy(in, to);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }, "stderr-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void copy(InputStream in, OutputStream to) throws IOException {
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0;) {
            synchronized (to) {
                to.write(buf, 0, n);
                to.flush();
            }
        }
    }
}
