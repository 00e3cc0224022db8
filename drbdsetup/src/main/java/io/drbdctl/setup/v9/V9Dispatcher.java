package io.drbdctl.setup.v9;

import io.drbdctl.netlink.NetlinkErrnoException;
import io.drbdctl.setup.kernel.Host;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * drbdsetup's 9 dialect over drbd2: help, command lookup, arguments and options (checked
 * before the kernel is asked), then one {@link V9Runner} call. Usage errors exit 20.
 */
public final class V9Dispatcher {
    private final String program;
    private final Supplier<Drbd2Control> kernel;
    private final boolean tty;
    private final Host host;

    /**
     * @param program the program name in messages
     * @param kernel  the drbd2 connection, made on first use
     * @param tty     whether standard output is a terminal (status leaves out "client:no")
     * @param host    the machine (the registry of configured minors and resources)
     */
    public V9Dispatcher(String program, Supplier<Drbd2Control> kernel, boolean tty, Host host) {
        this.program = program;
        this.kernel = kernel;
        this.tty = tty;
        this.host = host;
    }

    /** The usage text: every command's synopsis. */
    public String usage() {
        StringBuilder b = new StringBuilder("\nUSAGE: " + program + " command {arguments} [options]\n\n"
                + "drbdsetup speaks the drbd2 family (DRBD 9 command set); " + "--family=drbd (or "
                + "DRBDCTL_FAMILY=drbd) selects the 8.4 dialect over the legacy family.\n\nCommands:\n");
        for (V9Command c : V9Commands.all()) {
            b.append("    ").append(c.name()).append(" - ").append(c.summary()).append('\n');
        }
        b.append("\nUse '").append(program).append(" help command' for command-specific help.\n\n");
        return b.toString();
    }

    /** One command's usage text. */
    public static String commandUsage(V9Command c, String program) {
        StringBuilder b = new StringBuilder("USAGE: " + program + " " + c.usageLines() + "\n\n");
        b.append(c.summary()).append('\n');
        if (!c.options().isEmpty()) {
            b.append("\nOPTIONS:\n");
            for (V9Option o : c.options()) {
                b.append(String.format(" %-40s %s%n", o.synopsis(), o.help()));
            }
        }
        return b.toString();
    }

    public int run(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty()) {
            out.print(usage());
            return 20;
        }
        String first = argv.get(0);
        if (List.of("help", "--help", "-h").contains(first)) {
            if (argv.size() > 1) {
                Optional<V9Command> c = V9Commands.find(argv.get(1));
                if (c.isEmpty()) {
                    err.print(program + ": unknown command '" + argv.get(1) + "'\n");
                    return 20;
                }
                out.print(commandUsage(c.get(), program));
                return 0;
            }
            out.print(usage());
            return 0;
        }
        Optional<V9Command> found = V9Commands.find(first);
        if (found.isEmpty()) {
            err.print(program + ": invalid command '" + first + "'\n");
            out.print(usage());
            return 20;
        }
        V9Command cmd = found.get();
        List<String> args = new ArrayList<>();
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                out.print(commandUsage(cmd, program));
                return 0;
            }
            if (!a.startsWith("--") || a.equals("--")) {
                args.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
            Optional<V9Option> o = cmd.option(name);
            if (o.isEmpty()) {
                return usageError(cmd, "unrecognized option '--" + name + "'", out, err);
            }
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (o.get().kind() == V9Option.Kind.FLAG || o.get().kind() == V9Option.Kind.BOOLEAN) {
                // 9.22: a boolean's argument is optional ("--auto-promote" is yes)
                value = "yes";
            } else if (i + 1 < argv.size()) {
                value = argv.get(++i);
            } else {
                return usageError(cmd, "option '--" + name + "' requires an argument", out, err);
            }
            Optional<String> bad = check(o.get(), value);
            if (bad.isPresent()) {
                return usageError(cmd, bad.get(), out, err);
            }
            opts.put(name, value);
        }
        int wanted = cmd.args().size();
        if (cmd.optionalResource() ? args.size() > 1 : args.size() < wanted) {
            return usageError(cmd, args.size() < wanted ? "missing arguments" : "excess arguments", out, err);
        }
        if (!cmd.optionalResource() && args.size() > wanted) {
            return usageError(cmd, "excess arguments: " + String.join(" ", args.subList(wanted, args.size())),
                    out, err);
        }
        V9Call call = new V9Call(cmd, args, opts, out, err, program, tty);
        try {
            if (EventCommands.handles(cmd.name())) {
                return EventCommands.run(call, kernel.get(), host::openTransport);
            }
            if (ReportCommands.handles(call)) {
                return ReportCommands.run(call, kernel.get());
            }
            return new V9Runner(kernel.get(), new V9Runner.Registry() {
                @Override
                public void forgetMinor(long minor) {
                    host.unregisterMinor(minor);
                }

                @Override
                public void forgetResource(String name) {
                    host.unregisterResource(name);
                }
            }).run(call);
        } catch (NetlinkErrnoException e) {
            Drbd2Failure f = Drbd2Failure.of(cmd.name(), String.join(" ", args), e);
            err.print(f.line() + "\n");
            return f.exitCode();
        }
    }

    private int usageError(V9Command cmd, String what, PrintStream out, PrintStream err) {
        err.print(program + " " + cmd.name() + ": " + what + "\n");
        out.print(commandUsage(cmd, program));
        return 20;
    }

    /** The complaint about an option value, if it is not one the option takes. */
    static Optional<String> check(V9Option o, String v) {
        if (o.table().isPresent()) {
            return Optional.ofNullable(o.table().get().parse(v).error());
        }
        return switch (o.kind()) {
            case FLAG, BOOLEAN -> List.of("yes", "no").contains(v) ? Optional.empty()
                    : Optional.of("--" + o.name() + ": expected yes or no, not '" + v + "'");
            case WORD -> o.choices().stream().anyMatch(c -> c.equalsIgnoreCase(v)) ? Optional.empty()
                    : Optional.of("--" + o.name() + ": expected one of " + String.join(", ", o.choices())
                            + ", not '" + v + "'");
            case NUMBER -> V9Call.number(v).isPresent() ? Optional.empty()
                    : Optional.of("--" + o.name() + ": '" + v + "' is not a number");
            case STRING -> Optional.empty();
        };
    }
}
