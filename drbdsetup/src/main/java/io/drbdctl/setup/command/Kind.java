package io.drbdctl.setup.command;

/** What runs a command. */
public enum Kind {
    /** A configuration request (generic: options and arguments into one request). */
    CONFIG,
    /** "down": list the resource's minors, then DOWN. */
    DOWN,
    /** A GET_STATUS request or dump whose objects a show function prints. */
    GET,
    /** "status": the four DRBD 9 style dumps. */
    STATUS
}
