package io.drbdctl.adm;

import java.util.ArrayList;
import java.util.List;

/**
 * drbdadm's command line. drbdadm's own options may stand anywhere before {@code --}, as
 * {@code -c FILE}, {@code -cFILE}, {@code --config-file FILE}, {@code --config-file=FILE} or in
 * clusters ({@code -dS}); every other word, and everything after {@code --}, is positional: the
 * command, the resources and the options passed on to drbdsetup/drbdmeta. drbd-utils' other
 * global options (-t, -E, -p, -n, -W) are recognized, with their value, and listed in
 * {@code unsupported}: drbdadm refuses them until they are implemented.
 *
 * <p>Hand-written instead of picocli: picocli's classes (Java 5 class files) cannot go into the
 * launcher's class-data sharing archive, and loading and verifying them took about half of a
 * single-resource run.
 */
record Args(String configFile, boolean dryRun, boolean stacked, boolean verbose, boolean json, boolean help,
            boolean version, String drbdsetup, String drbdmeta, List<String> unsupported, List<String> positional) {

    static final String DEFAULT_CONFIG = "/etc/drbd.conf";

    /** A usage error, with the message drbdadm prints. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    Args {
        unsupported = List.copyOf(unsupported);
        positional = List.copyOf(positional);
    }

    static Args parse(String[] argv) throws UsageException {
        Builder b = new Builder();
        List<String> pos = new ArrayList<>();
        int i = 0;
        for (; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
                char letter = letterOf(name);
                if (letter == 0) {
                    pos.add(a);
                    continue;
                }
                if (takesValue(letter)) {
                    String v;
                    if (eq >= 0) {
                        v = a.substring(eq + 1);
                    } else if (i + 1 < argv.length) {
                        v = argv[++i];
                    } else {
                        throw new UsageException("option '--" + name + "' requires an argument");
                    }
                    b.set(letter, v);
                } else if (eq >= 0) {
                    throw new UsageException("option '--" + name + "' doesn't allow an argument");
                } else {
                    b.set(letter, null);
                }
                continue;
            }
            if (a.length() > 1 && a.charAt(0) == '-' && isCluster(a)) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    if (!takesValue(c)) {
                        b.set(c, null);
                        continue;
                    }
                    if (k + 1 < a.length()) {
                        b.set(c, a.substring(k + 1));
                    } else if (i + 1 < argv.length) {
                        b.set(c, argv[++i]);
                    } else {
                        throw new UsageException("option requires an argument -- '" + c + "'");
                    }
                    break;
                }
                continue;
            }
            pos.add(a);
        }
        if (i < argv.length) {
            // after "--": all positional, "--" itself dropped
            for (i++; i < argv.length; i++) {
                pos.add(argv[i]);
            }
        }
        return new Args(b.configFile, b.dryRun, b.stacked, b.verbose, b.json, b.help, b.version, b.drbdsetup,
                b.drbdmeta, b.unsupported, pos);
    }

    /** True when every letter up to the first one that takes a value is one of drbdadm's. */
    private static boolean isCluster(String a) {
        for (int k = 1; k < a.length(); k++) {
            char c = a.charAt(k);
            if ("cdSvhVtEsmpnW".indexOf(c) < 0) {
                return false;
            }
            if (takesValue(c)) {
                return true;
            }
        }
        return true;
    }

    private static boolean takesValue(char letter) {
        return "ctEsmpnW".indexOf(letter) >= 0;
    }

    /** The short letter of a long option, 0 when drbdadm does not know it (then it is passed on). */
    private static char letterOf(String longName) {
        return switch (longName) {
            case "config-file" -> 'c';
            case "dry-run" -> 'd';
            case "stacked" -> 'S';
            case "verbose" -> 'v';
            case "help" -> 'h';
            case "version" -> 'V';
            case "json" -> 'j';
            case "config-to-test" -> 't';
            case "config-to-exclude" -> 'E';
            case "drbdsetup" -> 's';
            case "drbdmeta" -> 'm';
            case "drbd-proxy-ctl" -> 'p';
            case "sh-varname" -> 'n';
            case "setup-option" -> 'W';
            default -> 0;
        };
    }

    private static final class Builder {
        String configFile = DEFAULT_CONFIG;
        boolean dryRun;
        boolean stacked;
        boolean verbose;
        boolean json;
        boolean help;
        boolean version;
        /** -s/--drbdsetup, -m/--drbdmeta: run these programs instead of the built-in tools. */
        String drbdsetup;
        String drbdmeta;
        /** drbd-utils' global options drbdadm knows but does not implement yet, as "--name". */
        final List<String> unsupported = new ArrayList<>();

        void set(char letter, String value) {
            switch (letter) {
                case 'c' -> configFile = value;
                case 'd' -> dryRun = true;
                case 'S' -> stacked = true;
                case 'v' -> verbose = true;
                case 'h' -> help = true;
                case 'V' -> version = true;
                case 'j' -> json = true;
                case 't' -> unsupported.add("--config-to-test");
                case 'E' -> unsupported.add("--config-to-exclude");
                case 's' -> drbdsetup = value;
                case 'm' -> drbdmeta = value;
                case 'p' -> unsupported.add("--drbd-proxy-ctl");
                case 'n' -> unsupported.add("--sh-varname");
                case 'W' -> unsupported.add("--setup-option");
                default -> throw new IllegalArgumentException("option letter " + letter);
            }
        }
    }
}
