package io.drbdctl.config.model;

public enum HostKind {
    ON, STACKED, FLOATING, THIS_HOST
}
