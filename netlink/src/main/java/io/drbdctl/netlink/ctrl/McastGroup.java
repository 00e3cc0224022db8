package io.drbdctl.netlink.ctrl;

/** A multicast group of a family: its name and the id to subscribe to. */
public record McastGroup(String name, int id) {
}
