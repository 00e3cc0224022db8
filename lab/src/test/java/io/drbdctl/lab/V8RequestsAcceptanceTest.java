package io.drbdctl.lab;

import io.drbdctl.lab.v8.V8Checks;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, acceptance 1: for every scenario of shared/reference/v8-traces (hang84 aside),
 * replayed unchanged in a guest with the in-tree drbd.ko, our drbdsetup sends the requests
 * of the golden capture (attributes equal; sequence numbers and port ids masked, family
 * ids named; command by command along the scenario markers) and prints the recorded output
 * (normalised: tool paths, generation UUIDs). The reference, replayed in the same boot,
 * must meet the same checks ("harness" tests): that validates the comparer.
 * Which drbdsetup is ours: {@link OurTools}. 7.2 runs in the soak group.
 */
@Tag("lab")
@ExtendWith(V8Replays.class)
class V8RequestsAcceptanceTest {

    @TestFactory
    @Timeout(3000)
    Stream<DynamicTest> kernel61(V8Replays.Runs runs) {
        return tests(runs.get("6.1"));
    }

    @TestFactory
    @Tag("soak")
    @Timeout(3000)
    Stream<DynamicTest> kernel72(V8Replays.Runs runs) {
        return tests(runs.get("7.2"));
    }

    private static Stream<DynamicTest> tests(V8Replays.Replay r) {
        return r.tests(s -> Stream.of(
                V8Replays.check("harness: " + s + " reference requests = golden",
                        () -> V8Checks.requestsVsGolden(r.results(), r.goldens(), "ref", s)),
                V8Replays.check("harness: " + s + " reference output = golden",
                        () -> V8Checks.cmdlogVsGolden(r.results(), r.goldens(), "ref", s)),
                V8Replays.check(s + " our requests = golden",
                        () -> V8Checks.requestsVsGolden(r.results(), r.goldens(), "ours", s)),
                V8Replays.check(s + " our requests = reference's of the same boot",
                        () -> V8Checks.requestsVsReference(r.results(), s)),
                V8Replays.check(s + " our output = golden",
                        () -> V8Checks.cmdlogVsGolden(r.results(), r.goldens(), "ours", s))));
    }
}
