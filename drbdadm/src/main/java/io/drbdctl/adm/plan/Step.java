package io.drbdctl.adm.plan;

import java.util.List;

/** One step of a plan. It prints itself as the reference's command line. */
public sealed interface Step permits Step.Drbdsetup, Step.Drbdmeta, Step.ProxyCtl {

    /** The command line as {@code drbdadm -d} prints it (arguments shell-escaped). */
    String commandLine();

    /**
     * {@code drbdsetup OP ARGS... --opt=value...}; {@code program} is "drbdsetup" or, for an 8.4
     * kernel, "drbdsetup-84" as the reference prints it.
     */
    record Drbdsetup(String program, String op, List<String> args, List<String> options) implements Step {
        public Drbdsetup {
            args = List.copyOf(args);
            options = List.copyOf(options);
        }

        public Drbdsetup(String op, List<String> args, List<String> options) {
            this("drbdsetup", op, args, options);
        }

        @Override
        public String commandLine() {
            StringBuilder b = new StringBuilder(program).append(' ').append(op);
            args.forEach(a -> b.append(' ').append(Shell.escape(a)));
            options.forEach(o -> b.append(' ').append(Shell.escape(o)));
            return b.toString();
        }
    }

    /** {@code drbdmeta MINOR FORMAT DEV IDX OP}. */
    record Drbdmeta(int minor, String format, String metaDev, String metaIdx, String op) implements Step {
        @Override
        public String commandLine() {
            return "drbdmeta " + minor + " " + format + " " + Shell.escape(metaDev) + " " + Shell.escape(metaIdx)
                    + " " + op;
        }
    }

    /** {@code drbd-proxy-ctl -c "COMMAND" [-c "COMMAND"]...}: commands for DRBD proxy. */
    record ProxyCtl(List<String> commands) implements Step {
        public ProxyCtl {
            commands = List.copyOf(commands);
        }

        public ProxyCtl(String command) {
            this(List.of(command));
        }

        @Override
        public String commandLine() {
            StringBuilder b = new StringBuilder("drbd-proxy-ctl");
            commands.forEach(c -> b.append(" -c ").append(Shell.escape(c)));
            return b.toString();
        }
    }
}
