package io.drbdctl.genl.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps genl-v8/drbd.yaml honest: runs genl-v8/spec-check/speccheck.py against the
 * YNL schema, the kernel's DRBD headers (6.1 and 6.12 from the installed Debian
 * linux-headers packages, 7.2 from the lab's package cache) and the captured v8 traffic.
 */
class DrbdSpecCheckTest {

    private static final long TIMEOUT_SECONDS = 180;

    private static final Path MODULE = findModuleDir();
    private static final Path ROOT = MODULE.getParent();
    private static final Path SPEC = MODULE.resolve("drbd.yaml");
    private static final Path CHECKER = MODULE.resolve("spec-check").resolve("speccheck.py");

    record Result(int exit, String output) {}

    @Test
    void specFollowsItsOwnRules() throws Exception {
        Result r = check("rules", SPEC.toString());
        assertEquals(0, r.exit(), r.output());
    }

    @Test
    void specValidatesAgainstGenetlinkLegacySchema() throws Exception {
        Optional<Path> schema = findSchema();
        assumeTrue(schema.isPresent(),
                "genetlink-legacy.yaml not found (set DRBD_NETLINK_SCHEMAS or keep ../shared beside the repo)");
        Result r = check("schema", SPEC.toString(), "--schema", schema.get().toString());
        assertEquals(0, r.exit(), r.output());
    }

    @ParameterizedTest(name = "kernel {0} headers")
    @ValueSource(strings = {"6.1", "6.12"})
    void specMatchesInstalledKernelHeaders(String series) throws Exception {
        Optional<Path> dir = installedHeaders(series);
        assumeTrue(dir.isPresent(), "linux-headers-" + series + ".*-common with include/linux/drbd_genl.h is not installed");
        Result r = check("headers", SPEC.toString(), dir.get().toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("macro style"), r.output());
    }

    @Test
    void specMatchesKernel72HeaderFromLabCache(@TempDir Path tmp) throws Exception {
        Optional<Path> dir = kernel72Headers(tmp);
        assumeTrue(dir.isPresent(), "no linux-headers-7.2*-common package or extracted uapi drbd_genl.h in the lab cache ("
                + labCache() + "; set DRBD_LAB_CACHE to point elsewhere)");
        Result r = check("headers", SPEC.toString(), dir.get().toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("plain enum"), r.output());
    }

    /** 7.2's drbd_nl_gen.c (policies, op table, defaults) from the lab's linux-source-7.2 tree. */
    @Test
    void specMatchesKernel72PoliciesAndOpTable(@TempDir Path tmp) throws Exception {
        Optional<Path> tree = kernel72Tree();
        assumeTrue(tree.isPresent() && Files.isRegularFile(nlGen(tree.get())),
                "no linux-source-7.2* tree with drivers/block/drbd/drbd_nl_gen.c in the lab cache (" + labCache() + ")");
        Optional<Path> headers = kernel72Headers(tmp);
        assumeTrue(headers.isPresent(), "7.2 uapi drbd headers not in the lab cache");
        Result r = check("nlgen", SPEC.toString(), nlGen(tree.get()).toString(), headers.get().toString(),
                tree.get().resolve("include").resolve("uapi").resolve("linux").toString());
        assertEquals(0, r.exit(), r.output());
    }

    /** ynl-gen of the lab's 7.2 tree turns the spec into 7.2's include/uapi/linux/drbd_genl.h. */
    @Test
    void ynlGenerates72UapiHeaderFromSpec() throws Exception {
        Optional<Path> tree = kernel72Tree();
        assumeTrue(tree.isPresent()
                && Files.isRegularFile(tree.get().resolve("tools/net/ynl/pyynl/ynl_gen_c.py"))
                && Files.isRegularFile(tree.get().resolve("include/uapi/linux/drbd_genl.h")),
                "no linux-source-7.2* tree with tools/net/ynl and include/uapi/linux/drbd_genl.h in the lab cache ("
                        + labCache() + ")");
        Result r = check("ynl-uapi", SPEC.toString(), tree.get().toString());
        assertEquals(0, r.exit(), r.output());
    }

    @Test
    void specMatchesCapturedV8Traffic() throws Exception {
        Path traces = ROOT.resolveSibling("shared").resolve("reference").resolve("v8-traces");
        List<String> files = new ArrayList<>();
        for (String k : new String[] {"k6.1", "k7.2"}) {
            Path d = traces.resolve(k);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.getFileName().toString().endsWith(".decoded.txt")).sorted()
                            .forEach(p -> files.add(p.toString()));
                }
            }
        }
        assumeTrue(!files.isEmpty(), "no decoded v8 traces under " + traces);
        List<String> args = new ArrayList<>(List.of("traces", SPEC.toString()));
        args.addAll(files);
        Result r = check(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.output());
    }

    /** The checker must not be vacuous: a spec with a wrong number has to fail. */
    @Test
    void checkerRejectsABrokenSpec(@TempDir Path tmp) throws Exception {
        String spec = Files.readString(SPEC);
        String broken = spec.replace("name: initial-state-done\n      value: 41", "name: initial-state-done\n      value: 40");
        assertNotEquals(spec, broken, "mutation anchor not found in drbd.yaml");
        Path bad = tmp.resolve("drbd.yaml");
        Files.writeString(bad, broken);
        // the log shows the checker's "FAILED" lines for the mutated spec: they are this test's expectation
        System.out.println("checkerRejectsABrokenSpec: the runs below check a deliberately broken spec; "
                + "their FAILED lines are expected");
        Result rules = check("rules", bad.toString());
        assertEquals(1, rules.exit(), rules.output());
        Optional<Path> dir = installedHeaders("6.1");
        if (dir.isPresent()) {
            String wrongDefault = spec.replace("name: al-extents-def\n    type: const\n    header: linux/drbd_limits.h\n    value: 1237",
                    "name: al-extents-def\n    type: const\n    header: linux/drbd_limits.h\n    value: 1238");
            assertNotEquals(spec, wrongDefault, "mutation anchor not found in drbd.yaml");
            Files.writeString(bad, wrongDefault);
            Result headers = check("headers", bad.toString(), dir.get().toString());
            assertEquals(1, headers.exit(), headers.output());
            assertTrue(headers.output().contains("DRBD_AL_EXTENTS_DEF"), headers.output());
        }
    }

    // ------------------------------------------------------------------

    private static Result check(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", CHECKER.toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        System.out.println("$ " + String.join(" ", cmd) + "\n" + text);
        return new Result(p.exitValue(), text);
    }

    private static Path findModuleDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("drbd.yaml")) && Files.isDirectory(p.resolve("spec-check"))) {
                return p;
            }
            Path m = p.resolve("genl-v8");
            if (Files.isRegularFile(m.resolve("drbd.yaml"))) {
                return m;
            }
        }
        throw new IllegalStateException("genl-v8/drbd.yaml not found from " + here);
    }

    private static Optional<Path> findSchema() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("DRBD_NETLINK_SCHEMAS");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env).resolve("genetlink-legacy.yaml"));
        }
        candidates.add(ROOT.resolve("netlink").resolve("genetlink-legacy.yaml"));
        candidates.add(ROOT.resolveSibling("shared").resolve("reference").resolve("netlink-schemas")
                .resolve("genetlink-legacy.yaml"));
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /**
     * include/linux of the newest installed linux-headers-SERIES.*-common Debian package,
     * located through the package's own file list (dpkg-query -L).
     */
    static Optional<Path> installedHeaders(String series) throws IOException, InterruptedException {
        Pattern pkg = Pattern.compile("linux-headers-" + Pattern.quote(series) + "\\.[0-9][^ ]*-common");
        List<String> names = new ArrayList<>();
        try {
            Result r = runQuiet(List.of("dpkg-query", "-W", "-f", "${Package} ${db:Status-Abbrev}\\n",
                    "linux-headers-*-common"));
            for (String line : r.output().split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 2 && f[1].startsWith("ii") && pkg.matcher(f[0]).matches()) {
                    names.add(f[0]);
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // no dpkg on this machine
        }
        names.sort(Comparator.comparing(DrbdSpecCheckTest::versionKey).reversed());
        for (String name : names) {
            Result files = runQuiet(List.of("dpkg-query", "-L", name));
            for (String line : files.output().split("\n")) {
                if (line.trim().endsWith("/include/linux/drbd_genl.h")) {
                    Path h = Path.of(line.trim());
                    if (Files.isRegularFile(h)) {
                        return Optional.of(h.getParent());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String versionKey(String name) {
        Matcher m = Pattern.compile("(\\d+)").matcher(name);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(String.format("%08d.", Long.parseLong(m.group(1))));
        }
        return sb.toString();
    }

    private static Path labCache() {
        String env = System.getenv("DRBD_LAB_CACHE");
        return env != null && !env.isBlank() ? Path.of(env) : ROOT.resolve(".cache").resolve("lab");
    }

    private static Path nlGen(Path tree) {
        return tree.resolve("drivers").resolve("block").resolve("drbd").resolve("drbd_nl_gen.c");
    }

    /** An unpacked 7.2 kernel source tree (complete or trimmed) in the lab cache. */
    static Optional<Path> kernel72Tree() throws IOException {
        List<Path> trees = glob(labCache(), "linux-source-7.2*");
        trees.removeIf(p -> !Files.isDirectory(p));
        trees.sort(Comparator.comparing(p -> versionKey(p.getFileName().toString())));
        return trees.isEmpty() ? Optional.empty() : Optional.of(trees.get(trees.size() - 1));
    }

    /** A directory holding the 7.2 uapi drbd headers: already extracted, or pulled out of the cached .deb. */
    static Optional<Path> kernel72Headers(Path tmp) throws IOException, InterruptedException {
        Path cache = labCache();
        if (!Files.isDirectory(cache)) {
            return Optional.empty();
        }
        // Look only where packages and unpacked trees sit; never walk the whole cache
        // (it may hold a chroot with /proc mounted).
        List<Path> debs = new ArrayList<>();
        for (Path d : List.of(cache, cache.resolve("debs"), cache.resolve("apt").resolve("archives"))) {
            debs.addAll(glob(d, "linux-headers-7.2*-common_*.deb"));
        }
        List<Path> extracted = new ArrayList<>();
        List<Path> roots = new ArrayList<>(List.of(cache, cache.resolve("usr").resolve("src")));
        for (Path sub : glob(cache, "*")) {
            roots.add(sub.resolve("usr").resolve("src"));
        }
        for (Path r : roots) {
            for (Path h : glob(r, "linux-headers-7.2*-common")) {
                Path u = h.resolve("include").resolve("uapi").resolve("linux");
                if (Files.isRegularFile(u.resolve("drbd_genl.h"))) {
                    extracted.add(u);
                }
            }
        }
        if (!extracted.isEmpty()) {
            extracted.sort(Comparator.comparing(Path::toString));
            return Optional.of(extracted.get(extracted.size() - 1));
        }
        if (debs.isEmpty()) {
            return Optional.empty();
        }
        debs.sort(Comparator.comparing(p -> versionKey(p.getFileName().toString())));
        Path deb = debs.get(debs.size() - 1);
        Path out = tmp.resolve("k72");
        Files.createDirectories(out);
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder("dpkg-deb", "--fsys-tarfile", deb.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD),
                new ProcessBuilder("tar", "-x", "-C", out.toString(), "--wildcards",
                        "*/include/uapi/linux/drbd*.h").redirectErrorStream(true)));
        Process tar = pipeline.get(pipeline.size() - 1);
        byte[] msg;
        try (InputStream in = tar.getInputStream()) {
            msg = in.readAllBytes();
        }
        for (Process p : pipeline) {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("extracting " + deb + " timed out");
            }
        }
        if (tar.exitValue() != 0) {
            throw new AssertionError("extracting " + deb + " failed: " + new String(msg, StandardCharsets.UTF_8));
        }
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.getFileName().toString().equals("drbd_genl.h")).map(Path::getParent).findFirst();
        }
    }

    private static List<Path> glob(Path dir, String pattern) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir, pattern)) {
            ds.forEach(out::add);
        }
        return out;
    }

    private static Result runQuiet(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        p.waitFor(60, TimeUnit.SECONDS);
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
