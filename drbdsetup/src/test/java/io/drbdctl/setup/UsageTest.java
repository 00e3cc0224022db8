package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drbdctl.config.options.OptionTable;
import io.drbdctl.setup.command.CommandDef;
import io.drbdctl.setup.command.Commands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * help, xml-help and the general usage equal the installed reference's (drbd-utils'
 * drbdsetup-84 answers these without a kernel module); skipped where it is not installed.
 */
class UsageTest {
    private static final Path REFERENCE = Path.of("/lib/drbd/drbdsetup-84");

    private record Result(int rc, String out) {
    }

    private static Result reference(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(REFERENCE.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private static Result ours(SetupSession s, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = s.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        return new Result(rc, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageTextsEqualTheReference() throws Exception {
        assumeTrue(Files.isExecutable(REFERENCE), "no " + REFERENCE);
        List<List<String>> cases = new ArrayList<>(List.of(List.of(), List.of("help"), List.of("nosuch"),
                List.of("help", "nosuch")));
        for (CommandDef c : Commands.of(OptionTable.load()).all()) {
            cases.add(List.of("help", c.name()));
            cases.add(List.of("xml-help", c.name()));
            cases.add(List.of(c.name(), "--help"));
        }
        try (SetupSession s = SetupSession.open(new FakeHost(new FakeKernel(32, 9)))) {
            for (List<String> args : cases) {
                assertEquals(reference(args), ours(s, args), String.join(" ", args));
            }
        }
    }
}
