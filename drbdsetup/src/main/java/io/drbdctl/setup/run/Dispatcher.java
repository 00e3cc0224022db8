package io.drbdctl.setup.run;

import io.drbdctl.setup.cli.GetOpt;
import io.drbdctl.setup.cli.LongOption;
import io.drbdctl.setup.cli.Usage;
import io.drbdctl.setup.cli.XmlUsage;
import io.drbdctl.setup.command.CommandDef;
import io.drbdctl.setup.command.Commands;
import io.drbdctl.setup.command.Ctx;
import io.drbdctl.setup.command.ExtraOption;
import io.drbdctl.setup.command.OptionField;
import io.drbdctl.setup.kernel.Host;
import io.drbdctl.setup.kernel.V8Control;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** From a command line to a command run: help, command lookup, options, objects, lock. */
public final class Dispatcher {
    private final Commands commands;
    private final Host host;
    private final String program;
    private final Function<PrintStream, Optional<V8Control>> kernel;

    public Dispatcher(Commands commands, Host host, String program,
                      Function<PrintStream, Optional<V8Control>> kernel) {
        this.commands = commands;
        this.host = host;
        this.program = program;
        this.kernel = kernel;
    }

    private int usageAndExit(PrintStream out, String addInfo) {
        out.print(Usage.general(commands, addInfo));
        return 20;
    }

    public int run(List<String> argv, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(argv);
        if (a.size() > 1 && (a.get(1).equals("--help") || a.get(1).equals("-h"))) {
            Collections.swap(a, 0, 1);
        }
        if (!a.isEmpty() && List.of("help", "xml-help", "--help", "-h").contains(a.get(0))) {
            if (a.size() > 1) {
                Optional<CommandDef> c = commands.find(a.get(1));
                if (c.isPresent()) {
                    out.print(a.get(0).equals("xml-help") ? XmlUsage.command(c.get()) : Usage.command(c.get()));
                    return 0;
                }
                return usageAndExit(out, "unknown command");
            }
            return usageAndExit(out, null);
        }
        if (a.size() >= 2 && commands.find(a.get(0)).isEmpty() && commands.find(a.get(1)).isPresent()) {
            Collections.swap(a, 0, 1);
        }
        if (a.isEmpty()) {
            return usageAndExit(out, null);
        }
        Optional<CommandDef> found = commands.find(a.get(0));
        if (found.isEmpty()) {
            return usageAndExit(out, "invalid command");
        }
        CommandDef cmd = found.get();
        Optional<V8Control> control = kernel.apply(err);
        if (control.isEmpty()) {
            return 20;
        }
        GetOpt.Result p = GetOpt.parse(a, longOptions(cmd));
        if (p.error().isPresent()) {
            err.print(p.error().get());
            return usageAndExit(out, null);
        }
        return withObject(cmd, p, control.get(), out, err);
    }

    private int withObject(CommandDef cmd, GetOpt.Result p, V8Control control, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(p.args());
        int context = 0;
        String objName = null;
        long minor = V8Control.NO_MINOR;
        if (cmd.has(Ctx.MINOR | Ctx.RESOURCE | Ctx.ALL | Ctx.RESOURCE_AND_CONNECTION)) {
            if (args.isEmpty() && !cmd.has(Ctx.RESOURCE_AND_CONNECTION | Ctx.CONNECTION) && cmd.has(Ctx.ALL)) {
                context = Ctx.ALL;
                objName = "all";
            } else {
                if (args.isEmpty()) {
                    err.print("Missing first argument\n");
                    out.print(Usage.command(cmd));
                    return 20;
                }
                objName = args.remove(0);
                sanity(objName, err);
                if (objName.equals("all")) {
                    if (!cmd.has(Ctx.ALL)) {
                        return usageAndExit(out, "command does not accept argument 'all'");
                    }
                    context = Ctx.ALL;
                } else if (cmd.has(Ctx.MINOR)) {
                    minor = Minors.of(objName, host);
                    if (minor != V8Control.NO_MINOR) {
                        context = Ctx.MINOR;
                    } else if (!cmd.has(Ctx.RESOURCE | Ctx.RESOURCE_AND_CONNECTION)) {
                        err.print("Cannot determine minor device number of device '" + objName + "'\n");
                        return 20;
                    }
                }
                if (context == 0) {
                    context = Ctx.RESOURCE;
                }
            }
        }
        String local = null;
        String peer = null;
        if (cmd.has(Ctx.CONNECTION | Ctx.RESOURCE_AND_CONNECTION)) {
            if (args.size() < 2) {
                err.print("Missing connection endpoint argument\n");
                out.print(Usage.command(cmd));
                return 20;
            }
            local = args.remove(0);
            peer = args.remove(0);
            context |= Ctx.CONNECTION;
        }
        Invocation inv = new Invocation(cmd, objName == null ? "??" : objName, minor, context, local, peer,
                p.opts(), args, out, err, program);
        Optional<AutoCloseable> lock = Optional.empty();
        if ((context & Ctx.MINOR) != 0 && !cmd.lockless()) {
            lock = host.lockMinor(minor, err);
            if (lock.isEmpty()) {
                return 20;
            }
        }
        try {
            return execute(inv, control);
        } finally {
            lock.ifPresent(Dispatcher::release);
        }
    }

    private static void release(AutoCloseable l) {
        try {
            l.close();
        } catch (Exception ignored) {
            // the lock goes with the file descriptor
        }
    }

    private int execute(Invocation inv, V8Control control) {
        CommandDef cmd = inv.cmd();
        control.receiveTimeout(Duration.ofSeconds(120));
        return switch (cmd.kind()) {
            case CONFIG -> {
                int rv = new ConfigRunner(control, host).run(inv);
                if (rv == 0 && cmd.name().equals("del-minor")) {
                    host.unregisterMinor(inv.minor());
                } else if (rv == 0 && cmd.name().equals("del-resource")) {
                    host.unregisterResource(inv.objName());
                }
                yield rv;
            }
            case DOWN -> new DownRunner(control, host).run(inv);
            case GET -> new GetRunner(control, host, commands).run(inv);
            case STATUS -> new StatusRunner(control, commands).run(inv);
        };
    }

    private static void sanity(String name, PrintStream err) {
        if (name.isEmpty()) {
            err.print("Resource name is empty.\n");
            throw new SetupExit(1);
        }
        if (name.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            err.print("Resource name is invalid - please don't use control characters.\n");
            throw new SetupExit(1);
        }
    }

    /** The long options getopt knows for a command (fields, command options, aliases). */
    static List<LongOption> longOptions(CommandDef cmd) {
        List<LongOption> l = new ArrayList<>();
        for (OptionField f : cmd.fields()) {
            l.add(new LongOption(f.name(), true, f.argumentOptional(), f.name()));
        }
        for (ExtraOption o : cmd.options()) {
            l.add(new LongOption(o.name(), o.hasArg(), o.optionalArg(), o.name()));
        }
        if (cmd.name().equals("primary")) {
            l.add(new LongOption("overwrite-data-of-peer", true, true, "force"));
        }
        if (cmd.name().equals("connect")) {
            l.add(new LongOption("dry-run", true, true, "tentative"));
        }
        if (cmd.setDefaults()) {
            l.add(new LongOption("set-defaults", false, false, "set-defaults"));
        }
        return l;
    }
}
