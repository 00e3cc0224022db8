package io.drbdctl.setup.run;

/**
 * The options of a get command.
 *
 * @param showDefaults       show --show-defaults
 * @param waitAfterSb        wait-* --wait-after-sb
 * @param wfcTimeout         seconds
 * @param degrWfcTimeout     seconds
 * @param outdatedWfcTimeout seconds
 */
record GetOptions(boolean showDefaults, boolean waitAfterSb, long wfcTimeout, long degrWfcTimeout,
                  long outdatedWfcTimeout, boolean statistics, boolean timestamps, boolean now) {
}
