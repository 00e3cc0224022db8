package io.drbdctl.adm.exec;

import io.drbdctl.adm.plan.Plan;
import io.drbdctl.adm.plan.Stage;
import io.drbdctl.adm.plan.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Executes plans with drbdadm's rules (measured against drbd-utils 9.22 with stand-in
 * drbdsetup/drbdmeta programs):
 * <ul>
 * <li>A failed step prints {@code Command 'LINE' terminated with exit code N} and ends its unit
 * (an {@code attach} after a failed {@code apply-al} does not run).</li>
 * <li>Staged commands ({@code up}, {@code adjust}) run stage by stage over all resources. After a
 * failure the resource's other commands of that stage (of a per-minor command: the other commands
 * on that minor) are skipped with a message, the rest finishes the stage, and no later stage
 * runs; the exit code is 1.</li>
 * <li>Immediate commands run unit after unit; a failure ends the resource's part, the next
 * resource goes on; the exit code is the highest one of a failed unit.</li>
 * <li>A kernel-first unit (drbdsetup OP, then drbdmeta OP) holds drbdsetup's standard error back;
 * success or exit code 17 (the kernel refused) ends it, anything else runs drbdmeta. On 17 the held
 * text is shown (not for outdate).</li>
 * </ul>
 */
public final class PlanRunner {
    /** drbdsetup's exit code when the kernel refused the state change. */
    static final int REFUSED = 17;

    private final StepRunner runner;
    private final Programs programs;
    private final PrintStream out;
    private final PrintStream err;
    private final String progname;

    /**
     * @param progname how drbdadm names itself in messages ("drbdadm", or "drbdadm-84" for an
     *        8.4 kernel)
     */
    public PlanRunner(StepRunner runner, Programs programs, PrintStream out, PrintStream err, String progname) {
        this.runner = runner;
        this.programs = programs;
        this.out = out;
        this.err = err;
        this.progname = progname;
    }

    /** {@code up}, {@code adjust}: stage by stage. */
    public int runStaged(List<ResourcePlan> plans) {
        List<Unit> units = new ArrayList<>();
        for (ResourcePlan rp : plans) {
            List<Stage> stages = rp.plan().steps().stream().map(Plan.Staged::stage).toList();
            List<Step> steps = rp.plan().steps().stream().map(Plan.Staged::step).toList();
            units.addAll(Unit.group(rp.resource(), stages, steps));
        }
        units.sort(Comparator.comparing(Unit::stage));
        boolean failed = false;
        int i = 0;
        while (i < units.size() && !failed) {
            Stage stage = units.get(i).stage();
            // a failed resource-wide command skips the resource's other commands of the stage, a
            // failed per-minor command only the commands on that minor
            Set<String> skip = new HashSet<>();
            for (; i < units.size() && units.get(i).stage() == stage; i++) {
                Unit u = units.get(i);
                if (skip.contains(u.resource()) || skip.contains(u.resource() + "/" + u.minor())) {
                    err.println(progname + ": " + u.name() + " " + u.resource() + ": skipped due to earlier error");
                    continue;
                }
                if (run(u) != 0) {
                    skip.add(u.minor() < 0 ? u.resource() : u.resource() + "/" + u.minor());
                    failed = true;
                }
            }
        }
        return failed ? 1 : 0;
    }

    /** Every other command: unit after unit, going on after failures. */
    public int runImmediate(List<ResourcePlan> plans) {
        int rc = 0;
        for (ResourcePlan rp : plans) {
            List<Stage> stages = rp.plan().steps().stream().map(Plan.Staged::stage).toList();
            List<Step> steps = rp.plan().steps().stream().map(Plan.Staged::step).toList();
            for (Unit u : Unit.group(rp.resource(), stages, steps)) {
                int r = run(u);
                if (r != 0) {
                    // the resource's other volumes are left alone; the next resource goes on
                    rc = Math.max(rc, r);
                    break;
                }
            }
        }
        return rc;
    }

    private int run(Unit u) {
        if (u.isFallback()) {
            ByteArrayOutputStream held = new ByteArrayOutputStream();
            int rc = runner.run(u.steps().get(0), out, new PrintStream(held, true, StandardCharsets.UTF_8));
            if (rc == REFUSED && !u.name().equals("outdate")) {
                // the kernel's refusal is worth reading (drbdadm shows it, except for outdate)
                err.print(held.toString(StandardCharsets.UTF_8));
            }
            if (rc == 0 || rc == REFUSED) {
                return rc;
            }
            return step(u.steps().get(1));
        }
        for (Step s : u.steps()) {
            int rc = step(s);
            // check-resize after resize only refreshes drbdmeta's notion of the size: reported, not fatal
            if (rc != 0 && !(s instanceof Step.Drbdsetup d && d.op().equals("check-resize"))) {
                return rc;
            }
        }
        return 0;
    }

    private int step(Step s) {
        out.flush();
        int rc = runner.run(s, out, err);
        if (rc != 0) {
            out.flush();
            err.println("Command '" + programs.line(s) + "' terminated with exit code " + rc);
        }
        return rc;
    }
}
