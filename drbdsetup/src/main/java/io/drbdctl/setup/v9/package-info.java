/**
 * drbdsetup's DRBD 9 command set over the drbd2 family: the command table, argument checks,
 * the kernel calls, status and show in drbd-utils 9.22's formats, errno to exit code.
 */
package io.drbdctl.setup.v9;
