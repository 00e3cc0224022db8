package io.drbdctl.meta;

/**
 * A failure of a drbdmeta operation. Carries the exit status the command line tool uses and the
 * message it prints on stderr (may be empty when the reference prints nothing).
 */
public final class MetaException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public MetaException(int exitCode, String message) {
        super(message == null ? "" : message);
        this.exitCode = exitCode;
    }

    public MetaException(int exitCode, String message, Throwable cause) {
        super(message == null ? "" : message, cause);
        this.exitCode = exitCode;
    }

    /** Exit status of the command line tool for this failure. */
    public int exitCode() {
        return exitCode;
    }

    /** Exit codes used by drbdmeta 9.22. */
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_INCONSISTENT = 5;
    public static final int EXIT_PARSE = 10;
    public static final int EXIT_DEVICE = 20;
    public static final int EXIT_NOT_IMPLEMENTED = 30;
    public static final int EXIT_REFUSED = 40;
}
