package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Gets a usable lab for a test, or skips it with the reason, or, when LAB_REQUIRED=1
 * (system property or environment), fails it. With LAB_REQUIRED=1 or LAB_SETUP=1 a missing
 * kernel is set up first ({@code lab setup}, needs root and Debian's archive).
 */
final class LabSupport {
    private LabSupport() {
    }

    static boolean flag(String name) {
        String v = System.getProperty(name, System.getenv(name));
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
    }

    static boolean required() {
        return flag("LAB_REQUIRED");
    }

    static Lab lab(String... kernels) {
        Lab lab;
        try {
            lab = Lab.locate();
        } catch (RuntimeException e) {
            unavailable(e.getMessage());
            throw e;
        }
        Optional<String> why = lab.unavailable(kernels);
        if (why.isPresent() && (required() || flag("LAB_SETUP"))) {
            Lab.CliResult setup = lab.setup(kernels);
            why = lab.unavailable(kernels);
            if (why.isPresent()) {
                why = Optional.of(why.get() + "\n(lab setup said:)\n" + setup.output());
            }
        }
        why.ifPresent(LabSupport::unavailable);
        return lab;
    }

    private static void unavailable(String reason) {
        if (required()) {
            fail("LAB_REQUIRED=1 but the lab cannot run: " + reason);
        }
        Assumptions.abort("kernel lab not available: " + reason
                + " (run lab/bin/lab setup; LAB_REQUIRED=1 turns this skip into a failure)");
    }

    /**
     * The kernel tree with tools/net/ynl (the pyynl CLI) in the lab cache: DRBD_LAB_CACHE, as
     * lab/bin/lab uses it, else the repository's .cache/lab.
     */
    static String ynlSource(java.nio.file.Path repo) {
        String env = System.getenv("DRBD_LAB_CACHE");
        java.nio.file.Path cache = env == null || env.isBlank() ? repo.resolve(".cache/lab")
                : java.nio.file.Path.of(env);
        return cache.resolve("linux-source-7.2").toAbsolutePath().toString();
    }
}
