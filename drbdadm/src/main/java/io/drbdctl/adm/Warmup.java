package io.drbdctl.adm;

import io.drbdctl.config.options.OptionTable;
import io.drbdctl.config.parse.ConfigLoader;
import io.drbdctl.netlink.socket.NetlinkSocket;
import io.drbdctl.setup.SetupSession;
import java.util.concurrent.CompletableFuture;

/**
 * Start-up work done on other threads while the main thread does its own: the parser's
 * tables (needed right after the command line and the environment are read) and, for a command
 * that may reach the kernel, JNA and the in-process drbdsetup with its command tables (needed
 * after the configuration is parsed, validated and planned). Under emulation each costs a good part of a second, and drbdadm runs once per
 * administrator command. The main thread waits for each before it uses those classes itself, so
 * no class is ever initialised by two threads at once; the threads are daemons, so a command
 * that ends before it needs them does not wait. Only with more than one CPU: on one, the
 * second thread would only take turns with the first.
 *
 * <p>The option table is read once per process, by the main thread ({@link #table()}); the
 * in-process drbdsetup made on the kernel thread shares it.
 */
final class Warmup {
    private Thread parser;
    private Thread kernel;
    /** Made by the kernel thread (or by the first {@link #session()} call); read only after joining it. */
    private SetupSession session;
    /** The option table, completed by the first {@link #table()} call. */
    private final CompletableFuture<OptionTable> table = new CompletableFuture<>();

    private Warmup() {
    }

    /** Starts the threads; {@code kernelToo} when the command may talk to the kernel in-process. */
    static Warmup start(boolean kernelToo) {
        Warmup w = new Warmup();
        if (Runtime.getRuntime().availableProcessors() > 1) {
            w.parser = daemon("drbdadm-warmup-parser", ConfigLoader::preload);
            if (kernelToo) {
                w.kernel = daemon("drbdadm-warmup-kernel", () -> {
                    NetlinkSocket.preload();
                    w.session = SetupSession.open(w.table.join());
                });
            }
        }
        return w;
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The option table, read on the first call (on the caller's thread). */
    OptionTable table() {
        if (!table.isDone()) {
            table.complete(OptionTable.load());
        }
        return table.join();
    }

    /** Returns once the parser classes are ready. */
    void awaitParser() {
        join(parser);
    }

    /**
     * The in-process drbdsetup, made by the kernel thread (or on the first call, without one), once
     * JNA is bound: nothing in this process may use JNA before. Every call returns the same session.
     */
    SetupSession session() {
        OptionTable t = table();
        join(kernel);
        if (session == null) {
            session = SetupSession.open(t);
        }
        return session;
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
