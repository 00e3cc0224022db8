package io.drbdctl.adm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The class-data sharing training run of the drbdadm launcher (dist/src/make-launchers.sh): a dry
 * run of the arguments given (a parse and an up plan), then drbdsetup's training, which loads the
 * classes a plan's execution uses (drbdsetup in-process, the netlink socket). Not part of the
 * tool's command line.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        Main.run(args, Map.of("__DRBD_NODE__", "alpha"), sink, sink);
        io.drbdctl.setup.CdsTraining.main(new String[0]);
    }
}
