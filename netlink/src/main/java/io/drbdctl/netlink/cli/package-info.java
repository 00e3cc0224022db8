/** Small command-line tools for the lab (QEMU guests). */
package io.drbdctl.netlink.cli;
