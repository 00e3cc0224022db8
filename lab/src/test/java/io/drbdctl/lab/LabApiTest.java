package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host-only checks of the Java side of the lab (no guest is booted). */
class LabApiTest {

    @Test
    void shellQuotingSurvivesQuotes() {
        assertEquals("'it'\\''s'", Lab.shellQuote("it's"));
        assertEquals("''", Lab.shellQuote(""));
    }

    @Test
    void wrapperExportsEnvironmentAndLoadsModulesBeforeTheScript() {
        GuestSpec g = GuestSpec.of("6.1", "echo hi").withModules("drbd", "loop").withEnv("A", "x y");
        String w = Lab.wrapperScript(g);
        assertTrue(w.startsWith("#!/bin/bash\n"), w);
        assertTrue(w.contains("export A='x y'\n"), w);
        assertTrue(w.indexOf("modprobe 'drbd'") < w.indexOf("modprobe 'loop'"), w);
        assertTrue(w.indexOf("modprobe 'loop'") < w.indexOf("echo hi\n"), w);
    }

    @Test
    void environmentNamesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> GuestSpec.of("6.1", "").withEnv("A-B", "1"));
    }

    @Test
    void hostJavaIsThisJvm() {
        GuestSpec g = GuestSpec.of("6.1", "").withHostJava();
        assertEquals(System.getProperty("java.class.path"), g.env().get("LAB_CP"));
        assertTrue(Files.isExecutable(Path.of(g.env().get("LAB_JAVA"))));
    }

    @Test
    void locatesTheLabAndItsCommandLine() {
        Lab lab = Lab.locate();
        assertTrue(Files.isExecutable(lab.home().resolve("bin/lab")));
        Lab.CliResult help = lab.cli(java.time.Duration.ofSeconds(30), "--help");
        assertEquals(0, help.exitCode(), help.output());
        assertTrue(help.output().contains("build-module"), help.output());
    }

    @Test
    void resultReportsMissingExitStatusAsFailure(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("node1"));
        Files.writeString(dir.resolve("node1/console.log"), "boot\npanic\n");
        LabResult r = new LabResult(Arrays.asList((Integer) null), List.of(dir.resolve("node1/console.log")),
                dir, 1, "node1 exit=none\n");
        assertFalse(r.success());
        AssertionError e = assertThrows(AssertionError.class, r::assertSuccess);
        assertTrue(e.getMessage().contains("panic"), e.getMessage());
    }
}
