package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpPrintsTheCommandListWithTheReferenceExitCode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SetupSession s = SetupSession.open()) {
            int rc = s.run(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertEquals(20, rc);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Commands are:"));
    }

    @Test
    void helpForOneCommandSucceeds() {
        try (SetupSession s = SetupSession.open()) {
            assertEquals(0, s.run(List.of("help", "attach"), new PrintStream(new ByteArrayOutputStream()),
                    System.err));
        }
    }
}
