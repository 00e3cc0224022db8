package io.drbdctl.setup.v9;

import java.util.List;
import java.util.Optional;

/**
 * A command of the 9 dialect: its name, positional arguments (all required), options and a
 * one-line summary; the table is {@link V9Commands}.
 *
 * @param name    the command word
 * @param args    the positional arguments' names as the usage shows them
 * @param options the options
 * @param summary one line for the usage text and the man page
 */
public record V9Command(String name, List<String> args, List<V9Option> options, String summary) {

    public V9Command {
        args = List.copyOf(args);
        options = List.copyOf(options);
    }

    public Optional<V9Option> option(String n) {
        return options.stream().filter(o -> o.name().equals(n)).findFirst();
    }

    /** Whether the command takes an optional resource name instead of required arguments. */
    public boolean optionalResource() {
        return name.equals("status") || name.equals("show") || name.equals("events2");
    }

    /**
     * The usage text after the program name as drbd-utils 9.22 wraps it: the command and its
     * arguments, then the options on lines of at most 80 columns indented by four spaces.
     */
    public String usageLines() {
        StringBuilder b = new StringBuilder(name);
        args.forEach(a -> b.append(" {").append(a).append('}'));
        if (optionalResource()) {
            b.append(" [{resource}]");
        }
        int col = 80;
        for (V9Option o : options) {
            String w = "[" + o.synopsis() + "]";
            if (col + 1 + w.length() > 80) {
                b.append("\n   ");
                col = 3;
            }
            b.append(' ').append(w);
            col += 1 + w.length();
        }
        return b.toString();
    }

    /** The usage line, e.g. {@code new-peer {resource} {peer_node_id} [--_name=(string)]}. */
    public String synopsis() {
        StringBuilder b = new StringBuilder(name);
        args.forEach(a -> b.append(" {").append(a).append('}'));
        if (optionalResource()) {
            b.append(" [{resource}]");
        }
        options.forEach(o -> b.append(" [").append(o.synopsis()).append(']'));
        return b.toString();
    }
}
