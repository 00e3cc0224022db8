package io.drbdctl.adm.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.drbdctl.adm.plan.Plan;
import io.drbdctl.adm.plan.Stage;
import io.drbdctl.adm.plan.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The execution rules, as measured against drbdadm-84 with stand-in programs. */
class PlanRunnerTest {
    private final List<String> ran = new ArrayList<>();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private PlanRunner runner(Map<String, Integer> failures) {
        StepRunner fake = (s, o, e) -> {
            String line = s.commandLine();
            ran.add(line);
            return failures.entrySet().stream().filter(f -> line.contains(f.getKey())).mapToInt(Map.Entry::getValue)
                    .findFirst().orElse(0);
        };
        return new PlanRunner(fake, Programs.builtIn(), new PrintStream(new ByteArrayOutputStream()), err,
                "drbdadm-84");
    }

    private static ResourcePlan up(String res, int minor) {
        String m = String.valueOf(minor);
        return new ResourcePlan(res, new Plan(List.of(
                new Plan.Staged(Stage.PREREQ, new Step.Drbdsetup("drbdsetup-84", "new-resource", List.of(res), List.of())),
                new Plan.Staged(Stage.PREREQ, new Step.Drbdsetup("drbdsetup-84", "new-minor", List.of(res, m, "0"),
                        List.of())),
                new Plan.Staged(Stage.DISK, new Step.Drbdmeta(minor, "v08", "/dev/d" + m, "internal", "apply-al")),
                new Plan.Staged(Stage.DISK, new Step.Drbdsetup("drbdsetup-84", "attach",
                        List.of(m, "/dev/d" + m, "/dev/d" + m, "internal"), List.of())),
                new Plan.Staged(Stage.NET_CONNECT, new Step.Drbdsetup("drbdsetup-84", "connect",
                        List.of(res, "ipv4:127.0.0.1:1", "ipv4:127.0.0.1:2"), List.of())))));
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void allGood() {
        assertEquals(0, runner(Map.of()).runStaged(List.of(up("a0", 10), up("a1", 11))));
        assertEquals(10, ran.size());
        assertEquals("drbdsetup-84 new-minor a1 11 0", ran.get(3));
        assertEquals("", err());
    }

    @Test
    void failedNewResourceSkipsTheRestOfItsStageAndLaterStages() {
        assertEquals(1, runner(Map.of("new-resource a0", 10)).runStaged(List.of(up("a0", 10), up("a1", 11))));
        assertEquals(List.of("drbdsetup-84 new-resource a0", "drbdsetup-84 new-resource a1",
                "drbdsetup-84 new-minor a1 11 0"), ran);
        assertEquals("Command 'drbdsetup-84 new-resource a0' terminated with exit code 10\n"
                + "drbdadm-84: new-minor a0: skipped due to earlier error\n", err());
    }

    @Test
    void failedApplyAlEndsItsAttachButNotTheOtherResource() {
        assertEquals(1, runner(Map.of("10 v08", 10)).runStaged(List.of(up("a0", 10), up("a1", 11))));
        assertEquals(7, ran.size());
        assertEquals("drbdsetup-84 attach 11 /dev/d11 /dev/d11 internal", ran.get(6));
        assertEquals("Command 'drbdmeta 10 v08 /dev/d10 internal apply-al' terminated with exit code 10\n", err());
    }

    @Test
    void immediateCommandsGoOnAndReturnTheHighestCode() {
        List<ResourcePlan> plans = new ArrayList<>();
        for (int m : new int[] {10, 11}) {
            plans.add(new ResourcePlan("a" + m, new Plan(List.of(new Plan.Staged(Stage.DISK,
                    new Step.Drbdsetup("drbdsetup-84", "primary", List.of(String.valueOf(m)), List.of()))))));
        }
        assertEquals(11, runner(Map.of("primary 10", 11)).runImmediate(plans));
        assertEquals(2, ran.size());
    }

    @Test
    void kernelFirstFallsBackToTheMetaData() {
        ResourcePlan p = new ResourcePlan("a0", new Plan(List.of(
                new Plan.Staged(Stage.DISK, new Step.Drbdsetup("drbdsetup-84", "outdate", List.of("10"), List.of())),
                new Plan.Staged(Stage.DISK, new Step.Drbdmeta(10, "v08", "/dev/d", "internal", "outdate")))));
        assertEquals(0, runner(Map.of("outdate 10", 10)).runImmediate(List.of(p)));
        assertEquals(2, ran.size());
        ran.clear();
        assertEquals(17, runner(Map.of("outdate 10", 17)).runImmediate(List.of(p)));
        assertEquals(1, ran.size());
        assertEquals("", err());
    }
}
