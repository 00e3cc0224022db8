package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drbdctl.genl.v8.DrbdFamily;
import io.drbdctl.netlink.GenlMessage;
import io.drbdctl.netlink.NlMessage;
import io.drbdctl.setup.format.EventsFormatter;
import io.drbdctl.setup.kernel.KernelReply;
import io.drbdctl.setup.state.DeviceSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the golden captures: every drbdsetup-84 command line of a scenario runs in-process
 * against a fake kernel that checks each request against the captured one and answers with the
 * captured replies; stdout, stderr and exit code must equal the command log. Polling commands
 * (wait-connect, wait-sync) also get the notifications captured after they subscribed. The
 * only lines not replayed here are drbdmeta's and drbdadm-84's (drbdadm-84's drbdsetup steps
 * are replayed by {@link #drbdadmStepsMatchTheCapture}). Also feeds the captured notifications
 * to the "events" formatter and compares with the background events log.
 */
class ReplayTest {

    /**
     * Commands that listen to notifications: their replay also hands out the notifications
     * captured after their GET_STATUS request (when they had joined the events group).
     */
    static final Set<String> POLLING = Set.of("wait-connect", "wait-sync", "events");

    private static Path dir(String scenario) {
        Optional<Path> d = Traces.dir();
        assumeTrue(d.isPresent(), "shared/reference/v8-traces not found");
        return d.get().resolve(scenario.endsWith("-k72") ? "k7.2" : "k6.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lifecycle84", "errors84", "errors84b", "drbdadm84", "hang84", "lifecycle84-k72"})
    void commandsMatchTheCapture(String scenario) throws Exception {
        Path d = dir(scenario);
        Capture cap = Capture.read(d.resolve(scenario + ".decoded.txt"));
        CmdLog log = CmdLog.read(d.resolve(scenario + ".cmdlog.txt"));
        FakeKernel kernel = new FakeKernel(cap.familyId(), cap.eventsGroup());
        List<String> failures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int passed = 0;
        try (SetupSession s = SetupSession.open(new FakeHost(kernel))) {
            for (CmdLog.Cmd c : log.cmds()) {
                List<String> argv = c.argv();
                if (!argv.get(0).endsWith("drbdsetup-84")) {
                    skipped.add("[" + c.n() + "] not a drbdsetup-84 line (drbdmeta / drbdadm-84)");
                    continue;
                }
                Optional<String> f = replay(s, kernel, cap, c);
                if (f.isEmpty()) {
                    passed++;
                } else {
                    failures.add("[" + c.n() + "] " + c.line() + "\n" + f.get());
                }
            }
        }
        System.out.printf("replay %s: %d passed, %d failed, %d skipped%n", scenario, passed, failures.size(),
                skipped.size());
        skipped.forEach(x -> System.out.println("  skipped " + x));
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    private static Optional<String> replay(SetupSession s, FakeKernel kernel, Capture cap, CmdLog.Cmd c) {
        List<Capture.Msg> block = cap.block(c.n());
        Integer pid = block.stream().filter(m -> m.nlctrl() && m.request()).map(Capture.Msg::pid).findFirst()
                .orElse(null);
        boolean polling = POLLING.contains(c.argv().get(1));
        List<Capture.Msg> exchange = new ArrayList<>();
        boolean subscribed = false;
        for (Capture.Msg m : block) {
            if (m.nlctrl() || pid == null) {
                continue;
            }
            if (m.multicast() ? subscribed : m.pid() == pid) {
                exchange.add(m);
            }
            subscribed |= polling && m.request() && m.pid() == pid && (m.bytes()[16] & 0xff) == 2;
        }
        kernel.expect(exchange);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try {
            rc = s.run(c.argv().subList(1, c.argv().size()), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (AssertionError | RuntimeException e) {
            return Optional.of("  " + e);
        }
        List<String> problems = new ArrayList<>();
        compare("stdout", c.stdout(), out.toString(StandardCharsets.UTF_8), problems);
        compare("stderr", c.stderr(), err.toString(StandardCharsets.UTF_8), problems);
        if (rc != c.rc()) {
            problems.add("  rc: want " + c.rc() + ", got " + rc);
        }
        if (kernel.unsentRequests() > 0) {
            problems.add("  " + kernel.unsentRequests() + " captured request(s) not sent");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", problems));
    }

    private static void compare(String what, List<String> want, String got, List<String> problems) {
        String w = want.isEmpty() ? "" : String.join("\n", want) + "\n";
        if (!w.equals(got) && !(w + "\n").equals(got + "\n") && !w.equals(got + "\n")) {
            problems.add("  " + what + ":\n--- want\n" + w + "--- got\n" + got + "---");
        }
    }

    /** drbdadm84 commands and the drbdsetup-84 command lines drbdadm-84 ran for them. */
    static final Map<Integer, List<String>> DRBDADM_STEPS = Map.of(
            6, List.of("cstate 10", "cstate 11"),
            7, List.of("primary 10 --force"),
            13, List.of("dstate 10", "dstate 11"),
            14, List.of("role 10", "role 11"),
            15, List.of("status a0", "status a1"),
            16, List.of("show-gi 10"),
            19, List.of("secondary 10"));

    /**
     * drbdadm84: "up all" and "down all" ran drbdsetup-84 once per line of the preceding dry
     * run ("-d"); each of those processes' traffic is replayed with that line (wire and exit
     * code only: drbdadm-84 does not show the tools' output). drbdmeta lines are skipped.
     */
    @Test
    void drbdadmStepsMatchTheCapture() throws Exception {
        Path d = dir("drbdadm84");
        Capture cap = Capture.read(d.resolve("drbdadm84.decoded.txt"));
        CmdLog log = CmdLog.read(d.resolve("drbdadm84.cmdlog.txt"));
        FakeKernel kernel = new FakeKernel(cap.familyId(), cap.eventsGroup());
        int passed = 0;
        List<String> failures = new ArrayList<>();
        try (SetupSession s = SetupSession.open(new FakeHost(kernel))) {
            for (int[] pair : new int[][] {{3, 4}, {20, 21}}) {
                List<String> steps = log.cmds().stream().filter(c -> c.n() == pair[0]).findFirst().orElseThrow()
                        .stdout();
                List<Capture.Msg> block = cap.block(pair[1]);
                List<Integer> pids = block.stream().filter(m -> m.nlctrl() && m.request()).map(Capture.Msg::pid)
                        .distinct().toList();
                assertEquals(steps.size(), pids.size(), "processes of drbdadm84 command " + pair[1]);
                for (int i = 0; i < steps.size(); i++) {
                    List<String> argv = List.of(steps.get(i).split("\\s+"));
                    if (!argv.get(0).endsWith("drbdsetup-84")) {
                        continue;
                    }
                    int pid = pids.get(i);
                    kernel.expect(block.stream().filter(m -> !m.nlctrl() && !m.multicast() && m.pid() == pid)
                            .toList());
                    ByteArrayOutputStream err = new ByteArrayOutputStream();
                    int rc = s.run(argv.subList(1, argv.size()), new PrintStream(new ByteArrayOutputStream()),
                            new PrintStream(err, true, StandardCharsets.UTF_8));
                    if (rc == 0 && err.size() == 0 && kernel.unsentRequests() == 0) {
                        passed++;
                    } else {
                        failures.add(steps.get(i) + ": rc " + rc + " " + err);
                    }
                }
            }
        }
        for (Map.Entry<Integer, List<String>> e : DRBDADM_STEPS.entrySet()) {
            CmdLog.Cmd c = log.cmds().stream().filter(x -> x.n() == e.getKey()).findFirst().orElseThrow();
            List<Capture.Msg> block = cap.block(c.n());
            List<Integer> pids = block.stream().filter(m -> m.nlctrl() && m.request()).map(Capture.Msg::pid)
                    .distinct().toList();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String problem = null;
            try (SetupSession s = SetupSession.open(new FakeHost(kernel))) {
                for (int i = 0; i < e.getValue().size() && problem == null; i++) {
                    int pid = pids.get(i);
                    kernel.expect(block.stream().filter(m -> !m.nlctrl() && !m.multicast() && m.pid() == pid)
                            .toList());
                    ByteArrayOutputStream err = new ByteArrayOutputStream();
                    int rc = s.run(List.of(e.getValue().get(i).split(" ")), new PrintStream(out, true,
                            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
                    if (rc != 0 || err.size() != 0 || kernel.unsentRequests() != 0) {
                        problem = e.getValue().get(i) + ": rc " + rc + " " + err;
                    }
                }
            }
            String want = c.stdout().isEmpty() ? "" : String.join("\n", c.stdout()) + "\n";
            if (problem == null && !want.equals(out.toString(StandardCharsets.UTF_8))) {
                problem = c.line() + ": stdout\n--- want\n" + want + "--- got\n" + out;
            }
            if (problem == null) {
                passed++;
            } else {
                failures.add(problem);
            }
        }
        System.out.printf("replay drbdadm84 (drbdadm's drbdsetup steps): %d passed, %d failed%n", passed,
                failures.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * "events all" as the background process ran it: the initial dump, then every notification
     * of the scenario (one copy each); the output until the capture runs dry must equal the log.
     */
    @ParameterizedTest
    @ValueSource(strings = {"lifecycle84", "drbdadm84", "lifecycle84-k72"})
    void eventsCommandReplays(String scenario) throws Exception {
        Path d = dir(scenario);
        Capture cap = Capture.read(d.resolve(scenario + ".decoded.txt"));
        List<Capture.Msg> exchange = new ArrayList<>();
        Integer bgPid = null;
        boolean started = false;
        Set<String> seen = new HashSet<>();
        for (Capture.Entry e : cap.entries()) {
            if (e instanceof Capture.Mark m) {
                started |= m.text().startsWith("BG-START");
            } else if (started && e instanceof Capture.Msg m) {
                if (m.nlctrl()) {
                    bgPid = bgPid == null && m.request() ? Integer.valueOf(m.pid()) : bgPid;
                } else if (m.multicast() ? seen.add(HexFormat.of().formatHex(m.bytes()))
                        : bgPid != null && m.pid() == bgPid) {
                    exchange.add(m);
                }
            }
        }
        FakeKernel kernel = new FakeKernel(cap.familyId(), cap.eventsGroup());
        kernel.expect(exchange);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SetupSession s = SetupSession.open(new FakeHost(kernel))) {
            s.run(List.of("events", "all"), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream()));
        } catch (AssertionError end) {
            // the capture ran dry: the background process was stopped here
        }
        assertEquals(Files.readString(d.resolve(scenario + ".events.bg.stdout.txt")),
                out.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lifecycle84", "drbdadm84", "lifecycle84-k72"})
    void eventsMatchTheBackgroundLog(String scenario) throws Exception {
        Path d = dir(scenario);
        Capture cap = Capture.read(d.resolve(scenario + ".decoded.txt"));
        Integer bgPid = null;
        boolean started = false;
        Set<String> seen = new HashSet<>();
        StringBuilder got = new StringBuilder();
        for (Capture.Entry e : cap.entries()) {
            if (e instanceof Capture.Mark m) {
                started |= m.text().startsWith("BG-START");
                continue;
            }
            Capture.Msg m = (Capture.Msg) e;
            if (!started) {
                continue;
            }
            if (m.nlctrl()) {
                if (bgPid == null && m.request()) {
                    bgPid = m.pid();
                }
                continue;
            }
            boolean mine = m.multicast() || !m.request() && bgPid != null && m.pid() == bgPid;
            if (!mine || !seen.add(HexFormat.of().formatHex(m.bytes()))) {
                continue;
            }
            NlMessage nl = NlMessage.split(m.bytes()).get(0);
            if (nl.type() < 16) {
                continue;
            }
            KernelReply r = KernelReply.of(GenlMessage.decode(nl, DrbdFamily.HDRSIZE));
            got.append(EventsFormatter.format(DeviceSnapshot.of(r), true));
        }
        String want = Files.readString(d.resolve(scenario + ".events.bg.stdout.txt"));
        assertEquals(want, got.toString());
    }
}
