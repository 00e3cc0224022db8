package io.drbdctl.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One guest of a lab run: the kernel it boots, the modules loaded before its script,
 * extra environment for the script, and the script itself (bash, run as root in the guest,
 * chrooted into the host's root file system).
 *
 * <p>The host's root is visible read-only at the same paths in the guest, except
 * {@code /tmp} and {@code /run}, which are the guest's own tmpfs: files the script needs
 * must live elsewhere (e.g. under {@code target/}) or in the run directory.
 */
public record GuestSpec(String kernel, String script, List<String> modules, Map<String, String> env) {

    public GuestSpec {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(script, "script");
        modules = List.copyOf(modules);
        env = Map.copyOf(env);
    }

    /** A guest running the given script text on the kernel (alias 6.1, 6.12, 7.2 or a release). */
    public static GuestSpec of(String kernel, String scriptText) {
        return new GuestSpec(kernel, scriptText, List.of(), Map.of());
    }

    /** A guest running a script file (read now; it may sit anywhere on the host). */
    public static GuestSpec ofFile(String kernel, Path scriptFile) {
        try {
            return of(kernel, Files.readString(scriptFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds modules the guest loads with modprobe (dependencies included) before the script. */
    public GuestSpec withModules(String... names) {
        List<String> m = new ArrayList<>(modules);
        m.addAll(List.of(names));
        return new GuestSpec(kernel, script, m, env);
    }

    /** Adds an environment variable for the script. */
    public GuestSpec withEnv(String name, String value) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a variable name: " + name);
        }
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put(name, value);
        return new GuestSpec(kernel, script, modules, e);
    }

    /**
     * JVM options for short runs under emulation: C1 only and the serial collector start
     * and finish a small program seconds sooner on a TCG vCPU.
     */
    public static final String GUEST_JAVA_OPTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData";

    /**
     * Gives the script this JVM's {@code java} binary as {@code $LAB_JAVA}, its class path
     * as {@code $LAB_CP} (both valid in the guest, which sees the host's root) and
     * {@link #GUEST_JAVA_OPTS} as {@code $LAB_JAVA_OPTS}. Each JVM start costs seconds in a
     * guest: start as few as possible.
     */
    public GuestSpec withHostJava() {
        return withEnv("LAB_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .withEnv("LAB_CP", System.getProperty("java.class.path"))
                .withEnv("LAB_JAVA_OPTS", GUEST_JAVA_OPTS);
    }
}
