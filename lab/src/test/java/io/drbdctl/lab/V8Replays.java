package io.drbdctl.lab;

import io.drbdctl.lab.v8.Goldens;
import io.drbdctl.lab.v8.ReplayResults;
import io.drbdctl.lab.v8.V8Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The v8 replay guest ({@code lab/v8/replay.sh}) run once per kernel for the whole test
 * session and shared by the acceptance test classes: a parameter of type
 * {@link V8Replays.Runs} is resolved from JUnit's root store.
 *
 * <p>{@code drbd.v8.scenarios} (system property, or {@code DRBD_V8_SCENARIOS}) limits
 * the scenarios, e.g. {@code -Ddrbd.v8.scenarios=errors84}; the tools come from {@link OurTools}.
 */
final class V8Replays implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(V8Replays.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == Runs.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return c.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Runs.class, k -> new Runs(), Runs.class);
    }

    /** The runs of this session, by kernel; a failed or skipped run is not repeated. */
    static final class Runs {
        private final Map<String, Object> byKernel = new HashMap<>();

        synchronized Replay get(String kernel) {
            Object o = byKernel.computeIfAbsent(kernel, k -> {
                try {
                    return run(k);
                } catch (RuntimeException | Error e) {
                    return e;
                }
            });
            if (o instanceof RuntimeException e) {
                throw e;
            }
            if (o instanceof Error e) {
                throw e;
            }
            return (Replay) o;
        }

        private static Replay run(String kernel) {
            Lab lab = LabSupport.lab(kernel).withTimeout(Duration.ofMinutes(45));
            Path goldens = Goldens.dir(lab.home()).orElse(null);
            Assumptions.assumeTrue(goldens != null,
                    "shared/reference/v8-traces not found beside the repository (or $DRBD_V8_TRACES)");
            OurTools ours = OurTools.select(lab.home().getParent()).withReferenceDrbdadmByDefault().requireBuilt();
            String scenarios = OurTools.setting("drbd.v8.scenarios", "DRBD_V8_SCENARIOS",
                    String.join(" ", Goldens.SCENARIOS)).replace(',', ' ');
            try {
                Path runs = lab.home().resolve("target/lab-runs");
                Files.createDirectories(runs);
                Path out = Files.createTempDirectory(runs, "v8-" + kernel + "-");
                // the scenario scripts travel unchanged in the run directory (/run/lab in the guest)
                Path scen = Files.createDirectories(out.resolve("v8-scenarios"));
                try (Stream<Path> s = Files.list(goldens.resolve("scenarios"))) {
                    for (Path f : s.toList()) {
                        Files.copy(f, scen.resolve(f.getFileName()));
                    }
                }
                GuestSpec g = GuestSpec.ofFile(kernel, lab.home().resolve("v8/replay.sh"))
                        .withModules("drbd", "loop", "nlmon")
                        .withEnv("V8_SCENARIO_DIR", "/run/lab/v8-scenarios")
                        .withEnv("V8_HOME", lab.home().resolve("v8").toString())
                        .withEnv("V8_SCENARIOS", scenarios)
                        .withEnv("V8_OURS_DRBDSETUP", ours.drbdsetup())
                        .withEnv("V8_OURS_DRBDADM", ours.drbdadm())
                        .withEnv("V8_OURS_DRBDMETA", ours.drbdmeta());
                System.out.println("v8 replay on " + kernel + ": " + ours.describe() + "; scenarios " + scenarios);
                long t0 = System.nanoTime();
                LabResult r = lab.run(out, g);
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("lab: v8 replay on %s took %.1f s (run dir %s)%n", kernel, secs, out);
                String problem = "";
                try {
                    r.assertSuccess();
                } catch (AssertionError e) {
                    // compare what there is; the run's failure is reported by its own test
                    problem = e.getMessage();
                }
                ReplayResults results = new ReplayResults(r.results(0), kernel);
                String scripts = results.problems();
                if (!scripts.isEmpty()) {
                    problem = problem + (problem.isEmpty() ? "" : "\n") + scripts;
                }
                for (String s : scenarios.split("\\s+")) {
                    System.out.printf("  %-11s ref %6.1f s, ours %6.1f s%n", s,
                            results.seconds("ref", s), results.seconds("ours", s));
                }
                // every comparison in one file, as V8Report prints it
                Path report = out.resolve("report.txt");
                Files.writeString(report, V8Report.format(V8Report.all(results, goldens)));
                System.out.println("  all comparisons: " + report);
                return new Replay(results, goldens, ours, problem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A dynamic test that passes when the comparison's report is empty and prints it otherwise. */
    static DynamicTest check(String name, Supplier<String> comparison) {
        return DynamicTest.dynamicTest(name, () -> {
            String report = comparison.get();
            if (!report.isEmpty()) {
                Assertions.fail(name + ":\n" + report);
            }
        });
    }

    /**
     * One replay: its results, the goldens, which tools were ours, and what went wrong
     * with the run itself (empty when the guest and every scenario script ran to the end).
     */
    record Replay(ReplayResults results, Path goldens, OurTools ours, String problem) {
        Stream<String> scenarios() {
            return Goldens.SCENARIOS.stream().filter(s -> results.has("ref", s) || results.has("ours", s));
        }

        /** The checks of each scenario, preceded by one that the run itself completed. */
        Stream<DynamicTest> tests(Function<String, Stream<DynamicTest>> perScenario) {
            return Stream.concat(Stream.of(check("replay on " + results.kernel() + " ran to the end (" + ours.selection() + ")",
                    () -> problem)), scenarios().flatMap(perScenario));
        }
    }
}
