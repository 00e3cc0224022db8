package io.drbdctl.lab.v8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The golden captures: shared/reference/v8-traces beside the repository
 * ({@code ../shared} from the repository root), or {@code $DRBD_V8_TRACES}.
 */
public final class Goldens {
    /** The scenarios the acceptance replays (hang84 is left out: it hangs the kernel). */
    public static final List<String> SCENARIOS = List.of("lifecycle84", "errors84", "errors84b", "drbdadm84");

    private Goldens() {
    }

    /** Searched from the given directory upwards. */
    public static Optional<Path> dir(Path from) {
        String env = System.getenv("DRBD_V8_TRACES");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env).toAbsolutePath()).filter(Files::isDirectory);
        }
        for (Path p = from.toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolveSibling("shared").resolve("reference").resolve("v8-traces");
            if (Files.isDirectory(d.resolve("scenarios"))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The golden file of a scenario for a kernel alias: the 7.2 goldens exist for
     * lifecycle84 only ({@code k7.2/lifecycle84-k72.*}); everything else is 6.1's.
     * Requests come from the tools, so 6.1's requests are the goldens for 7.2 too.
     */
    public static Path file(Path dir, String kernel, String scenario, String suffix) {
        if (kernel.equals("7.2")) {
            Path k72 = dir.resolve("k7.2").resolve(scenario + "-k72" + suffix);
            if (Files.exists(k72)) {
                return k72;
            }
        }
        return dir.resolve("k6.1").resolve(scenario + suffix);
    }

    /** True when the golden of this file is the kernel's own (not 6.1's standing in). */
    public static boolean own(Path dir, String kernel, String scenario, String suffix) {
        return kernel.equals("6.1") || file(dir, kernel, scenario, suffix).startsWith(dir.resolve("k7.2"));
    }
}
