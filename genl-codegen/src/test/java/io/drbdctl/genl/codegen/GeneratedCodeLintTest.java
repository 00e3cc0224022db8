package io.drbdctl.genl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated code compiles with {@code -Xlint:all -Werror} (no exclusions) against the netlink
 * layer alone, for the test specs and for the real legacy family spec of this repository.
 */
class GeneratedCodeLintTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "src/test/resources/specs/demo.yaml, lint.demo, false",
        "src/test/resources/specs/legacy-demo.yaml, lint.legacy, true",
        "../genl-v8/drbd.yaml, lint.v8, true",
        "../genl-drbd2/drbd2.yaml, lint.drbd2, false",
    })
    void compilesWithoutWarnings(String spec, String pkg, boolean u8) throws IOException {
        Path specPath = Path.of(spec);
        Assumptions.assumeTrue(Files.exists(specPath), spec + " is absent");
        compile(specPath, pkg, u8);
    }

    /**
     * Generality: the kernel's own specs (Linux 7.2, read from the lab cache, not copied)
     * generate code that compiles cleanly, or are refused with a SpecException for a feature
     * the Java codec does not have.
     */
    @ParameterizedTest
    @CsvSource({
        "handshake, ok", "dpll, ok", "netdev, ok", "ovpn, ok", "nfsd, ok", "lockd, ok",
        "net_shaper, ok", "psp, ok", "team, ok", "fou, ok", "tcp_metrics, ok", "ovs_flow, ok",
        "mptcp_pm, ok", "wireguard, indexed-array", "ethtool, directional",
        "devlink, bitfield32",
    })
    void kernelSpecs(String name, String expect) throws IOException {
        String cache = System.getenv("DRBD_LAB_CACHE");
        Path root = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of("..", ".cache", "lab");
        Path spec = root.resolve("linux-source-7.2").resolve("Documentation").resolve("netlink")
                .resolve("specs").resolve(name + ".yaml");
        Assumptions.assumeTrue(Files.exists(spec), spec + " is absent");
        if (expect.equals("ok")) {
            compile(spec, "lint.k." + name.replaceAll("[^a-z0-9]", ""), false);
        } else {
            SpecException e = assertThrows(SpecException.class,
                    () -> Generator.generate(spec, "p", false));
            assertTrue(e.getMessage().startsWith(name + ".yaml:")
                    && e.getMessage().contains(expect), e.getMessage());
        }
    }

    private void compile(Path specPath, String pkg, boolean u8) throws IOException {
        Map<String, String> files = Generator.generate(specPath, pkg, u8);
        Path src = dir.resolve("src-" + pkg);
        Generator.write(src, pkg, files);
        List<String> args = new ArrayList<>(List.of("-Xlint:all", "-Werror", "--release", "17",
                "-d", dir.resolve("classes-" + pkg).toString(),
                "-cp", System.getProperty("java.class.path")));
        try (var s = Files.walk(src)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diag = new ByteArrayOutputStream();
        int rc = javac.run(null, diag, diag, args.toArray(String[]::new));
        assertEquals("", diag.toString(StandardCharsets.UTF_8).strip(), "javac diagnostics");
        assertEquals(0, rc);
        assertTrue(files.size() > Naming.SUPPORT.size());
    }
}
