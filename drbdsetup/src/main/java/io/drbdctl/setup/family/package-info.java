/** Which generic netlink family (and so which command dialect) drbdsetup and drbdadm use. */
package io.drbdctl.setup.family;
