package io.drbdctl.setup.command;

/**
 * A command option that is not a field of the request (show --show-defaults, status --verbose,
 * wait-connect --wfc-timeout ...).
 *
 * @param name        option name
 * @param hasArg      takes a value
 * @param optionalArg the value is optional (only with "=")
 */
public record ExtraOption(String name, boolean hasArg, boolean optionalArg) {

    public String usage() {
        return "[--" + name + (hasArg ? "=..." : "") + "]";
    }
}
