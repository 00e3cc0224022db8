package io.drbdctl.meta.api;

import io.drbdctl.meta.kernel.KernelProbe;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Environment of a drbdmeta run: output streams, global options, the directories for lock and
 * last-known-device files, and how to ask the kernel whether a minor is in use.
 */
public record MetaContext(PrintStream out, PrintStream err, boolean force, boolean ignoreSanityChecks,
                          int verbose, Confirmer confirmer, Path lockDir, Path libDir, KernelProbe kernel) {

    /** A context that asks the running kernel (/proc, /sys) about the minor. */
    public MetaContext(PrintStream out, PrintStream err, boolean force, boolean ignoreSanityChecks, int verbose,
                       Confirmer confirmer, Path lockDir, Path libDir) {
        this(out, err, force, ignoreSanityChecks, verbose, confirmer, lockDir, libDir, KernelProbe.system());
    }

    /** System defaults: /var/lock and /var/lib/drbd (overridable via DRBD_LOCK_DIR/DRBD_LIB_DIR). */
    public static MetaContext system(PrintStream out, PrintStream err, boolean force, boolean ignoreSanity,
                                     int verbose) {
        return new MetaContext(out, err, force, ignoreSanity, verbose, Confirmer.terminal(),
                Path.of(env("DRBD_LOCK_DIR", "/var/lock")), Path.of(env("DRBD_LIB_DIR", "/var/lib/drbd")));
    }

    private static String env(String k, String def) {
        String v = System.getenv(k);
        return v == null || v.isEmpty() ? def : v;
    }

    public MetaContext withForce(boolean f) {
        return new MetaContext(out, err, f, ignoreSanityChecks, verbose, confirmer, lockDir, libDir, kernel);
    }

    /**
     * Prints the question (preceded by an empty line) and returns the answer; --force answers yes.
     */
    public boolean confirm(String question) {
        err.println();
        err.println(question);
        if (force) {
            err.println("*** confirmation forced via --force option ***");
            return true;
        }
        return confirmer.ask(err);
    }
}
