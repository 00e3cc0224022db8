package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The module built for the lab tests: once per kernel and state of the kmod sources, shared by
 * every test that needs it. The build directory is named by a hash of the sources, so a
 * changed source builds anew and an unchanged one is reused (a build takes a minute or more
 * under the test's load; a dozen tests used to build the same module each). Every build must
 * succeed without compiler warnings.
 *
 * @param dir    the build directory (holds {@code drbd.ko})
 * @param output what the build printed
 */
record KmodBuild(Path dir, String output) {
    private static final String LOG = ".lab-build-output";
    private static final List<String> PRODUCTS = List.of(".o", ".ko", ".mod", ".mod.c", ".cmd", ".symvers",
            ".order", ".a", ".d");

    Path ko() {
        return dir.resolve("drbd.ko");
    }

    /** The module of {@code src} (default: the repository's kmod) for {@code kernel}. */
    static KmodBuild of(Lab lab, String kernel) throws Exception {
        return of(lab, kernel, lab.home().getParent().resolve("kmod"));
    }

    static KmodBuild of(Lab lab, String kernel, Path src) throws Exception {
        Path out = lab.home().resolve("target/kmod-build/shared/" + kernel + "-" + hash(src));
        if (Files.isRegularFile(out.resolve("drbd.ko")) && Files.isRegularFile(out.resolve(LOG))) {
            return new KmodBuild(out, Files.readString(out.resolve(LOG)));
        }
        TestModuleGuestTest.deleteTree(out);
        Lab.CliResult r = lab.cli(Duration.ofMinutes(10), "build-module", kernel, src.toString(), out.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertFalse(r.output().contains("warning:"), "compiler warnings on " + kernel + ":\n" + r.output());
        assertTrue(Files.exists(out.resolve("drbd.ko")), "drbd.ko for " + kernel);
        // written last: a directory without it is an interrupted build
        Files.writeString(out.resolve(LOG), r.output());
        return new KmodBuild(out, r.output());
    }

    /** SHA-256 over the source files' relative paths and contents (build products left out). */
    static String hash(Path src) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.filter(Files::isRegularFile).filter(KmodBuild::isSource).sorted().toList()) {
                md.update(src.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                try (InputStream in = Files.newInputStream(p)) {
                    md.update(in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new IOException("hashing " + src + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest(), 0, 8);
    }

    private static boolean isSource(Path p) {
        String n = p.getFileName().toString();
        return !n.startsWith(".") && PRODUCTS.stream().noneMatch(n::endsWith);
    }
}
