package io.drbdctl.setup;

import io.drbdctl.config.options.OptionTable;
import io.drbdctl.netlink.GenlClient;
import io.drbdctl.netlink.NetlinkException;
import io.drbdctl.netlink.NetlinkTransport;
import io.drbdctl.setup.cli.Usage;
import io.drbdctl.setup.command.Commands;
import io.drbdctl.setup.kernel.Host;
import io.drbdctl.setup.kernel.LocalHost;
import io.drbdctl.setup.kernel.V8Control;
import io.drbdctl.setup.run.Dispatcher;
import io.drbdctl.setup.run.SetupExit;
import io.drbdctl.setup.family.Family;
import io.drbdctl.setup.family.FamilyRequest;
import io.drbdctl.setup.family.FamilySelector;
import io.drbdctl.setup.v9.Drbd2Control;
import io.drbdctl.setup.v9.V9Dispatcher;
import io.drbdctl.setup.v9.V9Exit;
import io.drbdctl.netlink.ctrl.GenlFamily;
import io.drbdctl.netlink.ctrl.Nlctrl;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * drbdsetup in-process: runs command lines and returns the exit code, printing to the given
 * streams. The family, and with it the dialect, is chosen once per session
 * ({@link FamilySelector}): {@code drbd2} (the DRBD 9 command set, {@link V9Dispatcher}) if
 * the kernel registers it, else the legacy {@code drbd} family with command lines exactly as
 * {@code drbdsetup-84} takes them and its exit codes; {@code --family=drbd2|drbd} before the
 * command or {@code DRBDCTL_FAMILY} pins it (a session pinned to the legacy family sends
 * nothing but drbdsetup-84's requests). The netlink socket is opened on the first command
 * that needs the kernel and reused by later ones; {@link #close()} closes it. Not
 * thread-safe: one command at a time.
 */
public final class SetupSession implements AutoCloseable {
    private final Host host;
    private final Commands commands;
    private final String program;
    private final Map<String, String> env;
    private V8Control control;
    /** The family pinned by the caller (drbdadm: its plan's dialect); null: per command line. */
    private Family pinned;
    /** The family chosen by the kernel's registrations, once looked up. */
    private Family selected;
    /** The socket of the look-up, kept for the chosen family's requests. */
    private GenlClient client;
    /** The legacy family as the look-up found it. */
    private GenlFamily legacyFamily;
    private Drbd2Control drbd2;
    /** The program name of the 9 dialect's messages (the 8.4 dialect's is drbdsetup-84's). */
    static final String PROGRAM9 = "drbdsetup";

    private SetupSession(Host host, Commands commands, String program, Map<String, String> env) {
        this.host = host;
        this.commands = commands;
        this.program = program;
        this.env = Map.copyOf(env);
    }

    /** A session on this machine. */
    public static SetupSession open() {
        return open(OptionTable.load());
    }

    /** A session on this machine with an option table already read. */
    public static SetupSession open(OptionTable table) {
        return new SetupSession(new LocalHost(), Commands.of(table), Usage.PROGRAM, System.getenv());
    }

    /**
     * A session on the given host pinned to the legacy family (tests of the 8.4 dialect
     * substitute the machine and the netlink socket).
     */
    static SetupSession open(Host host) {
        SetupSession s = open(host, Map.of());
        s.pinFamily(Family.LEGACY);
        return s;
    }

    /** A session on the given host with the given environment (tests). */
    static SetupSession open(Host host, Map<String, String> env) {
        return new SetupSession(host, Commands.of(OptionTable.load()), Usage.PROGRAM, env);
    }

    /**
     * Pins the family for every later command line of this session (drbdadm: the dialect of
     * its plan); the global option and the environment are then not consulted.
     */
    public void pinFamily(Family f) {
        pinned = f;
    }

    /**
     * The family the kernel's registrations choose ({@link FamilySelector}, no preference),
     * looked up now and kept: the session's later command lines run over it without a second
     * look-up (drbdadm: its plan's dialect follows it). Empty when no DRBD module is loaded or
     * the look-up fails; the session then decides per command line as before.
     */
    public Optional<Family> selectFamily() {
        if (selected != null) {
            return Optional.of(selected);
        }
        try {
            FamilySelector.Selection sel = select(FamilyRequest.auto(List.of()));
            if (sel.family().isEmpty()) {
                closeClient();
                return Optional.empty();
            }
            selected = sel.family().get();
            if (selected == Family.DRBD2) {
                drbd2 = new Drbd2Control(client, sel.genl().get());
                client = null;
            } else {
                legacyFamily = sel.genl().get();
            }
            return Optional.of(selected);
        } catch (NetlinkException e) {
            closeClient();
            return Optional.empty();
        }
    }

    /**
     * Runs one command line.
     *
     * @param argv the arguments after the program name
     * @param out  standard output of the command
     * @param err  standard error of the command
     * @return the exit code
     */
    public int run(List<String> argv, PrintStream out, PrintStream err) {
        FamilyRequest req = pinned != null ? FamilyRequest.pinned(pinned, argv) : FamilyRequest.of(argv, env);
        if (req.error().isPresent()) {
            err.print(PROGRAM9 + ": " + req.error().get() + "\n");
            return 20;
        }
        if (req.forced().orElse(null) == Family.LEGACY || selected == Family.LEGACY) {
            return runLegacy(req.argv(), out, err);
        }
        try {
            if (selected == null) {
                FamilySelector.Selection sel = select(req);
                if (sel.family().isEmpty()) {
                    if (req.forced().orElse(null) == Family.DRBD2 && asksForHelp(req.argv())) {
                        closeClient();
                        // the 9 dialect's help needs no kernel
                        return new V9Dispatcher(PROGRAM9, () -> {
                            throw new IllegalStateException("help does not talk to the kernel");
                        }, false, host).run(req.argv(), out, err);
                    }
                    if (isHelp(req.argv())) {
                        closeClient();
                        // without a module the 8.4 dialect's help, as before drbd2 existed
                        return runLegacy(req.argv(), out, err);
                    }
                    err.print(PROGRAM9 + ": " + sel.error().orElse(FamilySelector.NO_MODULE) + "\n");
                    closeClient();
                    // like drbd-utils 9.22: these succeed when there is no DRBD at all
                    return !req.argv().isEmpty() && List.of("down", "secondary", "disconnect", "detach")
                            .contains(req.argv().get(0)) && req.forced().isEmpty() ? 0 : 20;
                }
                selected = sel.family().get();
                if (selected == Family.DRBD2) {
                    drbd2 = new Drbd2Control(client, sel.genl().get());
                    client = null;
                } else {
                    legacyFamily = sel.genl().get();
                    return runLegacy(req.argv(), out, err);
                }
            }
            return new V9Dispatcher(PROGRAM9, () -> drbd2, System.console() != null, host)
                    .run(req.argv(), out, err);
        } catch (V9Exit e) {
            return e.code();
        } catch (NetlinkException e) {
            err.print(PROGRAM9 + ": netlink: " + e.getMessage() + "\n");
            return 20;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static boolean isHelp(List<String> argv) {
        return argv.isEmpty() || List.of("help", "--help", "-h").contains(argv.get(0));
    }

    /** {@code help ...}, or a command with {@code --help}/{@code -h}. */
    private static boolean asksForHelp(List<String> argv) {
        return isHelp(argv) || argv.stream().anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    /** Looks the families up on a socket kept for the one chosen. */
    private FamilySelector.Selection select(FamilyRequest req) {
        client = new GenlClient(host.openTransport(), (int) (System.currentTimeMillis() / 1000));
        Nlctrl ctrl = new Nlctrl(client, false);
        return FamilySelector.select(req.forced(), ctrl::findFamily);
    }

    private void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private int runLegacy(List<String> argv, PrintStream out, PrintStream err) {
        try {
            return new Dispatcher(commands, host, program, this::kernel).run(argv, out, err);
        } catch (SetupExit e) {
            return e.code();
        } catch (NetlinkException e) {
            err.print("netlink: " + e.getMessage() + "\n");
            if (control != null) {
                control.close();
                control = null;
            }
            return 20;
        } finally {
            out.flush();
            err.flush();
            if (control != null && !control.reusable()) {
                control.close();
                control = null;
            }
        }
    }

    /**
     * The family, connecting on first use; empty (after printing why) if there is none. Like
     * drbdsetup-84, a missing /proc/drbd makes it try modprobe first; a kernel that has the
     * family but no /proc/drbd is used as it is.
     */
    private Optional<V8Control> kernel(PrintStream err) {
        if (control != null) {
            return Optional.of(control);
        }
        boolean loaded = host.moduleLoaded();
        Optional<V8Control> c = Optional.empty();
        if (client != null && legacyFamily != null) {
            c = Optional.of(new V8Control(client, legacyFamily));
            client = null;
            legacyFamily = null;
        } else if (!loaded) {
            c = connect();
        }
        if (c.isEmpty() && !loaded) {
            if (!host.loadModule(err)) {
                return Optional.empty();
            }
        }
        if (c.isEmpty()) {
            c = connect();
        }
        if (c.isEmpty()) {
            err.print("Could not connect to 'drbd' generic netlink family\n");
            return Optional.empty();
        }
        var f = c.get().family();
        if (f.version() != 1 || f.hdrSize() != 8) {
            c.get().close();
            err.print("API mismatch!\n\tAPI version drbdsetup: 1 kernel: " + f.version() + "\n\t"
                    + "header size drbdsetup: 8 kernel: " + f.hdrSize() + "\n");
            return Optional.empty();
        }
        control = c.get();
        return c;
    }

    private Optional<V8Control> connect() {
        NetlinkTransport t = host.openTransport();
        GenlClient client = new GenlClient(t, (int) (System.currentTimeMillis() / 1000));
        Optional<V8Control> c = V8Control.connect(client);
        if (c.isEmpty()) {
            client.close();
        }
        return c;
    }

    @Override
    public void close() {
        if (control != null) {
            control.close();
            control = null;
        }
        if (drbd2 != null) {
            drbd2.close();
            drbd2 = null;
        }
        closeClient();
    }
}
