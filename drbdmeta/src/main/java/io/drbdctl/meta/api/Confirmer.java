package io.drbdctl.meta.api;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;

/** Asks the user to confirm a dangerous operation. */
@FunctionalInterface
public interface Confirmer {

    /** Returns true if the user answered "yes". The question has already been printed. */
    boolean ask(PrintStream err);

    /** Interactive confirmation on the process' terminal; without a terminal the answer is "no". */
    static Confirmer terminal() {
        return err -> {
            Console c = System.console();
            if (c == null) {
                err.println("stdin not a TTY, not waiting for confirmation");
                return false;
            }
            err.print("[need to type 'yes' to confirm] ");
            err.flush();
            String line = c.readLine();
            return "yes".equals(line == null ? null : line.trim());
        };
    }

    /** Confirmation read from a reader that is treated as a terminal (for tests and drbdadm). */
    static Confirmer from(BufferedReader in) {
        return err -> {
            err.print("[need to type 'yes' to confirm] ");
            err.flush();
            try {
                String line = in.readLine();
                return "yes".equals(line == null ? null : line.trim());
            } catch (IOException e) {
                return false;
            }
        };
    }

    /** Never confirms, like the reference without a TTY. */
    static Confirmer noTty() {
        return err -> {
            err.println("stdin not a TTY, not waiting for confirmation");
            return false;
        };
    }
}
