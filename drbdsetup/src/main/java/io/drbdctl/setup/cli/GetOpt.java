package io.drbdctl.setup.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Long-option parsing the way glibc's getopt_long does it for drbdsetup: options may come
 * anywhere (non-options are collected in order), "--" ends the options, unambiguous prefixes
 * of option names are accepted, and errors carry glibc's message texts.
 */
public final class GetOpt {
    private GetOpt() {
    }

    /** One option occurrence: the target option's name and its value (null if none). */
    public record Opt(String name, String value) {
    }

    /**
     * The parse result.
     *
     * @param opts  the options in command-line order
     * @param args  the non-option arguments in order
     * @param error the error message (glibc text, with newline) if parsing failed
     */
    public record Result(List<Opt> opts, List<String> args, Optional<String> error) {
        public Result {
            opts = List.copyOf(opts);
            args = List.copyOf(args);
        }
    }

    /**
     * Parses {@code argv} (argv[0] is the program name used in error messages).
     */
    public static Result parse(List<String> argv, List<LongOption> options) {
        String prog = argv.get(0);
        List<Opt> opts = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                args.addAll(argv.subList(i + 1, argv.size()));
                break;
            }
            if (a.startsWith("--")) {
                String body = a.substring(2);
                int eq = body.indexOf('=');
                String name = eq < 0 ? body : body.substring(0, eq);
                String value = eq < 0 ? null : body.substring(eq + 1);
                List<LongOption> hits = match(options, name);
                if (hits.isEmpty()) {
                    return fail(opts, args, prog + ": unrecognized option '--" + body + "'\n");
                }
                if (hits.size() > 1) {
                    StringBuilder b = new StringBuilder(prog + ": option '--" + name
                            + "' is ambiguous; possibilities:");
                    hits.forEach(h -> b.append(" '--").append(h.name()).append('\''));
                    return fail(opts, args, b.append('\n').toString());
                }
                LongOption o = hits.get(0);
                if (!o.hasArg() && value != null) {
                    return fail(opts, args, prog + ": option '--" + o.name() + "' doesn't allow an argument\n");
                }
                if (o.hasArg() && !o.optional() && value == null) {
                    if (i + 1 >= argv.size()) {
                        return fail(opts, args, prog + ": option '--" + o.name() + "' requires an argument\n");
                    }
                    value = argv.get(++i);
                }
                opts.add(new Opt(o.target(), value));
            } else if (a.startsWith("-") && a.length() > 1) {
                return fail(opts, args, prog + ": invalid option -- '" + a.charAt(1) + "'\n");
            } else {
                args.add(a);
            }
        }
        return new Result(opts, args, Optional.empty());
    }

    private static Result fail(List<Opt> opts, List<String> args, String msg) {
        return new Result(opts, args, Optional.of(msg));
    }

    private static List<LongOption> match(List<LongOption> options, String name) {
        for (LongOption o : options) {
            if (o.name().equals(name)) {
                return List.of(o);
            }
        }
        List<LongOption> hits = new ArrayList<>();
        for (LongOption o : options) {
            if (!name.isEmpty() && o.name().startsWith(name)) {
                hits.add(o);
            }
        }
        return hits;
    }
}
