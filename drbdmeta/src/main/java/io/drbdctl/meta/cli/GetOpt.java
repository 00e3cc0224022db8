package io.drbdctl.meta.cli;

import io.drbdctl.meta.MetaException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line scanning with the semantics of GNU {@code getopt_long} as the reference uses it:
 * options anywhere (arguments are permuted), {@code --} ends the options, long options may be
 * abbreviated to a unique prefix and take their value as {@code --name=value} or as the next
 * argument, short options may be clustered ({@code -fv}, {@code -i3}). Error texts are glibc's.
 *
 * <p>Hand-written instead of picocli: picocli's classes (Java 5 class files) cannot go into the
 * launcher's class-data sharing archive, and loading them was most of drbdmeta's start-up time.
 */
final class GetOpt {
    /** One option: long name, short letter (0 if none), whether it takes a value. */
    record Spec(String name, char letter, boolean hasArg) {
    }

    /** A getopt error: the message glibc prints (without the trailing newline). */
    static final class Error extends Exception {
        private static final long serialVersionUID = 1L;

        Error(String message) {
            super(message);
        }
    }

    /** Receives each option as it is scanned; may reject its value. */
    @FunctionalInterface
    interface Handler {
        void option(Spec spec, String value) throws MetaException;
    }

    private final String prog;
    private final List<Spec> specs;

    GetOpt(String prog, List<Spec> specs) {
        this.prog = prog;
        this.specs = List.copyOf(specs);
    }

    /**
     * Scans {@code argv}, handing every option to {@code h} in command line order (so a bad value
     * is reported before a later unknown option, as getopt does); returns the operands.
     */
    List<String> parse(String[] argv, Handler h) throws Error, MetaException {
        List<String> operands = new ArrayList<>();
        int i = 0;
        while (i < argv.length) {
            String a = argv[i++];
            if (a.equals("--")) {
                while (i < argv.length) {
                    operands.add(argv[i++]);
                }
                break;
            }
            if (a.startsWith("--")) {
                i = longOption(a.substring(2), argv, i, h);
            } else if (a.length() > 1 && a.charAt(0) == '-') {
                i = shortOptions(a, argv, i, h);
            } else {
                operands.add(a);
            }
        }
        return operands;
    }

    private int longOption(String body, String[] argv, int next, Handler h) throws Error, MetaException {
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        Spec s = findLong(name, body);
        if (eq >= 0) {
            if (!s.hasArg()) {
                throw new Error(prog + ": option '--" + s.name() + "' doesn't allow an argument");
            }
            h.option(s, body.substring(eq + 1));
            return next;
        }
        if (!s.hasArg()) {
            h.option(s, null);
            return next;
        }
        if (next >= argv.length) {
            throw new Error(prog + ": option '--" + s.name() + "' requires an argument");
        }
        h.option(s, argv[next]);
        return next + 1;
    }

    private Spec findLong(String name, String body) throws Error {
        Map<String, Spec> matches = new LinkedHashMap<>();
        for (Spec s : specs) {
            if (s.name().equals(name)) {
                return s;
            }
            if (s.name().startsWith(name)) {
                matches.put(s.name(), s);
            }
        }
        if (matches.size() == 1) {
            return matches.values().iterator().next();
        }
        if (matches.isEmpty()) {
            throw new Error(prog + ": unrecognized option '--" + body + "'");
        }
        StringBuilder b = new StringBuilder(prog + ": option '--" + name + "' is ambiguous; possibilities:");
        for (String n : matches.keySet()) {
            b.append(" '--").append(n).append('\'');
        }
        throw new Error(b.toString());
    }

    private int shortOptions(String a, String[] argv, int next, Handler h) throws Error, MetaException {
        for (int j = 1; j < a.length(); j++) {
            char c = a.charAt(j);
            Spec s = null;
            for (Spec x : specs) {
                if (x.letter() == c) {
                    s = x;
                }
            }
            if (s == null) {
                throw new Error(prog + ": invalid option -- '" + c + "'");
            }
            if (!s.hasArg()) {
                h.option(s, null);
                continue;
            }
            if (j + 1 < a.length()) {
                h.option(s, a.substring(j + 1));
                return next;
            }
            if (next >= argv.length) {
                throw new Error(prog + ": option requires an argument -- '" + c + "'");
            }
            h.option(s, argv[next]);
            return next + 1;
        }
        return next;
    }
}
