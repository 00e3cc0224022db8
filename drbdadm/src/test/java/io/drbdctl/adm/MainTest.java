package io.drbdctl.adm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    record Run(int rc, String out, String err) {
    }

    static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(argv, Map.of("__DRBD_NODE__", "alpha"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpWorks() {
        Run r = run("--help");
        assertEquals(0, r.rc());
        assertTrue(r.out().contains("drbdadm"));
    }

    @Test
    void configErrorExits10WithPosition(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.res");
        Files.writeString(f, "resource r {\n net { protocoll C; }\n}\n");
        Run r = run("-c", f.toString(), "validate");
        assertEquals(10, r.rc());
        assertTrue(r.err().contains(":2:8: error: unknown option 'protocoll'"), r.err());
        assertTrue(r.err().contains("did you mean 'protocol'?"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void jsonDiagnostics(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.res");
        Files.writeString(f, "resource r {\n");
        Run r = run("-c", f.toString(), "--json", "validate");
        assertEquals(10, r.rc());
        assertTrue(r.err().startsWith("{\"file\":"), r.err());
    }

    @Test
    void commandWithoutResource(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ok.res");
        Files.writeString(f, "resource r { on alpha { device minor 1; disk /dev/x; meta-disk internal;"
                + " address 10.0.0.1:7000; } on beta { device minor 1; disk /dev/x; meta-disk internal;"
                + " address 10.0.0.2:7000; } }\n");
        Run r = run("-c", f.toString(), "-d", "up");
        assertEquals(1, r.rc());
        assertTrue(r.err().contains("No resource names specified"), r.err());
    }

    @Test
    void missingFile() {
        assertEquals(20, run("-c", "does-not-exist.conf", "dump").rc());
    }
}
