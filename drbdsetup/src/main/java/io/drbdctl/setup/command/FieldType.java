package io.drbdctl.setup.command;

/** How a command-line option value is parsed, sent and shown. */
public enum FieldType {
    NUMERIC, BOOLEAN, FLAG, ENUM, STRING, ADDRESS
}
