package io.drbdctl.config.model;

/** Host name comparison as drbd-utils does it: short names compare on the first label. */
public final class HostNames {
    private HostNames() {
    }

    public static boolean equal(String a, String b) {
        int da = a.indexOf('.');
        int db = b.indexOf('.');
        if (da >= 0 && db >= 0) {
            return a.equalsIgnoreCase(b);
        }
        String sa = da >= 0 ? a.substring(0, da) : a;
        String sb = db >= 0 ? b.substring(0, db) : b;
        return sa.equalsIgnoreCase(sb);
    }
}
