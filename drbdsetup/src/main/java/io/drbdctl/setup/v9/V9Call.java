package io.drbdctl.setup.v9;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A checked command line of the 9 dialect.
 *
 * @param cmd     the command
 * @param args    its positional arguments
 * @param opts    option values by name (flags as "yes"/"no")
 * @param out     standard output
 * @param err     standard error
 * @param program the program name in messages
 * @param tty     whether standard output is a terminal
 */
public record V9Call(V9Command cmd, List<String> args, Map<String, String> opts, PrintStream out,
                     PrintStream err, String program, boolean tty) {

    public V9Call {
        args = List.copyOf(args);
        opts = Map.copyOf(opts);
    }

    public boolean flag(String name) {
        return "yes".equals(opts.get(name));
    }

    /** A non-negative decimal number below 2^32 (what drbd2's u32 attributes carry). */
    static OptionalLong number(String s) {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long v = Long.parseLong(s);
        return v > 0xffffffffL ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** A numeric positional argument; a bad one ends the command with exit 20. */
    long argument(String what, String text) {
        OptionalLong v = number(text);
        if (v.isEmpty()) {
            err.print(program + " " + cmd.name() + ": invalid " + what + " '" + text + "'\n");
            throw new V9Exit(20);
        }
        return v.getAsLong();
    }
}
