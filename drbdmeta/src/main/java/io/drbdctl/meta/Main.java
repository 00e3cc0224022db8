package io.drbdctl.meta;

import io.drbdctl.meta.api.MetaContext;
import io.drbdctl.meta.cli.Cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

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
        int rc = Cli.run(args, out, err, f -> MetaContext.system(out, err, f.force(), f.ignoreSanityChecks(),
                f.verbose()));
        out.flush();
        System.exit(rc);
    }
}
