/** The AF_NETLINK socket, through a JNA direct mapping of libc. */
package io.drbdctl.netlink.socket;
