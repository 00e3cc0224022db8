package io.drbdctl.setup.v9;

/** Ends a 9-dialect command early with an exit code (the message is already printed). */
public final class V9Exit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    public V9Exit(int code) {
        super(null, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
