package io.drbdctl.meta;

import io.drbdctl.meta.kernel.ProcSysProbe;
import io.drbdctl.meta.support.Ours;
import io.drbdctl.meta.support.Reference;
import io.drbdctl.meta.support.RunResult;
import io.drbdctl.meta.support.Scratch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The "is the minor configured" check. The reference runs {@code drbdsetup <minor> dstate}; it gets
 * a fake drbdsetup on PATH. We read /proc/drbd (and sysfs); we get a fake /proc tree in the
 * DRBD 8.4 format saying the same. Every command, for an attached, a diskless and an unknown minor.
 */
class ConfiguredMinorDifferentialTest {
    private static final int MINOR = 213;
    private Scratch scratch;
    private Path fakeBin;
    private Path fakeProc;
    private Path dev;
    private Path dump;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Reference.available(), Reference.SKIP_REASON);
        scratch = new Scratch("configured");
        fakeBin = Files.createDirectories(scratch.dir().resolve("bin"));
        fakeProc = Files.createDirectories(scratch.dir().resolve("proc"));
        dev = scratch.sparse("dev.img", 64L << 20);
        assertEquals(0, Reference.run("--force", Integer.toString(MINOR), "v09", dev.toString(), "internal",
                "create-md", "2").rc());
        dump = scratch.dir().resolve("dump.txt");
        Files.writeString(dump, Reference.run("--force", Integer.toString(MINOR), "v09", dev.toString(), "internal",
                "dump-md").out());
    }

    @AfterEach
    void tearDown() {
        if (scratch != null) {
            scratch.close();
        }
        Reference.cleanup(MINOR);
    }

    /** Kernel state: what fake drbdsetup prints and exits with, and the /proc/drbd line for the minor. */
    enum Kernel {
        ATTACHED("echo UpToDate/DUnknown; exit 0", " ro:Secondary/Unknown ds:UpToDate/DUnknown r-----"),
        DISKLESS("echo Diskless/DUnknown; exit 0", " ro:Secondary/Unknown ds:Diskless/DUnknown r-----"),
        NO_MINOR("exit 10", null);

        final String script;
        final String procLine;

        Kernel(String script, String procLine) {
            this.script = script;
            this.procLine = procLine;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> l = new ArrayList<>();
        String[] cmds = {"get-gi --node-id 0", "show-gi --node-id 1", "dstate", "read-dev-uuid", "dump-md",
            "verify-dump DUMP", "outdate", "invalidate", "apply-al", "wipe-md", "check-resize", "create-md 2",
            "forget-peer --node-id 1", "set-gi --node-id 0 ::::", "write-dev-uuid 1", "restore-md DUMP"};
        for (Kernel k : Kernel.values()) {
            for (String c : cmds) {
                l.add(Arguments.of(k, "MINOR v09 DEV internal " + c));
            }
        }
        l.add(Arguments.of(Kernel.ATTACHED, "MINOR v09 DEV 0 dstate"));
        l.add(Arguments.of(Kernel.ATTACHED, "MINOR v09 /nonexistent internal outdate"));
        l.add(Arguments.of(Kernel.ATTACHED, "MINOR v09 /nonexistent internal dstate"));
        l.add(Arguments.of(Kernel.ATTACHED, "/dev/drbdMINOR v09 DEV internal outdate"));
        return l.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void sameAsReference(Kernel k, String spec) throws IOException {
        Path script = fakeBin.resolve("drbdsetup");
        Files.writeString(script, "#!/bin/sh\n" + k.script + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(fakeProc.resolve("drbd"), "version: 8.4.11 (api:1/proto:86-101)\nsrcversion: X\n\n"
                + (k.procLine == null ? "" : " " + MINOR + ": cs:StandAlone" + k.procLine + "\n"
                + "    ns:0 nr:0 dw:0 dr:0 al:0 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0\n"));
        Ours ours = new Ours(scratch.dir().resolve("state"), new ProcSysProbe(fakeProc, scratch.dir().resolve("sys")));
        // both work on copies of the same device, so that writes do not interfere
        Path refDev = copy("ref.img");
        Path ourDev = copy("our.img");
        RunResult r = Reference.runWithPath(fakeBin, args(spec, refDev)).normalized(refDev.toString());
        RunResult o = ours.run(args(spec, ourDev)).normalized(ourDev.toString());
        assertEquals(r.rc(), o.rc(), spec);
        assertEquals(r.err(), o.err(), spec);
        if (!spec.contains("dump-md")) {
            assertEquals(r.out(), o.out(), spec);
        }
        assertEquals(Scratch.fingerprint(refDev), Scratch.fingerprint(ourDev), "device bytes after " + spec);
    }

    private Path copy(String name) throws IOException {
        Path p = scratch.dir().resolve(name);
        Files.deleteIfExists(p);
        Process cp = new ProcessBuilder("cp", "--sparse=always", dev.toString(), p.toString()).inheritIO().start();
        try {
            assertEquals(0, cp.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return p;
    }

    private String[] args(String spec, Path device) {
        List<String> a = new ArrayList<>();
        a.add("--force");
        for (String w : spec.split(" ")) {
            a.add(switch (w) {
                case "MINOR" -> Integer.toString(MINOR);
                case "/dev/drbdMINOR" -> "/dev/drbd" + MINOR;
                case "DEV" -> device.toString();
                case "DUMP" -> dump.toString();
                default -> w;
            });
        }
        return a.toArray(String[]::new);
    }
}
