package io.drbdctl.config.model;

/**
 * The global section. usageCount: "yes", "no" or "ask" (default). The command timeouts are
 * null when not written.
 */
public record Global(boolean disableIpVerification, boolean udevAlwaysUseVnr, int minorCount,
                     int dialogRefresh, String usageCount, Integer cmdTimeoutShort, Integer cmdTimeoutMedium,
                     Integer cmdTimeoutLong, Pos pos) {
    public static Global defaults() {
        return new Global(false, false, 0, 1, "ask", null, null, null, null);
    }
}
