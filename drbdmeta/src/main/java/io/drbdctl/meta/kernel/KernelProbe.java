package io.drbdctl.meta.kernel;

import java.nio.file.Path;

/**
 * Tells whether a DRBD minor is configured in the running kernel and has a backing disk. The
 * reference asks {@code drbdsetup <minor> dstate}; drbdmeta refuses to modify metadata of an
 * attached minor and warns that what it reads might be stale.
 */
@FunctionalInterface
public interface KernelProbe {

    /** What the kernel says about a minor. */
    enum MinorState {
        /** No DRBD module, no such minor, or the minor is unconfigured. */
        NOT_CONFIGURED,
        /** Configured, without a backing disk. */
        DISKLESS,
        /** Configured with a backing disk: its metadata belongs to the kernel. */
        ATTACHED
    }

    MinorState state(int minor);

    /** The running kernel, through /proc and /sys. */
    static KernelProbe system() {
        return new ProcSysProbe(Path.of("/proc"), Path.of("/sys"));
    }

    /** A kernel without DRBD (for callers that know the minor is not in use). */
    static KernelProbe none() {
        return minor -> MinorState.NOT_CONFIGURED;
    }
}
