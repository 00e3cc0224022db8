package io.drbdctl.adm;

import io.drbdctl.adm.env.Environment;
import io.drbdctl.adm.exec.InProcessStepRunner;
import io.drbdctl.adm.exec.ProcessStepRunner;
import io.drbdctl.adm.exec.Programs;
import io.drbdctl.adm.exec.StepRunner;
import io.drbdctl.config.diag.Diagnostic;
import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionTable;
import io.drbdctl.config.parse.ConfigLoader;
import io.drbdctl.config.parse.ParseResult;
import io.drbdctl.setup.SetupSession;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** drbdadm: reads drbd.conf, plans drbdsetup/drbdmeta steps, prints (-d) or runs them. */
public final class Main {
    static final String VERSION = "drbdctl drbdadm 0.1";
    static final String USAGE = """
            Usage: drbdadm [-dhSvV] [--json] [-c=FILE] COMMAND [RESOURCE|OPTION...]
            Administration tool for DRBD: reads the configuration and drives drbdsetup/drbdmeta.
              -c, --config-file=FILE   configuration file (default /etc/drbd.conf)
              -d, --dry-run            print the commands instead of running them
              -S, --stacked            act on the stacked resources
              -v, --verbose            verbose output
                  --json               diagnostics as JSON lines (validate)
              -h, --help               Show this help message and exit.
              -V, --version            Print version information and exit.
              -s, --drbdsetup=PROG     run PROG for the drbdsetup steps (default: built in)
              -m, --drbdmeta=PROG      run PROG for the drbdmeta steps (default: built in)
              -t, -E, -p, -n, -W       drbd-utils' other global options: not supported yet

            Commands: dump validate up down adjust attach detach connect disconnect
              primary secondary create-md wipe-md dump-md apply-al resize invalidate
              invalidate-remote outdate verify pause-sync resume-sync disk-options
              net-options resource-options peer-device-options new-resource new-minor
              new-peer new-path del-peer del-minor del-path forget-peer status role
              cstate dstate wait-connect sh-resources sh-resource sh-dev sh-minor
              sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-udev sh-mod-parms sh-nop
            Selectors: all, RES, RES/VNR, RES:PEER. Unknown options after the command
              are passed on to drbdsetup/drbdmeta.
            Environment: __DRBD_NODE__, DRBD_DRIVER_VERSION_OVERRIDE, FAKE_DRBDSETUP_SHOW,
              DRBDCTL_FAMILY (drbd: the 8.4 plans over the legacy family, drbd2: the 9 plans
              over drbd2). Without an override the 9 plans run over drbd2 when the kernel
              registers it, else the 8.4 plans over the legacy family.
            Without -d the steps run in this process (drbdsetup through one netlink
              socket, drbdmeta through its API); -s/-m run other programs instead.
            Exit codes: 0 ok, 1 usage, 10 configuration error, 20 command failed.
            """;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final String configFile;
    private final boolean dryRun;
    private final boolean stacked;
    private final boolean json;
    private final Programs programs;
    private String command;
    private List<String> args;

    private Main(Args a, Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.configFile = a.configFile();
        this.dryRun = a.dryRun();
        this.stacked = a.stacked();
        this.json = a.json();
        this.programs = new Programs(Optional.ofNullable(a.drbdsetup()), Optional.ofNullable(a.drbdmeta()));
        this.command = a.positional().get(0);
        this.args = new ArrayList<>(a.positional().subList(1, a.positional().size()));
    }

    public static void main(String[] argv) {
        // one buffer for the whole output instead of System.out's flush at every line
        PrintStream stdout = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, Charset.defaultCharset());
        int rc = run(argv, System.getenv(), stdout, System.err);
        stdout.flush();
        System.exit(rc);
    }

    /** Runs drbdadm in-process; returns the exit code. Never throws. */
    public static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            Args a;
            try {
                a = Args.parse(argv);
            } catch (Args.UsageException e) {
                err.println("drbdadm: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (a.help()) {
                out.print(USAGE);
                return ExitCodes.OK;
            }
            if (a.version()) {
                out.println(VERSION);
                return ExitCodes.OK;
            }
            if (!a.unsupported().isEmpty()) {
                err.println("drbdadm: option " + a.unsupported().get(0) + " is not supported yet");
                return ExitCodes.USAGE;
            }
            if (a.positional().isEmpty()) {
                err.println("drbdadm: no command given");
                err.print(USAGE);
                return ExitCodes.USAGE;
            }
            return new Main(a, env, out, err).call();
        } catch (RuntimeException | StackOverflowError e) {
            err.println("drbdadm: internal error: " + e);
            if (env.containsKey("DRBDCTL_DEBUG")) {
                e.printStackTrace(err);
            }
            return ExitCodes.EXEC_ERROR;
        }
    }

    private int call() {
        // the threads are daemons: a command that ends early does not wait for them
        Warmup warmup = Warmup.start(!dryRun && !programs.external() && !command.equals("dump")
                && !command.equals("validate") && !command.equals("check") && !command.startsWith("sh-"));
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
        // with a module loaded and no override, drbdsetup's family selector decides the dialect;
        // the session keeps its look-up for the plan's steps
        Environment e = Environment.from(env, () -> warmup.session().selectFamily());
        Dialect dialect = e.kernelIs84() ? Dialect.V84 : Dialect.V9;
        Path path = Path.of(configFile);
        if (!Files.isReadable(path)) {
            // the reference fails like a command here (exit 20), not like a config error
            err.println("Can not open '" + configFile + "'.");
            return ExitCodes.EXEC_ERROR;
        }
        OptionTable table = warmup.table();
        warmup.awaitParser();
        ParseResult pr = new ConfigLoader(table, dialect, e.hostname()).load(path);
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
        try (SetupSession setup = warmup.session()) {
            // the in-process drbdsetup speaks the plan's dialect (8.4: the legacy family only)
            setup.pinFamily(e.family());
            StepRunner builtIn = new InProcessStepRunner(setup::run);
            StepRunner runner = programs.external() ? new ProcessStepRunner(programs, env, builtIn) : builtIn;
            return new io.drbdctl.adm.cmd.Dispatcher(pruned.config(), configFile, e, out, err, dryRun, stacked, programs, runner)
                    .run(command, args);
        }
    }
}
