package io.drbdctl.setup.run;

/**
 * Ends a command early with an exit code, where drbdsetup 8.4 calls exit(); the message has
 * already been printed. Caught by the session, never escapes it.
 */
public final class SetupExit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    public SetupExit(int code) {
        super(null, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
