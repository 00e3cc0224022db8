package io.drbdctl.setup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where shared/reference/v8-traces is: beside the repository, or $DRBD_V8_TRACES. */
final class Traces {
    private Traces() {
    }

    static Optional<Path> dir() {
        String env = System.getenv("DRBD_V8_TRACES");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(Files::isDirectory);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolveSibling("shared").resolve("reference").resolve("v8-traces");
            if (Files.isDirectory(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
