package io.drbdctl.setup.cli;

/**
 * A long option as getopt_long knows it.
 *
 * @param name     the option name
 * @param hasArg   takes an argument
 * @param optional the argument is optional (then only "--name=value" passes one)
 * @param target   the option it stands for (itself, or the original of an alias)
 */
public record LongOption(String name, boolean hasArg, boolean optional, String target) {
}
