package io.drbdctl.meta.cli;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.api.CreateOptions;
import io.drbdctl.meta.api.DrbdMeta;
import io.drbdctl.meta.api.MetaContext;
import io.drbdctl.meta.api.Target;
import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.MetaIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The drbdmeta command line: options anywhere, then MINOR FORMAT [DEV INDEX] COMMAND ARGS. */
@Command(name = "drbdmeta", usageHelpAutoWidth = false)
public final class Cli {
    @Option(names = {"-f", "--force"})
    boolean force;
    @Option(names = {"-v", "--verbose"})
    boolean[] verbose = new boolean[0];
    @Option(names = "--ignore-sanity-checks")
    boolean ignoreSanity;
    @Option(names = "--dry-run")
    boolean dryRun;
    @Option(names = "--node-id")
    String nodeId;
    @Option(names = "--peer-max-bio-size")
    String peerMaxBio;
    @Option(names = "--al-stripes")
    String alStripes;
    @Option(names = "--al-stripe-size-kB")
    String alStripeSize;
    @Option(names = "--initialize-bitmap")
    String initBitmap;
    @Option(names = {"-h", "--help"})
    boolean help;
    @Parameters
    List<String> args = new ArrayList<>();

    /**
     * Runs drbdmeta with the given arguments.
     *
     * @param contextFactory builds the context from (force, ignore-sanity-checks, verbosity)
     * @return the exit status
     */
    public static int run(String[] argv, PrintStream out, PrintStream err, Function<Flags, MetaContext> contextFactory) {
        Cli c = new Cli();
        CommandLine cl = new CommandLine(c);
        cl.setPosixClusteredShortOptionsAllowed(true);
        cl.setAllowOptionsAsOptionParameters(true);
        try {
            cl.parseArgs(argv);
        } catch (CommandLine.UnmatchedArgumentException e) {
            out.print(Usage.TEXT);
            String bad = e.getUnmatched().isEmpty() ? "?" : e.getUnmatched().get(0);
            err.println("drbdmeta: unrecognized option '" + bad + "'");
            return MetaException.EXIT_DEVICE;
        } catch (CommandLine.ParameterException e) {
            out.print(Usage.TEXT);
            err.println("drbdmeta: " + e.getMessage());
            return MetaException.EXIT_DEVICE;
        }
        try {
            try {
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

    /** Global flags the context depends on. */
    public record Flags(boolean force, boolean ignoreSanityChecks, int verbose) {
    }

    private int execute(String[] argv, PrintStream out, PrintStream err, Function<Flags, MetaContext> f)
            throws MetaException {
        if (help || args.isEmpty()) {
            out.print(Usage.TEXT);
            return MetaException.EXIT_DEVICE;
        }
        if (args.size() < 2) {
            throw new MetaException(MetaException.EXIT_DEVICE, "Too few arguments for format");
        }
        FormatVersion v = FormatVersion.parse(args.get(1));
        if (v == null) {
            throw new MetaException(MetaException.EXIT_DEVICE, "Unknown format '" + args.get(1) + "'.");
        }
        if (v == FormatVersion.V06 || v == FormatVersion.V07) {
            throw new MetaException(MetaException.EXIT_DEVICE, "Format '" + v.label()
                    + "' is not supported by this drbdmeta (use v08 or v09).");
        }
        if (args.size() < 4) {
            throw new MetaException(MetaException.EXIT_DEVICE, "Too few arguments for format");
        }
        MetaIndex index = MetaIndex.parse(args.get(3));
        if (index == null) {
            throw new MetaException(MetaException.EXIT_DEVICE, "'" + args.get(3) + "' is not a valid index number.");
        }
        if (args.size() < 5) {
            out.print(Usage.TEXT);
            return MetaException.EXIT_DEVICE;
        }
        String cmd = args.get(4);
        List<String> cargs = args.subList(5, args.size());
        Target t = new Target(minor(args.get(0)), v, Path.of(args.get(2)), index);
        MetaContext ctx = f.apply(new Flags(force, ignoreSanity, verbose.length));
        DrbdMeta api = new DrbdMeta(ctx);
        Integer node = nodeIdOption(v, err);
        switch (cmd) {
            case "create-md" -> api.createMd(t, createOptions(v, cargs));
            case "dump-md" -> api.dumpMd(t, echoArgv(argv));
            case "restore-md" -> api.restoreMd(t, Path.of(need(cargs, "restore-md", "file")),
                    alStripes == null ? null : (int) NumberArgs.plain(alStripes), stripeSize4k());
            case "verify-dump" -> api.verifyDump(t, Path.of(need(cargs, "verify-dump", "file")));
            case "apply-al" -> api.applyAl(t);
            case "wipe-md" -> api.wipeMd(t);
            case "outdate" -> api.outdate(t);
            case "invalidate" -> api.invalidate(t);
            case "dstate" -> api.dstate(t);
            case "check-resize" -> api.checkResize(t);
            case "read-dev-uuid" -> api.readDevUuid(t);
            case "write-dev-uuid" -> api.writeDevUuid(t, parseHex(needParse(cargs, "write-dev-uuid", "VAL")));
            case "get-gi" -> api.getGi(t, requireNode(v, node, cmd));
            case "show-gi" -> api.showGi(t, requireNode(v, node, cmd));
            case "set-gi" -> api.setGi(t, requireNode(v, node, cmd), needParse(cargs, "set-gi", "gi"));
            case "forget-peer" -> api.forgetPeer(t, requireNode(v, node, cmd));
            default -> throw new MetaException(MetaException.EXIT_DEVICE, "Unknown command '" + cmd + "'.");
        }
        return 0;
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

    private Integer nodeIdOption(FormatVersion v, PrintStream err) throws MetaException {
        if (nodeId == null) {
            return null;
        }
        long n = NumberArgs.plain(nodeId);
        if (n < 0 || n > 31) {
            throw new MetaException(MetaException.EXIT_PARSE, "node-id out of range (0...31)");
        }
        if (v != FormatVersion.V09 && n != 0) {
            err.println("Not v09, implicitly set --node-id = 0");
        }
        return (int) n;
    }

    private static int requireNode(FormatVersion v, Integer node, String cmd) throws MetaException {
        if (node != null) {
            return node;
        }
        if (v != FormatVersion.V09) {
            return 0;
        }
        throw new MetaException(MetaException.EXIT_PARSE, "The " + cmd + " command requires the --node-id option");
    }

    private static String need(List<String> a, String cmd, String what) throws MetaException {
        if (a.isEmpty()) {
            throw new MetaException(MetaException.EXIT_DEVICE, "USAGE: drbdmeta MINOR ... " + cmd + " " + what
                    + "\n\n  " + what + " argument missing");
        }
        return a.get(0);
    }

    private static String needParse(List<String> a, String cmd, String what) throws MetaException {
        if (a.isEmpty()) {
            throw new MetaException(MetaException.EXIT_PARSE, "Required Argument missing");
        }
        return a.get(0);
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

    private CreateOptions.InitBitmap initBitmapMode() throws MetaException {
        if (initBitmap == null) {
            return CreateOptions.InitBitmap.AUTOMATIC;
        }
        CreateOptions.InitBitmap m = CreateOptions.InitBitmap.parse(initBitmap);
        if (m == null) {
            throw new MetaException(MetaException.EXIT_PARSE, "invalid initialize-bitmap-mode \"" + initBitmap
                    + "\", should be one of automatic|zeroout|pwrite|skip");
        }
        return m;
    }

    private Integer stripeSize4k() throws MetaException {
        if (alStripeSize == null) {
            return null;
        }
        return (int) (NumberArgs.parse(alStripeSize, 'k') / 4096);
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
        int pmbs = 0;
        if (peerMaxBio != null) {
            long b = NumberArgs.parse(peerMaxBio, (char) 0);
            if (b < 0 || b > 1024 * 1024) {
                throw new MetaException(MetaException.EXIT_PARSE, "peer-max-bio-size out of range (0...1M)");
            }
            pmbs = (int) b;
        }
        int stripes = alStripes == null ? 1 : (int) Math.min(Integer.MAX_VALUE, NumberArgs.plain(alStripes));
        Integer size = stripeSize4k();
        return new CreateOptions(peers, pmbs, stripes, size == null ? 8 : size, initBitmapMode());
    }
}
