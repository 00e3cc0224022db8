package io.drbdctl.setup.run;

import io.drbdctl.setup.cli.GetOpt;
import io.drbdctl.setup.command.CommandDef;
import io.drbdctl.setup.command.Ctx;
import java.io.PrintStream;
import java.util.List;

/**
 * A command line after the object arguments were taken: the command, what it addresses, its
 * options and the remaining arguments, and where output goes.
 *
 * @param cmd       the command
 * @param objName   the object as named on the command line ("??" when none)
 * @param minor     the minor for minor context, else 0xffffffff
 * @param context   the context bits ({@link Ctx})
 * @param localAddr the local address argument (connection context)
 * @param peerAddr  the peer address argument (connection context)
 * @param opts      options in command-line order
 * @param args      remaining positional arguments
 * @param out       standard output
 * @param err       standard error
 * @param program   the program name messages use
 */
public record Invocation(CommandDef cmd, String objName, long minor, int context, String localAddr,
                         String peerAddr, List<GetOpt.Opt> opts, List<String> args, PrintStream out,
                         PrintStream err, String program) {

    public Invocation {
        opts = List.copyOf(opts);
        args = List.copyOf(args);
    }

    public boolean in(int ctx) {
        return (context & ctx) != 0;
    }

    public boolean hasOpt(String name) {
        return opts.stream().anyMatch(o -> o.name().equals(name));
    }

    /** Prints "Excess arguments: ..." (and the reference's newline on stdout). */
    public void excess(List<String> extra) {
        StringBuilder b = new StringBuilder("Excess arguments:");
        extra.forEach(a -> b.append(' ').append(a));
        err.print(b);
        out.print("\n");
    }
}
