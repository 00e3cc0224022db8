package io.drbdctl.setup;

import java.util.List;

/** Entry point of {@code drbdsetup}: one {@link SetupSession} per process. */
public final class Main {
    private Main() {
    }

    /** Runs the tool and returns its exit code. */
    public static int execute(String... args) {
        try (SetupSession s = SetupSession.open()) {
            return s.run(List.of(args), System.out, System.err);
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
