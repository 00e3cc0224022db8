package io.drbdctl.lab;

import io.drbdctl.lab.v8.V8Checks;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, acceptance 4: during each scenario of the "ours" run, "events all" of the
 * reference and of ours listen side by side (started together, both subscribed before the
 * scenario starts, stopped together after it); their lines must be identical.
 * 7.2 runs in the soak group.
 */
@Tag("lab")
@ExtendWith(V8Replays.class)
class V8EventsAcceptanceTest {

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
        return r.tests(s -> Stream.of(V8Replays.check(s + " events of ours = events of the reference",
                () -> V8Checks.eventsSideBySide(r.results(), s))));
    }
}
