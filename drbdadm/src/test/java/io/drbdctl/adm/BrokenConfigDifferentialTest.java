package io.drbdctl.adm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broken configurations of {@code broken/cases.txt}: our diagnostic (position and text) and
 * the reference's exit code for {@code dump}.
 */
class BrokenConfigDifferentialTest {
    /** Intentional differences in the exit code, with the reason. */
    static final Map<String, String> KNOWN = Map.of(
            "missing-close", "reference bug: drbdadm 9.22 takes end of file as the closing '}' of a resource"
                    + " and accepts the file (exit 0); we report the unclosed '{' (exit 10)");

    record Case(String name, String position, String message, String text) {
    }

    static List<Case> cases() throws IOException {
        String all = Files.readString(Path.of("src/test/resources/broken/cases.txt"), StandardCharsets.UTF_8);
        List<Case> out = new ArrayList<>();
        for (String part : all.split("(?m)^### ")) {
            if (part.startsWith("#") || part.isBlank()) {
                continue;
            }
            int nl = part.indexOf('\n');
            String[] head = part.substring(0, nl).split(" \\| ", 3);
            out.add(new Case(head[0].trim(), head[1].trim(), head[2].trim(), part.substring(nl + 1)));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> brokenConfigs(@TempDir Path dir) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> check(dir, c)));
        }
        assertTrue(tests.size() >= 50, "at least 50 broken configurations");
        return tests.stream();
    }

    static void check(Path dir, Case c) throws Exception {
        Path f = dir.resolve(c.name() + ".res");
        Files.writeString(f, c.text(), StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("__DRBD_NODE__", "testnode", "DRBD_DRIVER_VERSION_OVERRIDE", "9.2.0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"-c", f.toString(), "dump"}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String diag = err.toString(StandardCharsets.UTF_8);
        assertTrue(diag.contains(f.getFileName() + ":" + c.position() + ": " + c.message()),
                c.name() + ": wanted " + c.position() + ": " + c.message() + " in\n" + diag);
        assertFalse(diag.contains("Exception"), diag);
        if (Files.isExecutable(Path.of(DifferentialTest.REFERENCE)) && !KNOWN.containsKey(c.name())) {
            ProcessBuilder pb = new ProcessBuilder(DifferentialTest.REFERENCE, "-c", f.toString(), "dump")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(env);
            assertEquals(pb.start().waitFor(), rc, c.name() + ": exit code differs from the reference");
        }
    }
}
