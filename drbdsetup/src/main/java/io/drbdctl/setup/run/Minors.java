package io.drbdctl.setup.run;

import io.drbdctl.setup.kernel.Host;
import io.drbdctl.setup.kernel.V8Control;

/** Minor numbers from device names: "N", "/dev/drbdN", or a DRBD device node. */
public final class Minors {
    private Minors() {
    }

    /** The minor, or {@link V8Control#NO_MINOR} if {@code device} names none. */
    public static long of(String device, Host host) {
        String digits = device;
        if (!onlyDigits(device)) {
            if (device.startsWith("/dev/drbd") && onlyDigits(device.substring(9))) {
                digits = device.substring(9);
            } else {
                return host.drbdMinorOfNode(device).stream().mapToLong(i -> i).findFirst()
                        .orElse(V8Control.NO_MINOR);
            }
        }
        try {
            return Long.parseLong(digits) & 0xffffffffL;
        } catch (NumberFormatException e) {
            return V8Control.NO_MINOR;
        }
    }

    static boolean onlyDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
