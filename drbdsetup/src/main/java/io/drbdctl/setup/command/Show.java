package io.drbdctl.setup.command;

/** The output function of a {@link Kind#GET} command. */
public enum Show {
    NONE, ROLE, SH_STATUS, CSTATE, DSTATE, GI, SHOW, CHECK_RESIZE, EVENTS, WAIT_CONNECT, WAIT_SYNC, EVENTS2
}
