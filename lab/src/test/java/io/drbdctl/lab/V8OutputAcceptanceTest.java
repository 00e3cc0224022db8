package io.drbdctl.lab;

import io.drbdctl.lab.v8.Goldens;
import io.drbdctl.lab.v8.V8Checks;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, acceptance 2: each scenario run once with /lib/drbd/drbdsetup-84 and once with
 * ours in the same guest boot gives the same command log (argv, stdout, stderr, exit code of
 * every command, error cases included; normalised: tool paths, generation UUIDs) and the
 * same /proc/drbd afterwards. Harness check: the reference's /proc/drbd equals the golden's
 * where the golden was taken on this kernel. 7.2 runs in the soak group.
 */
@Tag("lab")
@ExtendWith(V8Replays.class)
class V8OutputAcceptanceTest {

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
        return r.tests(s -> {
            Stream<DynamicTest> own = Goldens.own(r.goldens(), r.results().kernel(), s, ".proc_drbd_after.txt")
                    ? Stream.of(V8Replays.check("harness: " + s + " reference /proc/drbd after = golden",
                            () -> V8Checks.procDrbdVsGolden(r.results(), r.goldens(), "ref", s)))
                    : Stream.empty();
            return Stream.concat(own, Stream.of(
                    V8Replays.check(s + " our stdout, stderr, exit codes = reference's",
                            () -> V8Checks.cmdlogVsReference(r.results(), s)),
                    V8Replays.check(s + " /proc/drbd after ours = after the reference",
                            () -> V8Checks.procDrbdVsReference(r.results(), s))));
        });
    }
}
