package io.drbdctl.adm;

/** Exit codes of drbd-utils' drbdadm. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int SYNTAX = 2;
    public static final int CONFIG_INVALID = 10;
    public static final int EXEC_ERROR = 20;

    private ExitCodes() {
    }
}
