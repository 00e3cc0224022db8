package io.drbdctl.setup.format;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Turns a kernel result (drbd_ret_code or drbd_state_rv) into drbdsetup 8.4's stderr text and
 * exit code.
 */
public final class ConfigError {
    private ConfigError() {
    }

    public static final int NO_ERROR = 101;
    public static final int SS_SUCCESS = 1;
    /** A local failure (drbdsetup's OTHER_ERROR). */
    public static final int OTHER_ERROR = 900;

    /**
     * Prints the error for {@code code} on {@code err} and returns the exit code.
     *
     * @param objName  the object name the command addressed ("??" when none)
     * @param desc     a local description, replacing the table text
     * @param infoText the info_text lines of the kernel's cfg-reply, if it sent one
     */
    public static int print(PrintStream err, String objName, int code, Optional<String> desc,
                            Optional<List<String>> infoText) {
        if (code == NO_ERROR || code == SS_SUCCESS) {
            return 0;
        }
        if (code == OTHER_ERROR) {
            desc.ifPresent(d -> err.print(objName + ": " + d + "\n"));
            return 20;
        }
        int rv = 0;
        boolean knownErr = code > RetCodeText.BASE && code <= RetCodeText.MAX;
        boolean knownState = code <= 4 && code > -22;
        if (!knownErr && !knownState) {
            err.print(objName + ": Error code " + code + " unknown.\n"
                    + "You should update the drbd userland tools.\n");
            rv = 20;
        } else if (code > RetCodeText.BASE) {
            err.print(objName + ": Failure: (" + code + ") " + desc.orElse(RetCodeText.of(code)) + "\n");
            rv = 10;
        } else if (code == 0) {
            err.print(objName + ": State change failed: (" + code + ")unknown error.\n");
            rv = 11;
        } else if (code < 0) {
            err.print(objName + ": State change failed: (" + code + ") " + DrbdNames.stateError(code) + "\n");
            rv = switch (code) {
                case -2 -> 17;
                case -16 -> 5;
                case -4 -> 16;
                default -> 11;
            };
        }
        infoText.ifPresent(lines -> {
            err.print("additional info from kernel:\n");
            lines.forEach(l -> err.print(l + "\n"));
        });
        return rv;
    }
}
