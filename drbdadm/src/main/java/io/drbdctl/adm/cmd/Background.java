package io.drbdctl.adm.cmd;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One piece of work on a helper thread while the caller does another: the second half of a big
 * dump or plan ({@link #worth} says when that pays).
 */
final class Background<T> {
    /** Fewer items than this are not worth a thread. */
    static final int MIN_ITEMS = 512;

    private final FutureTask<T> task;

    private Background(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    /** Whether {@code items} are worth splitting in two halves. */
    static boolean worth(int items) {
        return items >= MIN_ITEMS && Runtime.getRuntime().availableProcessors() > 1;
    }

    static <T> Background<T> start(String name, Callable<T> work) {
        Background<T> b = new Background<>(work);
        Thread t = new Thread(b.task, name);
        t.setDaemon(true);
        t.start();
        return b;
    }

    /** The result; the helper's exception, if it failed. */
    T get() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
