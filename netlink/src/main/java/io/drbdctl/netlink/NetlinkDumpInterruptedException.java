package io.drbdctl.netlink;

/**
 * A dump came back with NLM_F_DUMP_INTR on every attempt: the kernel's object set changed
 * while it was being dumped, so the result may be inconsistent. Callers may simply retry.
 */
public class NetlinkDumpInterruptedException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    public NetlinkDumpInterruptedException(int attempts) {
        super("dump interrupted (NLM_F_DUMP_INTR) on " + attempts + " attempt(s)");
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
