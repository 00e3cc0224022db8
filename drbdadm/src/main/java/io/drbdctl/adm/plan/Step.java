package io.drbdctl.adm.plan;

import java.util.List;

/** One step of a plan. It prints itself as the reference's command line. */
public sealed interface Step permits Step.Drbdsetup, Step.Drbdmeta, Step.ProxyCtl {

    /** The command line as {@code drbdadm -d} prints it (arguments shell-escaped). */
    default String commandLine() {
        return appendTo(new StringBuilder(64)).toString();
    }

    /** Appends the command line to {@code b} (a plan of 10000 resources prints without a string per step). */
    StringBuilder appendTo(StringBuilder b);

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
        public StringBuilder appendTo(StringBuilder b) {
            b.append(program).append(' ').append(op);
            for (int i = 0, n = args.size(); i < n; i++) {
                Shell.appendEscaped(b.append(' '), args.get(i));
            }
            for (int i = 0, n = options.size(); i < n; i++) {
                Shell.appendEscaped(b.append(' '), options.get(i));
            }
            return b;
        }
    }

    /** {@code drbdmeta MINOR FORMAT DEV IDX OP}. */
    record Drbdmeta(int minor, String format, String metaDev, String metaIdx, String op) implements Step {
        @Override
        public StringBuilder appendTo(StringBuilder b) {
            b.append("drbdmeta ").append(minor).append(' ').append(format).append(' ');
            Shell.appendEscaped(b, metaDev).append(' ');
            return Shell.appendEscaped(b, metaIdx).append(' ').append(op);
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
        public StringBuilder appendTo(StringBuilder b) {
            b.append("drbd-proxy-ctl");
            for (String c : commands) {
                Shell.appendEscaped(b.append(" -c "), c);
            }
            return b;
        }
    }
}
