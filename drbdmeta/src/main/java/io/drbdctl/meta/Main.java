package io.drbdctl.meta;

import io.drbdctl.meta.api.MetaContext;
import io.drbdctl.meta.cli.Cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.function.Function;

/** Entry point of the drbdmeta command line tool. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // line-buffered on a terminal (keeps the order of stdout and stderr), block-buffered otherwise
        boolean interactive = System.console() != null;
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                interactive);
        PrintStream err = System.err;
        int rc = Cli.run(args, out, err, contextFactory(out, err));
        out.flush();
        err.flush();
        // Everything is closed and flushed by now. halt instead of exit: no shutdown hooks, in
        // particular not JNA's, which starts a thread at exit (on a busy machine that alone can
        // take longer than the whole command).
        Runtime.getRuntime().halt(rc);
    }

    /** The context of a run from the command line: system directories, the terminal for confirmations. */
    static Function<Cli.Flags, MetaContext> contextFactory(PrintStream out, PrintStream err) {
        return f -> MetaContext.system(out, err, f.force(), f.ignoreSanityChecks(), f.verbose());
    }
}
