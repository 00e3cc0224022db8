package io.drbdctl.adm.plan;

/**
 * Stages of a plan, in execution order. Steps of several resources (e.g. {@code up all}) run
 * stage by stage, as drbd-utils schedules them.
 */
public enum Stage {
    PREREQ, RESOURCE, DISK_PREP_DOWN, DISK_PREP_UP, NET_DISCONNECT, NET_PREP_DOWN, NET_PREP_UP, NET_PATH, NET,
    PEER_DEVICE, DISK, NET_CONNECT
}
