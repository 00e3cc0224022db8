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
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * drbdsetup in-process: runs command lines exactly as {@code drbdsetup-84} takes them and
 * returns the exit code it would, printing to the given streams. The netlink socket is opened
 * on the first command that needs the kernel and reused by later ones; {@link #close()}
 * closes it. Not thread-safe: one command at a time.
 */
public final class SetupSession implements AutoCloseable {
    private final Host host;
    private final Commands commands;
    private final String program;
    private V8Control control;

    private SetupSession(Host host, String program) {
        this(host, Commands.of(OptionTable.load()), program);
    }

    private SetupSession(Host host, Commands commands, String program) {
        this.host = host;
        this.commands = commands;
        this.program = program;
    }

    /** A session on this machine. */
    public static SetupSession open() {
        return open(OptionTable.load());
    }

    /** A session on this machine with an option table already read. */
    public static SetupSession open(OptionTable table) {
        return new SetupSession(new LocalHost(), Commands.of(table), Usage.PROGRAM);
    }

    /** A session on the given host (tests substitute the machine and the netlink socket). */
    static SetupSession open(Host host) {
        return new SetupSession(host, Usage.PROGRAM);
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
        Optional<V8Control> c = loaded ? Optional.empty() : connect();
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
    }
}
