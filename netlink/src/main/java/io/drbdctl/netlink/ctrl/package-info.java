/** The nlctrl family: resolving family ids and multicast group ids by name. */
package io.drbdctl.netlink.ctrl;
