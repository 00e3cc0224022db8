package io.drbdctl.meta.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the reference drbdmeta (Debian drbd-utils 9.22) with stdin from /dev/null. */
public final class Reference {
    private Reference() {
    }

    /** Location of the reference binary: $DRBDMETA_REFERENCE, else drbdmeta in the sbin directories. */
    public static Optional<Path> binary() {
        String env = System.getenv("DRBDMETA_REFERENCE");
        List<String> candidates = new ArrayList<>();
        if (env != null && !env.isEmpty()) {
            candidates.add(env);
        }
        candidates.add("/usr/sbin/drbdmeta");
        candidates.add("/sbin/drbdmeta");
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static boolean available() {
        return binary().isPresent();
    }

    public static final String SKIP_REASON = "reference drbdmeta (drbd-utils 9.22) not installed; "
            + "install drbd-utils or set DRBDMETA_REFERENCE";

    public static RunResult run(String... args) {
        return runWithPath(null, args);
    }

    /**
     * Runs the reference with {@code dir} in front of PATH (null: unchanged), e.g. to give it a
     * fake drbdsetup: drbdmeta runs {@code drbdsetup <minor> dstate} to learn whether the minor
     * is attached.
     */
    public static RunResult runWithPath(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary().orElseThrow().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (dir != null) {
            pb.environment().merge("PATH", dir.toString(), (old, d) -> d + File.pathSeparator + old);
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            Process p = pb.start();
            byte[][] err = new byte[1][];
            Thread t = new Thread(() -> {
                try {
                    err[0] = p.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    err[0] = new byte[0];
                }
            });
            t.start();
            byte[] out = p.getInputStream().readAllBytes();
            int rc = p.waitFor();
            t.join();
            return new RunResult(rc, new String(out, StandardCharsets.UTF_8), new String(err[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Removes the last-known-device and lock files the reference leaves behind for a minor. */
    public static void cleanup(int minor) {
        for (String f : new String[] {"/var/lib/drbd/drbd-minor-" + minor + ".lkbd", "/var/lock/drbd-147-" + minor}) {
            try {
                Files.deleteIfExists(Path.of(f));
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
