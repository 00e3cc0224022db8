package io.drbdctl.adm.cmd;

import io.drbdctl.adm.ExitCodes;
import io.drbdctl.adm.env.Environment;
import io.drbdctl.adm.plan.Adjuster;
import io.drbdctl.adm.plan.CommandPlanner;
import io.drbdctl.adm.plan.CommandPlanner84;
import io.drbdctl.adm.plan.Step;
import io.drbdctl.adm.plan.Target;
import io.drbdctl.adm.plan.Plan;
import io.drbdctl.adm.plan.Planner;
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

    public Dispatcher(Config cfg, Environment env, PrintStream out, PrintStream err, boolean dryRun, boolean stacked) {
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
                err.println("WARN: no normal resources defined for this host (" + env.hostname() + ")!?");
                err.println("Misspelled name of the local machine with the 'on' keyword ?");
                return ExitCodes.USAGE;
            }
        } else {
            for (Target t : sel) {
                Optional<Resource> r = cfg.resource(t.resource());
                if (r.isEmpty() || !mine(r.get()) || t.volume() == -2) {
                    err.println("'" + t.text() + "' not defined in your config (for this host).");
                    return ExitCodes.USAGE;
                }
                selected.add(r.get());
                targets.add(t);
            }
        }
        if (env.kernelIs84() && CommandPlanner84.knows(command)) {
            CommandPlanner84 cp = new CommandPlanner84(cfg);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < selected.size(); i++) {
                Resource r = selected.get(i);
                for (Step st : cp.plan(command, r, Topology.me(r, env.hostname()).orElseThrow(), targets.get(i),
                        extra)) {
                    b.append(st.commandLine()).append('\n');
                }
            }
            out.print(b);
            if (!dryRun) {
                err.println("drbdadm: executing plans is not wired yet; use -d to print the plan");
                return ExitCodes.EXEC_ERROR;
            }
            return ExitCodes.OK;
        }
        if (CommandPlanner.knows(command) && !env.kernelIs84()) {
            CommandPlanner cp = new CommandPlanner(cfg);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < selected.size(); i++) {
                Resource r = selected.get(i);
                CommandPlanner.Result res = cp.plan(command, r, Topology.me(r, env.hostname()).orElseThrow(),
                        targets.get(i), extra);
                for (Step st : res.steps()) {
                    b.append(st.commandLine()).append('\n');
                }
                if (res.error() != null) {
                    out.print(b);
                    err.println(res.error());
                    return ExitCodes.CONFIG_INVALID;
                }
            }
            out.print(b);
            if (!dryRun) {
                err.println("drbdadm: executing plans is not wired yet; use -d to print the plan");
                return ExitCodes.EXEC_ERROR;
            }
            return ExitCodes.OK;
        }
        if (dump && !dryRun && !verifyIps(selected) && all) {
            return ExitCodes.CONFIG_INVALID;
        }
        if (dump) {
            out.print(env.kernelIs84() ? io.drbdctl.config.dump.DumpWriter84.dump(cfg, selected, env.hostname(), all)
                    : DumpWriter.dump(cfg, selected, env.hostname(), all));
            return ExitCodes.OK;
        }
        if (ShCommands.NAMES.contains(command)) {
            for (int i = 0; i < selected.size(); i++) {
                Resource r = selected.get(i);
                ShCommands.Out o = ShCommands.perResource(command, cfg, r, env.hostname(), targets.get(i));
                out.print(o.text());
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
                err.println(r.pos().file() + ": in resource " + r.name() + ", on " + String.join(" ", me.get().names())
                        + ":\n\tIP " + me.get().address().addr() + " not found on this host.");
                ok = false;
            }
        }
        return ok;
    }

    private Adjuster adjuster() {
        return new Adjuster(cfg, OptionTable.load());
    }

    /** The running state: FAKE_DRBDSETUP_SHOW's file; without a kernel, nothing runs. */
    private Config runningConfig() {
        if (env.fakeShowFile() == null || env.fakeShowFile().isEmpty()) {
            return null;
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
        io.drbdctl.adm.plan.Planner84 planner84 = new io.drbdctl.adm.plan.Planner84(cfg);
        List<Plan> plans = new ArrayList<>();
        for (Resource r : selected) {
            Host me = Topology.me(r, env.hostname()).orElseThrow();
            if (env.kernelIs84() && !command.equals("down")) {
                if (!command.equals("up") && !command.equals("adjust")) {
                    err.println("drbdadm: command '" + command + "' is not implemented yet");
                    return ExitCodes.USAGE;
                }
                plans.add(planner84.up(r, me, command.equals("adjust")));
                continue;
            }
            if (env.kernelIs84()) {
                plans.add(planner84.down(r));
                continue;
            }
            switch (command) {
                case "up" -> plans.add(planner.up(r, me, false));
                case "adjust" -> plans.add(adjuster().adjust(r, me, Adjuster.running(runningConfig(), r.name())));
                case "down" -> plans.add(planner.down(r));
                default -> {
                    err.println("drbdadm: command '" + command + "' is not implemented yet");
                    return ExitCodes.USAGE;
                }
            }
        }
        String text = Plan.merge(plans).print();
        out.print(text);
        if (!dryRun) {
            err.println("drbdadm: executing plans is not wired yet; use -d to print the plan");
            return ExitCodes.EXEC_ERROR;
        }
        return ExitCodes.OK;
    }
}
