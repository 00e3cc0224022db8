/**
 * drbdsetup for the legacy DRBD 8.4 family: {@link io.drbdctl.setup.SetupSession} runs drbdsetup-84 command
 * lines in-process; {@link io.drbdctl.setup.Main} is the command-line tool.
 */
package io.drbdctl.setup;
