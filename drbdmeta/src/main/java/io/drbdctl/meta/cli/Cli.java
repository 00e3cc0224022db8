package io.drbdctl.meta.cli;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.api.CreateOptions;
import io.drbdctl.meta.api.DrbdMeta;
import io.drbdctl.meta.api.MetaContext;
import io.drbdctl.meta.api.Target;
import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.MetaIndex;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The drbdmeta command line: options anywhere (GNU getopt_long rules, see {@link GetOpt}), then
 * MINOR FORMAT [DEV INDEX] COMMAND ARGS.
 */
public final class Cli {
    private static final GetOpt.Spec FORCE = new GetOpt.Spec("force", 'f', false);
    private static final GetOpt.Spec VERBOSE = new GetOpt.Spec("verbose", 'v', false);
    private static final GetOpt.Spec IGNORE_SANITY = new GetOpt.Spec("ignore-sanity-checks", (char) 0, false);
    private static final GetOpt.Spec DRY_RUN = new GetOpt.Spec("dry-run", (char) 0, false);
    private static final GetOpt.Spec NODE_ID = new GetOpt.Spec("node-id", 'i', true);
    private static final GetOpt.Spec PEER_MAX_BIO = new GetOpt.Spec("peer-max-bio-size", 'p', true);
    private static final GetOpt.Spec AL_STRIPES = new GetOpt.Spec("al-stripes", 's', true);
    private static final GetOpt.Spec AL_STRIPE_SIZE = new GetOpt.Spec("al-stripe-size-kB", 'z', true);
    private static final GetOpt.Spec INIT_BITMAP = new GetOpt.Spec("initialize-bitmap", 'b', true);
    /** In the reference's table order (it decides the order of "possibilities" in messages). */
    private static final List<GetOpt.Spec> SPECS = List.of(IGNORE_SANITY, DRY_RUN, FORCE, VERBOSE, PEER_MAX_BIO,
            NODE_ID, AL_STRIPES, AL_STRIPE_SIZE, INIT_BITMAP);

    boolean force;
    int verbose;
    boolean ignoreSanity;
    boolean dryRun;
    Integer nodeId;
    Integer peerMaxBio;
    Long alStripes;
    Long alStripeSizeBytes;
    CreateOptions.InitBitmap initBitmap = CreateOptions.InitBitmap.AUTOMATIC;
    List<String> args = new ArrayList<>();

    /**
     * Runs drbdmeta with the given arguments.
     *
     * @param contextFactory builds the context from (force, ignore-sanity-checks, verbosity)
     * @return the exit status
     */
    public static int run(String[] argv, PrintStream out, PrintStream err, Function<Flags, MetaContext> contextFactory) {
        Cli c = new Cli();
        try {
            try {
                // like the reference: fewer than three arguments only get the usage
                if (argv.length < 3) {
                    out.print(Usage.TEXT);
                    return MetaException.EXIT_DEVICE;
                }
                try {
                    c.args = new GetOpt("drbdmeta", SPECS).parse(argv, c::option);
                } catch (GetOpt.Error e) {
                    err.println(e.getMessage());
                    out.print(Usage.TEXT);
                    return MetaException.EXIT_DEVICE;
                }
                return c.execute(argv, out, err, contextFactory);
            } finally {
                out.flush();
                err.flush();
            }
        } catch (MetaException e) {
            if (!e.getMessage().isEmpty()) {
                err.println(e.getMessage());
            }
            return e.exitCode();
        } catch (RuntimeException e) {
            err.println("drbdmeta: internal error: " + e);
            return 111;
        }
    }

    private void option(GetOpt.Spec s, String v) throws MetaException {
        if (s == FORCE) {
            force = true;
        } else if (s == VERBOSE) {
            verbose++;
        } else if (s == IGNORE_SANITY) {
            ignoreSanity = true;
        } else if (s == DRY_RUN) {
            dryRun = true;
        } else if (s == NODE_ID) {
            long n = NumberArgs.plain(v);
            if (n < 0 || n > 31) {
                throw new MetaException(MetaException.EXIT_PARSE, "node-id out of range (0...31)");
            }
            nodeId = (int) n;
        } else if (s == PEER_MAX_BIO) {
            long b = NumberArgs.parse(v, (char) 0);
            if (b < 0 || b > 1024 * 1024) {
                throw new MetaException(MetaException.EXIT_PARSE, "peer-max-bio-size out of range (0...1M)");
            }
            peerMaxBio = (int) b;
        } else if (s == AL_STRIPES) {
            alStripes = NumberArgs.plain(v);
        } else if (s == AL_STRIPE_SIZE) {
            alStripeSizeBytes = NumberArgs.parse(v, 'k');
        } else if (s == INIT_BITMAP) {
            initBitmap = CreateOptions.InitBitmap.parse(v);
            if (initBitmap == null) {
                throw new MetaException(MetaException.EXIT_PARSE, "invalid initialize-bitmap-mode \"" + v
                        + "\", should be one of automatic|zeroout|pwrite|skip");
            }
        }
    }

    /** Global flags the context depends on. */
    public record Flags(boolean force, boolean ignoreSanityChecks, int verbose) {
    }

    /** Commands that take --node-id (the others refuse it). */
    private static final List<String> NODE_ID_COMMANDS = List.of("get-gi", "show-gi", "set-gi", "forget-peer");
    private static final List<String> COMMANDS = List.of("get-gi", "show-gi", "dump-md", "restore-md",
            "verify-dump", "apply-al", "wipe-md", "outdate", "invalidate", "dstate", "check-resize", "create-md",
            "forget-peer", "set-gi", "read-dev-uuid", "write-dev-uuid");

    private int execute(String[] argv, PrintStream out, PrintStream err, Function<Flags, MetaContext> f)
            throws MetaException {
        if (args.size() < 2) {
            throw new MetaException(MetaException.EXIT_DEVICE, "Format identifier missing");
        }
        FormatVersion v = FormatVersion.parse(args.get(1));
        if (v == null) {
            throw new MetaException(MetaException.EXIT_DEVICE, "Unknown format '" + args.get(1) + "'.");
        }
        int formatArgs = v == FormatVersion.V06 ? 1 : 2;
        if (args.size() < 2 + formatArgs) {
            throw new MetaException(MetaException.EXIT_DEVICE, "Too few arguments for format");
        }
        MetaIndex index = null;
        if (v == FormatVersion.V06) {
            if (!args.get(2).matches("[0-9]+")) {
                throw new MetaException(MetaException.EXIT_DEVICE, "'" + args.get(2) + "' is not a valid minor number.");
            }
        } else {
            index = MetaIndex.parse(args.get(3));
            if (index == null) {
                throw new MetaException(MetaException.EXIT_DEVICE, "'" + args.get(3) + "' is not a valid index number.");
            }
        }
        int at = 2 + formatArgs;
        if (args.size() <= at) {
            throw new MetaException(MetaException.EXIT_DEVICE, "command missing");
        }
        String cmd = args.get(at);
        if (!COMMANDS.contains(cmd)) {
            throw new MetaException(MetaException.EXIT_DEVICE, "Unknown command '" + cmd + "'.");
        }
        List<String> cargs = args.subList(at + 1, args.size());
        if (peerMaxBio != null && !cmd.equals("create-md")) {
            throw new MetaException(MetaException.EXIT_PARSE, "The --peer-max-bio-size option is only allowed with create-md");
        }
        if ((alStripes != null || alStripeSizeBytes != null) && !cmd.equals("create-md") && !cmd.equals("restore-md")) {
            throw new MetaException(MetaException.EXIT_PARSE,
                    "The --al-stripe* options are only allowed with create-md and restore-md");
        }
        Integer node = nodeIdFor(v, cmd, err);
        int consumed = switch (cmd) {
            case "create-md" -> v == FormatVersion.V09 ? 1 : 0;
            case "set-gi", "write-dev-uuid" -> 1;
            default -> 0;
        };
        if (cmd.equals("set-gi") || cmd.equals("write-dev-uuid")) {
            needParse(cargs);
        }
        if (cargs.size() > consumed && !cmd.equals("restore-md") && !cmd.equals("verify-dump")) {
            err.println("Ignoring additional arguments");
        }
        MetaContext ctx = f.apply(flags());
        // v06 keeps its meta data in a file named after the minor in DRBD's lib directory
        Target t = new Target(minor(args.get(0)), v, v == FormatVersion.V06 ? ctx.libDir().resolve("drbd"
                + args.get(2).replaceFirst("^0+(?=.)", "")) : Path.of(args.get(2)), index, args.get(0));
        DrbdMeta api = new DrbdMeta(ctx);
        if (v == FormatVersion.V06 || v == FormatVersion.V07) {
            throw new MetaException(MetaException.EXIT_DEVICE, "Format '" + v.label()
                    + "' is not supported by this drbdmeta (use v08 or v09).");
        }
        switch (cmd) {
            case "create-md" -> api.createMd(t, createOptions(v, cargs));
            case "dump-md" -> api.dumpMd(t, echoArgv(argv));
            case "restore-md" -> api.restoreMd(t, dumpFile(cargs), alStripes == null ? null : (int) (long) alStripes,
                    stripeSize4k());
            case "verify-dump" -> api.verifyDump(t, dumpFile(cargs));
            case "apply-al" -> api.applyAl(t);
            case "wipe-md" -> api.wipeMd(t);
            case "outdate" -> api.outdate(t);
            case "invalidate" -> api.invalidate(t);
            case "dstate" -> api.dstate(t);
            case "check-resize" -> api.checkResize(t);
            case "read-dev-uuid" -> api.readDevUuid(t);
            case "write-dev-uuid" -> api.writeDevUuid(t, parseHex(cargs.get(0)));
            case "get-gi" -> api.getGi(t, node);
            case "show-gi" -> api.showGi(t, node);
            case "set-gi" -> api.setGi(t, node, cargs.get(0));
            case "forget-peer" -> api.forgetPeer(t, node);
            default -> throw new MetaException(MetaException.EXIT_DEVICE, "Unknown command '" + cmd + "'.");
        }
        return 0;
    }

    private Flags flags() {
        return new Flags(force, ignoreSanity, verbose);
    }

    /** restore-md and verify-dump read standard input when no file is given, like the reference. */
    private static Path dumpFile(List<String> cargs) {
        return Path.of(cargs.isEmpty() ? "/dev/stdin" : cargs.get(0));
    }

    static int minor(String s) {
        String d = s.startsWith("/dev/drbd") ? s.substring(9) : s;
        try {
            return Integer.parseInt(d);
        } catch (NumberFormatException e) {
            // like the reference: an unparsable minor becomes -1 (lock file drbd-147--1)
            return -1;
        }
    }

    private static List<String> echoArgv(String[] argv) {
        List<String> l = new ArrayList<>();
        l.add("drbdmeta");
        l.addAll(List.of(argv));
        return l;
    }

    /** Applies the reference's --node-id rules for {@code cmd}; returns the node id to use. */
    private Integer nodeIdFor(FormatVersion v, String cmd, PrintStream err) throws MetaException {
        if (!NODE_ID_COMMANDS.contains(cmd)) {
            if (nodeId != null) {
                throw new MetaException(MetaException.EXIT_PARSE, "The " + cmd
                        + " command does not accept the --node-id option");
            }
            return null;
        }
        if (nodeId != null) {
            if (v != FormatVersion.V09 && nodeId != 0) {
                err.println("Not v09, implicitly set --node-id = 0");
            }
            return nodeId;
        }
        if (v != FormatVersion.V09) {
            return 0;
        }
        throw new MetaException(MetaException.EXIT_PARSE, "The " + cmd + " command requires the --node-id option");
    }

    private static void needParse(List<String> a) throws MetaException {
        if (a.isEmpty()) {
            throw new MetaException(MetaException.EXIT_PARSE, "Required Argument missing");
        }
    }

    private static long parseHex(String s) {
        long v = 0;
        String h = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        for (int i = 0; i < h.length(); i++) {
            int d = Character.digit(h.charAt(i), 16);
            if (d < 0) {
                break;
            }
            v = v << 4 | d;
        }
        return v;
    }

    private Integer stripeSize4k() {
        return alStripeSizeBytes == null ? null : (int) (alStripeSizeBytes / 4096);
    }

    private CreateOptions createOptions(FormatVersion v, List<String> a) throws MetaException {
        int peers = 1;
        if (v == FormatVersion.V09) {
            if (a.isEmpty()) {
                throw new MetaException(MetaException.EXIT_DEVICE,
                        "USAGE: drbdmeta MINOR v09 ... create-md MAX_PEERS\n\n  MAX_PEERS argument missing");
            }
            long p = NumberArgs.plain(a.get(0));
            if (p < 1 || p > 31) {
                throw new MetaException(MetaException.EXIT_DEVICE, "MAX_PEERS argument not in allowed range 1 .. 31.");
            }
            peers = (int) p;
        }
        int pmbs = peerMaxBio == null ? 0 : peerMaxBio;
        int stripes = alStripes == null ? 1 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, alStripes));
        Integer size = stripeSize4k();
        return new CreateOptions(peers, pmbs, stripes, size == null ? 8 : size, initBitmap);
    }
}
