package io.drbdctl.adm;

import io.drbdctl.adm.env.Environment;
import io.drbdctl.config.diag.Diagnostic;
import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionTable;
import io.drbdctl.config.parse.ConfigLoader;
import io.drbdctl.config.parse.ParseResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** drbdadm: reads drbd.conf and prints (for now) the plan of drbdsetup/drbdmeta steps. */
@Command(name = "drbdadm", mixinStandardHelpOptions = true, version = "drbdctl drbdadm 0.1",
        description = "Administration tool for DRBD: reads the configuration and drives drbdsetup/drbdmeta.",
        footer = {"", "Commands: dump validate up down adjust attach detach connect disconnect",
                "  primary secondary create-md wipe-md dump-md apply-al resize invalidate",
                "  invalidate-remote outdate verify pause-sync resume-sync disk-options",
                "  net-options resource-options peer-device-options new-resource new-minor",
                "  new-peer new-path del-peer del-minor del-path forget-peer status role",
                "  cstate dstate wait-connect sh-resources sh-resource sh-dev sh-minor",
                "  sh-ll-dev sh-md-dev sh-md-idx sh-ip",
                "Selectors: all, RES, RES/VNR, RES:PEER. Unknown options after the command",
                "  are passed on to drbdsetup/drbdmeta.",
                "Environment: __DRBD_NODE__, DRBD_DRIVER_VERSION_OVERRIDE, FAKE_DRBDSETUP_SHOW.",
                "Without -d the plan is printed and drbdadm exits 20 (execution not wired yet).",
                "Exit codes: 0 ok, 1 usage, 10 configuration error, 20 command failed."})
public final class Main implements Callable<Integer> {
    @Option(names = {"-c", "--config-file"}, description = "configuration file (default /etc/drbd.conf)")
    String configFile = "/etc/drbd.conf";
    @Option(names = {"-d", "--dry-run"}, description = "print the commands instead of running them")
    boolean dryRun;
    @Option(names = {"-S", "--stacked"}, description = "act on the stacked resources")
    boolean stacked;
    @Option(names = {"-v", "--verbose"}, description = "verbose output")
    boolean verbose;
    @Option(names = "--json", description = "diagnostics as JSON lines (validate)")
    boolean json;
    @Parameters(index = "0", description = "command")
    String command;
    @Parameters(index = "1..*", arity = "0..*", description = "resources and -- passthrough options")
    List<String> args = new ArrayList<>();

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    Main(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.getenv(), System.out, System.err));
    }

    /** Runs drbdadm in-process; returns the exit code. Never throws. */
    public static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            CommandLine cl = new CommandLine(new Main(env, out, err));
            // options after the command that drbdadm does not know go through to drbdsetup/drbdmeta
            cl.setUnmatchedOptionsArePositionalParams(true);
            cl.setOut(new java.io.PrintWriter(out, true));
            cl.setErr(new java.io.PrintWriter(err, true));
            cl.setExecutionExceptionHandler((ex, c, p) -> {
                err.println("drbdadm: internal error: " + ex);
                if (env.containsKey("DRBDCTL_DEBUG")) {
                    ex.printStackTrace(err);
                }
                return ExitCodes.EXEC_ERROR;
            });
            cl.setParameterExceptionHandler((ex, a) -> {
                err.println("drbdadm: " + ex.getMessage());
                return ExitCodes.USAGE;
            });
            return cl.execute(argv);
        } catch (RuntimeException | StackOverflowError e) {
            err.println("drbdadm: internal error: " + e);
            return ExitCodes.EXEC_ERROR;
        }
    }

    @Override
    public Integer call() {
        // "drbdadm [options] -- BACKEND-OPTIONS COMMAND RES": after "--" the options for
        // drbdsetup/drbdmeta come first, then the command
        if (command.startsWith("-")) {
            List<String> rest = new ArrayList<>();
            rest.add(command);
            rest.addAll(args);
            List<String> backend = new ArrayList<>();
            while (!rest.isEmpty() && rest.get(0).startsWith("-")) {
                backend.add(rest.remove(0));
            }
            if (rest.isEmpty()) {
                err.println("drbdadm: no command given");
                return ExitCodes.USAGE;
            }
            command = rest.remove(0);
            rest.addAll(backend);
            args = rest;
        }
        Environment e = Environment.from(env);
        Dialect dialect = e.kernelIs84() ? Dialect.V84 : Dialect.V9;
        Path path = Path.of(configFile);
        if (!Files.isReadable(path)) {
            // the reference fails like a command here (exit 20), not like a config error
            err.println("Can not open '" + configFile + "'.");
            return ExitCodes.EXEC_ERROR;
        }
        ParseResult pr = new ConfigLoader(OptionTable.load(), dialect, e.hostname()).load(path);
        for (Diagnostic d : pr.diagnostics()) {
            err.println(json ? d.toJson() : d.format());
        }
        if (command.equals("validate") || command.equals("check")) {
            return pr.ok() ? ExitCodes.OK : ExitCodes.CONFIG_INVALID;
        }
        if (!pr.ok()) {
            return ExitCodes.CONFIG_INVALID;
        }
        for (String req : pr.moduleRequirements()) {
            String problem = io.drbdctl.adm.env.ModuleVersion.check(req, e.driverVersion());
            if (problem != null) {
                err.println(problem);
                return ExitCodes.CONFIG_INVALID;
            }
        }
        io.drbdctl.config.model.ResyncAfter.Pruned pruned = io.drbdctl.config.model.ResyncAfter.prune(pr.config(),
                r -> io.drbdctl.adm.plan.Topology.me(r, e.hostname()).isPresent());
        pruned.warnings().forEach(err::println);
        return new io.drbdctl.adm.cmd.Dispatcher(pruned.config(), e, out, err, dryRun, stacked)
                .run(command, args);
    }
}
