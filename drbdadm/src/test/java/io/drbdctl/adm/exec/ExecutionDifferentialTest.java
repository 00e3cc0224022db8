package io.drbdctl.adm.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drbdctl.adm.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running plans: ours and Debian's drbdadm both run the same stand-in drbdsetup/drbdmeta
 * programs ({@code -s}/{@code -m}), which log their calls and fail on request. For every step
 * of a plan, one run makes that step fail; the calls made, standard output, standard error and
 * exit code must be equal.
 */
class ExecutionDifferentialTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus");
    static final String REFERENCE = System.getProperty("drbdadm.reference", "/usr/sbin/drbdadm");
    static final String[] CONFIGS = {"v84-volumes.res", "v84-net.res", "v84-many.res", "v9-volumes.res",
        "v9-paths.res", "v9-many-resources.res"};
    static final String[] COMMANDS = {"up all", "down all", "attach all", "primary all", "outdate all",
        "invalidate all", "resize all", "connect all", "detach all", "dstate all"};
    /** At most this many failure points per plan (spread over it). */
    static final int POINTS = 4;
    /** The stand-in program: logs its call, fails (stderr + exit code) when the call contains $FAILON. */
    static final String FAKE = """
            #!/bin/sh
            echo "$0 $*" >>"$CALLS"
            echo "out: $*"
            case "$*" in *"$FAILON"*) [ -n "$FAILON" ] && { echo "fail: $*" >&2; exit ${FAILRC:-10}; };; esac
            exit 0
            """;

    @TempDir
    static Path dir;

    record Result(String calls, String out, String err, int rc) {
    }

    @TestFactory
    Stream<DynamicTest> failEveryStep() throws IOException {
        assumeTrue(Files.isExecutable(Path.of(REFERENCE)), "reference drbdadm not installed at " + REFERENCE);
        Path setup = script("fake-drbdsetup");
        Path meta = script("fake-drbdmeta");
        List<DynamicTest> tests = new ArrayList<>();
        for (String conf : CONFIGS) {
            for (String cmd : COMMANDS) {
                if (conf.startsWith("v9-") && cmd.startsWith("outdate")) {
                    continue; // drbdadm 9 asks drbdsetup for the peer's state first
                }
                tests.add(DynamicTest.dynamicTest(conf + "|" + cmd, () -> compareAll(conf, cmd, setup, meta)));
            }
        }
        return tests.stream();
    }

    private static Path script(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, FAKE);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static void compareAll(String conf, String cmd, Path setup, Path meta) throws Exception {
        Path orig = CORPUS.resolve(conf);
        // as the corpus is: the address checks of running commands
        assertEquals(reference(orig, cmd, setup, meta, "", 0), ours(orig, cmd, setup, meta, "", 0), "address checks");
        // without the address checks: every step runs
        Path f = dir.resolve(conf);
        Files.writeString(f, "global { disable-ip-verification; }\n" + Files.readString(orig));
        Result clean = reference(f, cmd, setup, meta, "", 0);
        assertEquals(clean, ours(f, cmd, setup, meta, "", 0), "no failure");
        List<String> calls = clean.calls().lines().toList();
        int step = Math.max(1, calls.size() / POINTS);
        for (int i = 0; i < calls.size(); i += step) {
            // the call without the program: unique enough to fail just this step
            String failOn = calls.get(i).substring(calls.get(i).indexOf(' ') + 1);
            for (int rc : new int[] {10, 17}) {
                Result ref = reference(f, cmd, setup, meta, failOn, rc);
                assertEquals(ref, ours(f, cmd, setup, meta, failOn, rc), "failing '" + failOn + "' with " + rc);
            }
        }
    }

    private static Map<String, String> env(Path f, Path calls, String failOn, int rc) {
        Map<String, String> env = new HashMap<>();
        env.put("__DRBD_NODE__", "alpha");
        env.put("DRBD_DRIVER_VERSION_OVERRIDE", f.getFileName().toString().startsWith("v84-") ? "8.4.11" : "9.2.0");
        env.put("CALLS", calls.toString());
        env.put("FAILON", failOn);
        env.put("FAILRC", String.valueOf(rc));
        return env;
    }

    private static List<String> argv(Path f, String cmd, Path setup, Path meta) {
        List<String> a = new ArrayList<>(List.of("-c", f.toString(), "-s", setup.toString(), "-m", meta.toString()));
        a.addAll(List.of(cmd.split(" ")));
        return a;
    }

    private static Result reference(Path f, String cmd, Path setup, Path meta, String failOn, int rc)
            throws Exception {
        Path calls = Files.createTempFile(dir, "calls", ".txt");
        List<String> c = new ArrayList<>(List.of(REFERENCE));
        c.addAll(argv(f, cmd, setup, meta));
        ProcessBuilder pb = new ProcessBuilder(c);
        pb.environment().putAll(env(f, calls, failOn, rc));
        pb.environment().remove("DRBDCTL_DEBUG");
        Process p = pb.start();
        byte[] err = p.getErrorStream().readAllBytes();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        return new Result(Files.readString(calls), out, clean(new String(err, StandardCharsets.UTF_8)), code);
    }

    private static Result ours(Path f, String cmd, Path setup, Path meta, String failOn, int rc) throws Exception {
        Path calls = Files.createTempFile(dir, "calls", ".txt");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(env(f, calls, failOn, rc));
        int code = Main.run(argv(f, cmd, setup, meta).toArray(String[]::new), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(Files.readString(calls), out.toString(StandardCharsets.UTF_8),
                clean(err.toString(StandardCharsets.UTF_8)), code);
    }

    /** The reference's __DRBD_NODE__ banner and empty lines are not part of the comparison. */
    private static String clean(String err) {
        return err.lines().filter(l -> !l.isBlank() && !l.contains("__DRBD_NODE__") && !l.contains("PRETENDING"))
                .collect(Collectors.joining("\n"));
    }
}
