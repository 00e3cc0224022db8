package io.drbdctl.meta.format;

/** Human readable sizes as drbdmeta prints them. */
public final class Sizes {
    private Sizes() {
    }

    /** Formats a size given in KiB: divided by 1024 (rounding half up) while at least 10000. */
    public static String ppsize(long kb) {
        String units = "KMGTPE";
        long v = kb;
        int u = 0;
        while (v >= 10000 && u < units.length() - 1) {
            v = (v >> 10) + ((v >> 9) & 1);
            u++;
        }
        return v + " " + units.charAt(u) + "B";
    }
}
