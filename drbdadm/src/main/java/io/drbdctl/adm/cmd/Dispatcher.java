package io.drbdctl.adm.cmd;

import io.drbdctl.adm.ExitCodes;
import io.drbdctl.adm.env.Environment;
import io.drbdctl.adm.exec.PlanRunner;
import io.drbdctl.adm.exec.Programs;
import io.drbdctl.adm.exec.ResourcePlan;
import io.drbdctl.adm.exec.StepRunner;
import io.drbdctl.adm.plan.Adjuster;
import io.drbdctl.adm.plan.CommandPlanner;
import io.drbdctl.adm.plan.CommandPlanner84;
import io.drbdctl.adm.plan.Step;
import io.drbdctl.adm.plan.Target;
import io.drbdctl.adm.plan.Plan;
import io.drbdctl.adm.plan.Planner;
import io.drbdctl.adm.plan.Stage;
import io.drbdctl.adm.plan.Topology;
import io.drbdctl.config.dump.DumpWriter;
import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionTable;
import io.drbdctl.config.parse.ConfigLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs one drbdadm command on a valid configuration: selection, dump, sh-*, plans. */
public final class Dispatcher {
    private final Config cfg;
    private final Environment env;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean dryRun;
    private final boolean stacked;
    private final Programs programs;
    private final StepRunner runner;

    /** Commands that, when they run, first check that this host owns its addresses. */
    private static final java.util.Set<String> VERIFY_IPS_84 = java.util.Set.of("up", "adjust", "connect",
            "net-options", "resize", "wait-connect", "verify");
    private static final java.util.Set<String> VERIFY_IPS_9 = java.util.Set.of("up", "adjust", "connect",
            "net-options", "wait-connect", "new-peer", "new-path", "del-peer", "del-path");

    private final String configFile;

    /**
     * @param configFile the configuration file as given (messages name it so)
     */
    public Dispatcher(Config cfg, String configFile, Environment env, PrintStream out, PrintStream err, boolean dryRun,
            boolean stacked, Programs programs, StepRunner runner) {
        this.configFile = configFile;
        this.programs = programs;
        this.runner = runner;
        this.cfg = cfg;
        this.env = env;
        this.out = out;
        this.err = err;
        this.dryRun = dryRun;
        this.stacked = stacked;
    }

    private boolean mine(Resource r) {
        return Topology.me(r, env.hostname()).isPresent();
    }

    /** Mine, and stacked on this host exactly when -S was given (the set "all" stands for). */
    private boolean mineInMode(Resource r) {
        return Topology.me(r, env.hostname())
                .map(h -> (h.kind() == io.drbdctl.config.model.HostKind.STACKED) == stacked).orElse(false);
    }

    public int run(String command, List<String> args) {
        boolean ignoresNames = command.equals("sh-nop") || command.equals("sh-mod-parms");
        if (ignoresNames && !args.isEmpty()) {
            err.println("This command will ignore resource names!");
        }
        if (ignoresNames && (args.isEmpty() || env.kernelIs84())) {
            if (command.equals("sh-mod-parms")) {
                out.print(ShCommands.modParms(cfg, env.hostname()));
            }
            return ExitCodes.OK;
        }
        // with resource names, drbdadm 9 still runs sh-nop/sh-mod-parms once per selected resource
        if (command.equals("sh-lr-of") && !stacked) {
            err.println("sh-lower-resource only available in stacked mode");
            return ExitCodes.USAGE;
        }
        if (command.equals("sh-resources")) {
            List<String> names = new ArrayList<>();
            for (Resource r : cfg.resources()) {
                if (mineInMode(r)) {
                    names.add(r.name());
                }
            }
            // drbdadm-84 prints the names on one line, drbdadm (9) one per line
            if (env.kernelIs84()) {
                if (!names.isEmpty()) {
                    out.println(String.join(" ", names));
                }
            } else {
                names.forEach(out::println);
            }
            return ExitCodes.OK;
        }
        List<Target> sel = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-")) {
                extra.add(a);
            } else {
                sel.add(Target.parse(a));
            }
        }
        boolean dump = command.equals("dump");
        if (sel.isEmpty() && !dump) {
            err.println("No resource names specified");
            return ExitCodes.USAGE;
        }
        boolean all = sel.isEmpty() && dump || sel.stream().anyMatch(t -> t.text().equals("all"));
        List<Resource> selected = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        if (all) {
            for (Resource r : cfg.resources()) {
                if (dump || mineInMode(r)) {
                    selected.add(r);
                    targets.add(Target.whole(r.name()));
                }
            }
            if (selected.isEmpty() && !dump) {
                if (stacked) {
                    err.println("WARN: nothing stacked for this host (" + env.hostname()
                            + "), nothing to do in stacked mode!");
                } else {
                    err.println("WARN: no normal resources defined for this host (" + env.hostname() + ")!?");
                    err.println("Misspelled name of the local machine with the 'on' keyword ?");
                }
                return ExitCodes.USAGE;
            }
        } else {
            for (Target t : sel) {
                Optional<Resource> r = cfg.resource(t.resource());
                if (r.isEmpty() || !mine(r.get()) || t.volume() == -2) {
                    err.println("'" + t.text() + "' not defined in your config (for this host).");
                    return ExitCodes.USAGE;
                }
                if (env.kernelIs84() && !mineInMode(r.get())) {
                    // drbdadm-84 keeps the stacked and the normal resources apart
                    err.println("'" + r.get().name() + "' is a " + (stacked ? "normal" : "stacked")
                            + " resource, and not available in " + (stacked ? "stacked" : "normal") + " mode.");
                    return ExitCodes.USAGE;
                }
                selected.add(r.get());
                targets.add(t);
            }
        }
        if (!dryRun && (env.kernelIs84() ? VERIFY_IPS_84 : VERIFY_IPS_9).contains(command) && !verifyIps(selected)) {
            return ExitCodes.CONFIG_INVALID;
        }
        if (env.kernelIs84() && CommandPlanner84.knows(command)) {
            CommandPlanner84 cp = new CommandPlanner84(cfg);
            List<ResourcePlan> plans = new ArrayList<>();
            for (int i = 0; i < selected.size(); i++) {
                Resource r = selected.get(i);
                plans.add(immediate(r.name(), cp.plan(command, r, Topology.me(r, env.hostname()).orElseThrow(),
                        targets.get(i), extra)));
            }
            return perform(plans, false);
        }
        if (CommandPlanner.knows(command) && !env.kernelIs84()) {
            CommandPlanner cp = new CommandPlanner(cfg);
            List<ResourcePlan> plans = new ArrayList<>();
            for (int i = 0; i < selected.size(); i++) {
                Resource r = selected.get(i);
                CommandPlanner.Result res = cp.plan(command, r, Topology.me(r, env.hostname()).orElseThrow(),
                        targets.get(i), extra);
                if (res.error() != null) {
                    // the reference prints the steps planned so far, then the error
                    plans.add(immediate(r.name(), res.steps()));
                    plans.forEach(p -> print(p.plan()));
                    err.println(res.error());
                    return ExitCodes.CONFIG_INVALID;
                }
                plans.add(immediate(r.name(), res.steps()));
            }
            return perform(plans, false);
        }
        if (dump && !dryRun && !verifyIps(selected) && all) {
            return ExitCodes.CONFIG_INVALID;
        }
        if (dump) {
            if (env.kernelIs84()) {
                out.print(io.drbdctl.config.dump.DumpWriter84.dump(cfg, selected, env.hostname(), all));
            } else if (Background.worth(selected.size())) {
                // the second half's text on a helper thread, while the first half is written
                List<Resource> second = selected.subList(selected.size() / 2, selected.size());
                Background<String> rest = Background.start("drbdadm-dump",
                        () -> DumpWriter.resources(cfg, second, env.hostname()));
                DumpWriter.dump(cfg, selected.subList(0, selected.size() / 2), env.hostname(), all,
                        text -> TextOut.print(out, text));
                TextOut.print(out, rest.get());
            } else {
                DumpWriter.dump(cfg, selected, env.hostname(), all, text -> TextOut.print(out, text));
            }
            return ExitCodes.OK;
        }
        if (command.equals("sh-udev") && all) {
            err.println("volume not specified");
            return ExitCodes.USAGE;
        }
        if (ignoresNames) {
            for (int i = 0; i < selected.size(); i++) {
                if (command.equals("sh-mod-parms")) {
                    out.print(ShCommands.modParms(cfg, env.hostname()));
                }
            }
            return ExitCodes.OK;
        }
        if (ShCommands.NAMES.contains(command)) {
            for (int i = 0; i < selected.size(); i++) {
                Resource r = selected.get(i);
                ShCommands.Out o = ShCommands.perResource(command, cfg, r, env.hostname(), targets.get(i),
                        env.kernelIs84());
                // sh-udev's failures are messages; the others print what they have before failing
                (command.equals("sh-udev") && o.rc() != 0 ? err : out).print(o.text());
                if (o.rc() != 0) {
                    return o.rc();
                }
            }
            return ExitCodes.OK;
        }
        return plan(command, selected);
    }

    /** The reference checks that this host owns its address (not in dry runs without a tty). */
    private boolean verifyIps(List<Resource> selected) {
        if (cfg.global().disableIpVerification()) {
            return true;
        }
        boolean ok = true;
        IpCheck local = IpCheck.read();
        for (Resource r : selected) {
            Optional<Host> me = Topology.me(r, env.hostname());
            if (me.isEmpty() || me.get().address() == null) {
                continue;
            }
            String af = me.get().address().af();
            if ((af.equals("ipv4") || af.equals("ipv6")) && !local.has(me.get().address().addr())) {
                // drbdadm-84 names the file as given and the line of the address, drbdadm 9 the
                // absolute file only
                String where = env.kernelIs84() ? shownPath(r.pos().file()) + ":" + me.get().address().pos().line()
                        : r.pos().file();
                err.println(where + ": in resource " + r.name() + ", on " + String.join(" ", me.get().names())
                        + ":\n\tIP " + me.get().address().addr() + " not found on this host.");
                ok = false;
            }
        }
        return ok;
    }

    /** A file as the reference names it: the configuration file as given with -c. */
    private String shownPath(String file) {
        Path given = Path.of(configFile);
        return Path.of(file).equals(given.toAbsolutePath().normalize()) ? configFile : file;
    }

    private Adjuster adjuster() {
        return new Adjuster(cfg, OptionTable.load());
    }

    /** The running state: FAKE_DRBDSETUP_SHOW's file, else the kernel's; without a kernel, nothing runs. */
    private Config runningConfig() {
        if (env.fakeShowFile() == null || env.fakeShowFile().isEmpty()) {
            // with a module loaded, the kernel's own state (drbdsetup show over the plan's family)
            return Files.exists(Path.of("/proc/drbd"))
                    ? io.drbdctl.adm.exec.RunningState.read(runner, OptionTable.load()).orElse(null) : null;
        }
        Path p = Path.of(env.fakeShowFile());
        if (!Files.isReadable(p)) {
            err.println("Failed to open FAKE_DRBDSETUP_SHOW " + env.fakeShowFile());
            return null;
        }
        return new ConfigLoader(OptionTable.load(), Dialect.V9).load(p).config();
    }

    private int plan(String command, List<Resource> selected) {
        Planner planner = new Planner(cfg);
        if (command.equals("up") && !env.kernelIs84() && Background.worth(selected.size())) {
            // the second half's plans on a helper thread
            List<Resource> second = selected.subList(selected.size() / 2, selected.size());
            Background<List<ResourcePlan>> rest = Background.start("drbdadm-plan", () -> upPlans(planner, second));
            List<ResourcePlan> plans = upPlans(planner, selected.subList(0, selected.size() / 2));
            plans.addAll(rest.get());
            return perform(plans, true);
        }
        io.drbdctl.adm.plan.Planner84 planner84 = new io.drbdctl.adm.plan.Planner84(cfg);
        // read once for all resources
        Config running = command.equals("adjust") && !env.kernelIs84() ? runningConfig() : null;
        List<ResourcePlan> plans = new ArrayList<>();
        for (Resource r : selected) {
            Host me = Topology.me(r, env.hostname()).orElseThrow();
            if (env.kernelIs84() && !command.equals("down")) {
                if (!command.equals("up") && !command.equals("adjust")) {
                    err.println("drbdadm: command '" + command + "' is not implemented yet");
                    return ExitCodes.USAGE;
                }
                if (command.equals("adjust") && !dryRun) {
                    // without the running state the plan would be "up"; comparing with it is to come
                    err.println("drbdadm: adjust on an 8.4 kernel runs only with -d so far");
                    return ExitCodes.USAGE;
                }
                plans.add(new ResourcePlan(r.name(), planner84.up(r, me, command.equals("adjust"))));
                continue;
            }
            if (env.kernelIs84()) {
                plans.add(new ResourcePlan(r.name(), planner84.down(r)));
                continue;
            }
            switch (command) {
                case "up" -> plans.add(new ResourcePlan(r.name(), planner.up(r, me, false)));
                case "adjust" -> plans.add(new ResourcePlan(r.name(),
                        adjuster().adjust(r, me, Adjuster.running(running, r.name()))));
                case "down" -> plans.add(new ResourcePlan(r.name(), planner.down(r)));
                default -> {
                    err.println("drbdadm: command '" + command + "' is not implemented yet");
                    return ExitCodes.USAGE;
                }
            }
        }
        return perform(plans, !command.equals("down"));
    }

    private List<ResourcePlan> upPlans(Planner planner, List<Resource> resources) {
        List<ResourcePlan> plans = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            plans.add(new ResourcePlan(r.name(), planner.up(r, Topology.me(r, env.hostname()).orElseThrow(), false)));
        }
        return plans;
    }

    /** A resource's steps of an immediate command (their stage does not matter). */
    private static ResourcePlan immediate(String resource, List<Step> steps) {
        return new ResourcePlan(resource, new Plan(steps.stream().map(s -> new Plan.Staged(Stage.DISK, s)).toList()));
    }

    private void print(Plan p) {
        List<Plan.Staged> steps = p.steps();
        if (!Background.worth(steps.size() / 4)) {
            print(steps, 0, steps.size());
            return;
        }
        // the second half's text on a helper thread, while the first half is written
        int half = steps.size() / 2;
        Background<String> rest = Background.start("drbdadm-print", () -> {
            StringBuilder b = new StringBuilder(64 * (steps.size() - half));
            for (int i = half; i < steps.size(); i += 16) {
                appendLines(b, steps, i, Math.min(steps.size(), i + 16));
            }
            return b.toString();
        });
        print(steps, 0, half);
        TextOut.print(out, rest.get());
    }

    /** Prints steps {@code from} to {@code to}, in pieces: the text of a big plan is never one string. */
    private void print(List<Plan.Staged> steps, int from, int to) {
        StringBuilder b = new StringBuilder(1 << 15);
        for (int i = from; i < to; i += 16) {
            appendLines(b, steps, i, Math.min(to, i + 16));
            if (b.length() > (1 << 15) - 2048) {
                TextOut.print(out, b);
                b.setLength(0);
            }
        }
        TextOut.print(out, b);
    }

    /** A few lines at a time: a method the JIT compiles early (a long loop runs interpreted for long). */
    private void appendLines(StringBuilder b, List<Plan.Staged> steps, int from, int to) {
        for (int i = from; i < to; i++) {
            programs.appendLine(b, steps.get(i).step()).append('\n');
        }
    }

    /** -d prints the plan (staged commands merged stage by stage); otherwise it runs. */
    private int perform(List<ResourcePlan> plans, boolean staged) {
        if (dryRun) {
            if (staged) {
                List<Plan> each = new ArrayList<>(plans.size());
                for (ResourcePlan rp : plans) {
                    each.add(rp.plan());
                }
                print(Plan.merge(each));
            } else {
                print(new Plan(plans.stream().flatMap(p -> p.plan().steps().stream()).toList()));
            }
            return ExitCodes.OK;
        }
        PlanRunner pr = new PlanRunner(runner, programs, out, err, "drbdadm");
        return staged ? pr.runStaged(plans) : pr.runImmediate(plans);
    }
}
