package io.drbdctl.setup.v9;

import io.drbdctl.netlink.Errno;
import io.drbdctl.netlink.NetlinkErrnoException;

/**
 * A refusal of the drbd2 family as drbdsetup reports it: one line naming the command, the
 * object, the errno text and the kernel's extack message, and the exit code drbd-utils 9.22's
 * drbdsetup uses for that class of failure:
 * <ul>
 * <li>17: promotion without up-to-date data (ENODATA of primary; 9.22: SS_NO_UP_TO_DATE_DISK)</li>
 * <li>11: any other refused role or disk-state change (primary, secondary, detach, outdate,
 *     invalidate, invalidate-remote, verify; 9.22: a "State change failed" SS_* code); an
 *     unknown object (ENOENT, ENODEV) or a value out of range (ERANGE) is 10 for these too</li>
 * <li>20: the request was not a DRBD answer but refused by netlink itself (EPERM, EACCES;
 *     9.22: OTHER_ERROR)</li>
 * <li>10: every other errno (unknown object, exists, in use, out of range, ...; 9.22: an
 *     ERR_* "Failure" code)</li>
 * </ul>
 *
 * @param line     the message, without newline
 * @param exitCode the exit code
 */
public record Drbd2Failure(String line, int exitCode) {
    /** ENODATA (not among Errno's named constants). */
    static final int ENODATA = 61;
    /** ENODEV. */
    static final int ENODEV = Errno.ENODEV;

    /** The failure of {@code command} on {@code object}. */
    public static Drbd2Failure of(String command, String object, NetlinkErrnoException e) {
        int errno = e.errno();
        StringBuilder b = new StringBuilder(command);
        if (!object.isEmpty()) {
            b.append(' ').append(object);
        }
        b.append(": ").append(Errno.text(errno)).append(" (").append(Errno.name(errno)).append(')');
        e.kernelMessage().ifPresent(m -> b.append(": ").append(m));
        return new Drbd2Failure(b.toString(), exitCode(command, errno));
    }

    /** The exit code for {@code errno} answered to {@code command} (see the class comment). */
    public static int exitCode(String command, int errno) {
        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            return 20;
        }
        return switch (command) {
            case "primary" -> errno == ENODATA ? 17 : stateChange(errno);
            case "secondary", "detach", "outdate", "invalidate", "invalidate-remote", "verify" ->
                    stateChange(errno);
            default -> 10;
        };
    }

    private static int stateChange(int errno) {
        return errno == Errno.ENOENT || errno == Errno.ENODEV || errno == Errno.ERANGE ? 10 : 11;
    }
}
