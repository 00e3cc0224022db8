package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Command-line errors found before any request is sent (texts and exit codes of drbdsetup-84). */
class CliErrorsTest {
    private record Run(int rc, String out, String err) {
    }

    private static Run run(String... argv) {
        FakeKernel k = new FakeKernel(32, 9);
        k.expect(List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (SetupSession s = SetupSession.open(new FakeHost(k))) {
            int rc = s.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void unknownOptionPrintsGetoptsMessageAndTheUsage() {
        Run r = run("primary", "0", "--bogus");
        assertEquals(20, r.rc());
        assertEquals("primary: unrecognized option '--bogus'\n", r.err());
        assertTrue(r.out().contains("Commands are:"));
    }

    @Test
    void missingObject() {
        Run r = run("primary");
        assertEquals(20, r.rc());
        assertEquals("Missing first argument\n", r.err());
        assertEquals("USAGE:\n drbdsetup-84 primary {minor} [--force={yes|no}]\n", r.out());
    }

    @Test
    void notAMinor() {
        Run r = run("primary", "r0");
        assertEquals(20, r.rc());
        assertEquals("Cannot determine minor device number of device 'r0'\n", r.err());
    }

    @Test
    void invalidEnumValue() {
        Run r = run("disk-options", "0", "--on-io-error=foo");
        assertEquals(20, r.rc());
        assertEquals("Option --on-io-error: invalid argument 'foo'\n", r.err());
    }

    @Test
    void invalidNumber() {
        Run r = run("resize", "0", "--size=5x");
        assertEquals(20, r.rc());
        assertEquals("5x is not a valid number\n", r.err());
    }

    @Test
    void missingPositional() {
        Run r = run("attach", "0", "/dev/loop0");
        assertEquals(20, r.rc());
        assertEquals("Missing argument 'meta_data_dev'\n", r.err());
        assertTrue(r.out().startsWith("USAGE:\n drbdsetup-84 attach {minor} {lower_dev}"));
    }

    @Test
    void excessArguments() {
        Run r = run("show-gi", "0", "extra");
        assertEquals(20, r.rc());
        assertEquals("Excess arguments: extra", r.err());
        assertEquals("\n", r.out());
    }

    @Test
    void allIsRefusedWhereNotAccepted() {
        Run r = run("primary", "all");
        assertEquals(20, r.rc());
        assertTrue(r.out().endsWith("\ncommand does not accept argument 'all'\n"));
    }

    @Test
    void missingConnectionEndpoint() {
        Run r = run("connect", "r0", "1.2.3.4");
        assertEquals(20, r.rc());
        assertEquals("Missing connection endpoint argument\n", r.err());
    }

    @Test
    void oldArgumentOrderIsAccepted() {
        Run r = run("0", "primary", "--bogus");
        assertEquals("primary: unrecognized option '--bogus'\n", r.err());
    }
}
