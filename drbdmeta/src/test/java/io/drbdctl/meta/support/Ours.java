package io.drbdctl.meta.support;

import io.drbdctl.meta.api.Confirmer;
import io.drbdctl.meta.api.MetaContext;
import io.drbdctl.meta.cli.Cli;
import io.drbdctl.meta.kernel.KernelProbe;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs our drbdmeta in-process (no JVM start), without a TTY, with private lock/lib directories. */
public final class Ours {
    private final Path lockDir;
    private final Path libDir;
    private final KernelProbe kernel;

    public Ours(Path stateDir) {
        this(stateDir, KernelProbe.system());
    }

    /** With a given view of the kernel (fake /proc and /sys trees in tests). */
    public Ours(Path stateDir, KernelProbe kernel) {
        this.lockDir = stateDir.resolve("lock");
        this.libDir = stateDir.resolve("lib");
        this.kernel = kernel;
    }

    public Path libDir() {
        return libDir;
    }

    public RunResult run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8);
        int rc = Cli.run(args, out, err, f -> new MetaContext(out, err, f.force(), f.ignoreSanityChecks(),
                f.verbose(), Confirmer.noTty(), lockDir, libDir, kernel));
        out.flush();
        err.flush();
        return new RunResult(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    public MetaContext context(PrintStream out, PrintStream err, boolean force) {
        return new MetaContext(out, err, force, false, 0, Confirmer.noTty(), lockDir, libDir);
    }
}
