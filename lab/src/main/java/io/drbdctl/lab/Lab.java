package io.drbdctl.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drives the kernel lab's command line ({@code lab/bin/lab}) from Java: boots QEMU guests
 * on a chosen Debian kernel, runs a bash script in each and collects what they report.
 *
 * <pre>{@code
 * LabResult r = Lab.locate().run(GuestSpec.of("6.1", "cat /proc/drbd > $LAB_RESULTS/drbd")
 *         .withModules("drbd"));
 * r.assertSuccess();
 * }</pre>
 *
 * Two guests are joined by a virtual link (192.0.2.1 and 192.0.2.2 on eth0). The command
 * line enforces the timeout and always powers the guests off.
 */
public final class Lab {

    /** System property (or environment variable {@code DRBD_LAB_HOME}) naming the lab/ directory. */
    public static final String HOME_PROPERTY = "drbd.lab.home";

    private static final Duration CLI_GRACE = Duration.ofSeconds(120);

    private final Path home;
    private final Duration timeout;
    private final Path runsDir;

    private Lab(Path home, Duration timeout, Path runsDir) {
        this.home = home;
        this.timeout = timeout;
        this.runsDir = runsDir;
    }

    /** The lab of a given lab/ directory (the one holding bin/lab). */
    public static Lab at(Path home) {
        Path h = home.toAbsolutePath().normalize();
        if (!Files.isExecutable(h.resolve("bin/lab"))) {
            throw new IllegalArgumentException("no bin/lab under " + h);
        }
        return new Lab(h, Duration.ofMinutes(10), h.resolve("target/lab-runs"));
    }

    /**
     * Finds the lab: the system property {@value #HOME_PROPERTY}, the environment variable
     * {@code DRBD_LAB_HOME}, or a {@code lab/} directory at or above the working directory.
     */
    public static Lab locate() {
        String configured = System.getProperty(HOME_PROPERTY, System.getenv("DRBD_LAB_HOME"));
        if (configured != null && !configured.isBlank()) {
            return at(Path.of(configured));
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve("bin/lab")) && Files.exists(d.resolve("lib/run.sh"))) {
                return at(d);
            }
            if (Files.isExecutable(d.resolve("lab/bin/lab"))) {
                return at(d.resolve("lab"));
            }
        }
        throw new IllegalStateException("cannot find lab/bin/lab; set -D" + HOME_PROPERTY);
    }

    public Path home() {
        return home;
    }

    /** A lab whose runs time out after the given time (default 10 minutes). */
    public Lab withTimeout(Duration t) {
        return new Lab(home, t, runsDir);
    }

    /** A lab that puts run directories under the given one (default lab/target/lab-runs). */
    public Lab withRunsDir(Path dir) {
        return new Lab(home, timeout, dir.toAbsolutePath());
    }

    /** Runs the guests in a fresh run directory. */
    public LabResult run(GuestSpec... guests) {
        try {
            Files.createDirectories(runsDir);
            return run(Files.createTempDirectory(runsDir, "run-"), guests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one guest, or two linked guests, with outDir as the run directory. */
    public LabResult run(Path outDir, GuestSpec... guests) {
        if (guests.length < 1 || guests.length > 2) {
            throw new IllegalArgumentException("the lab runs one or two guests, not " + guests.length);
        }
        String kernel = guests[0].kernel();
        for (GuestSpec g : guests) {
            if (!g.kernel().equals(kernel)) {
                throw new IllegalArgumentException("all guests of a run boot the same kernel");
            }
        }
        Path out = outDir.toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("run", "--kernel", kernel,
                "--timeout", Long.toString(timeout.toSeconds()), "--out", out.toString()));
        try {
            Files.createDirectories(out.resolve("specs"));
            for (int i = 0; i < guests.length; i++) {
                Path wrapper = out.resolve("specs").resolve(LabResult.node(i) + ".sh");
                Files.writeString(wrapper, wrapperScript(guests[i]));
                args.add(i == 0 ? "--script" : "--peer-script");
                args.add(wrapper.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliResult cli = cli(timeout.plus(CLI_GRACE), args.toArray(String[]::new));
        List<Integer> codes = new ArrayList<>();
        List<Path> consoles = new ArrayList<>();
        for (int i = 0; i < guests.length; i++) {
            Path nodeDir = out.resolve(LabResult.node(i));
            codes.add(readExitCode(nodeDir.resolve("exit-code")));
            consoles.add(nodeDir.resolve("console.log"));
        }
        return new LabResult(codes, consoles, out, cli.exitCode(), cli.output());
    }

    /**
     * Builds an out-of-tree module against a kernel's headers (7.2: in the lab's sid chroot).
     * The sources are copied into outDir and built there; returns the first .ko.
     */
    public Path buildModule(String kernel, Path srcDir, Path outDir) {
        CliResult r = cli(Duration.ofMinutes(10), "build-module", kernel,
                srcDir.toAbsolutePath().toString(), outDir.toAbsolutePath().toString());
        if (r.exitCode() != 0) {
            throw new IllegalStateException("build-module " + kernel + " failed:\n" + r.output());
        }
        try (Stream<Path> s = Files.list(outDir)) {
            return s.filter(p -> p.toString().endsWith(".ko")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no .ko in " + outDir + ":\n" + r.output()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empty when the kernels can boot and build modules here; otherwise the reason why not. */
    public Optional<String> unavailable(String... kernels) {
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(List.of(kernels));
        CliResult r = cli(Duration.ofMinutes(1), args.toArray(String[]::new));
        return r.exitCode() == 0 ? Optional.empty() : Optional.of(r.output().strip());
    }

    /** Installs or fetches what these kernels need ({@code lab setup}); needs root. */
    public CliResult setup(String... kernels) {
        List<String> args = new ArrayList<>(List.of("setup"));
        args.addAll(List.of(kernels));
        return cli(Duration.ofMinutes(30), args.toArray(String[]::new));
    }

    /** The outcome of one lab command. */
    public record CliResult(int exitCode, String output) {
    }

    /** Runs {@code lab ARGS...}, echoing its output to System.out, and kills it past the limit. */
    public CliResult cli(Duration limit, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/lab").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        StringBuilder output = new StringBuilder();
        try {
            Process p = pb.start();
            Thread reader = new Thread(() -> copy(p, output), "lab-output");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                // SIGTERM lets bin/lab power off the guests it started and unmount
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
                reader.join(5000);
                synchronized (output) {
                    output.append("lab: killed after ").append(limit.toSeconds()).append(" s\n");
                    return new CliResult(-1, output.toString());
                }
            }
            reader.join(5000);
            synchronized (output) {
                return new CliResult(p.exitValue(), output.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running lab " + String.join(" ", args), e);
        }
    }

    private static void copy(Process p, StringBuilder output) {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println("[lab] " + line);
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            synchronized (output) {
                output.append("lab: reading output failed: ").append(e).append('\n');
            }
        }
    }

    private static Integer readExitCode(Path file) {
        try {
            return Files.exists(file) ? Integer.valueOf(Files.readString(file).strip()) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** The script the guest really runs: environment, modules, then the spec's script text. */
    static String wrapperScript(GuestSpec g) {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n# generated by io.drbdctl.lab.Lab\n");
        for (Map.Entry<String, String> e : g.env().entrySet()) {
            sb.append("export ").append(e.getKey()).append('=').append(shellQuote(e.getValue())).append('\n');
        }
        for (String m : g.modules()) {
            sb.append("modprobe ").append(shellQuote(m))
                    .append(" || { echo 'lab: modprobe ").append(m.replace("'", ""))
                    .append(" failed' >&2; exit 125; }\n");
        }
        sb.append("# --- the guest's script ---\n").append(g.script());
        if (!g.script().endsWith("\n")) {
            sb.append('\n');
        }
        return sb.toString();
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
