package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The project's drbdsetup in the drbd2 dialect (the DRBD 9 command set) against the project's
 * drbd.ko in a 6.1 guest (lab/d2/drbdsetup9-guest.sh): v09 meta data made by the project's
 * drbdmeta, new-resource, new-minor on a loop device, attach, primary (refused without
 * up-to-date data, then --force), status, secondary, new-peer / new-path / connect, status and
 * show, peer-device-options and show, the option table's options through new-resource, attach,
 * new-peer and the *-options commands (resource-options, disk-options, net-options with and
 * without --set-defaults) read back with show and show --show-defaults, disconnect, down; one
 * failure per class (kernel refusal of an unknown resource and of an out-of-range node id: exit
 * 10; refused promotion: 17; a value out of its range and an unknown option: usage errors, exit
 * 20, before the kernel is asked); the legacy family through --family=drbd in the same boot. Uses the launchers of
 * dist/target/drbdctl/bin (packaged before lab in the reactor).
 */
@Tag("lab")
class DrbdSetup9GuestTest {

    /** One logged command: its line, standard output, standard error and exit code. */
    record Block(String command, String out, String err, int rc) {
    }

    static List<Block> parse(String log) {
        List<Block> l = new ArrayList<>();
        String[] lines = log.split("\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].startsWith("=== ")) {
            String cmd = lines[i++].substring(4);
            StringBuilder out = new StringBuilder();
            while (!lines[i].equals("--- err")) {
                out.append(lines[i++]).append('\n');
            }
            i++;
            StringBuilder err = new StringBuilder();
            while (!lines[i].startsWith("--- rc ")) {
                err.append(lines[i++]).append('\n');
            }
            int rc = Integer.parseInt(lines[i++].substring(7));
            l.add(new Block(cmd, out.toString(), err.toString(), rc));
        }
        return l;
    }

    @Test
    @Timeout(1500)
    void drbd9DialectOverDrbd2On61() throws Exception {
        Lab lab = LabSupport.lab("6.1").withTimeout(Duration.ofMinutes(20));
        Path repo = lab.home().getParent();
        Path drbdsetup = repo.resolve("dist/target/drbdctl/bin/drbdsetup");
        assertTrue(Files.isExecutable(drbdsetup), drbdsetup + " missing: package dist first");
        Path ko = build(lab);
        long t0 = System.nanoTime();
        LabResult r = lab.run(GuestSpec.ofFile("6.1", repo.resolve("lab/d2/drbdsetup9-guest.sh"))
                .withModules("loop")
                .withEnv("DRBD_REPO", repo.toString())
                .withEnv("DRBD_KO", ko.toString()));
        System.out.printf("lab: drbdsetup 9 dialect on 6.1 took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        r.assertSuccess();
        String log = r.result(0, "cmdlog.txt");
        String loop = r.result(0, "loop").strip();
        List<Block> b = parse(log);
        assertEquals(34, b.size(), log);
        int i = 0;
        ok(b.get(i++), "", log);                                   // drbdmeta create-md
        ok(b.get(i++), "", log);                                   // new-resource r0 1
        ok(b.get(i++), "", log);                                   // new-minor r0 0 0
        ok(b.get(i++), "", log);                                   // attach
        ok(b.get(i++), "r0 role:Secondary\n  disk:Inconsistent\n\n", log);
        fails(b.get(i++), 17, "primary r0: No data available (ENODATA)", log);
        ok(b.get(i++), "", log);                                   // primary --force
        ok(b.get(i++), "r0 role:Primary\n  disk:UpToDate\n\n", log);
        ok(b.get(i++), "", log);                                   // secondary
        ok(b.get(i++), "", log);                                   // new-peer
        ok(b.get(i++), "", log);                                   // new-path
        ok(b.get(i++), "", log);                                   // connect
        ok(b.get(i++), "r0 role:Secondary\n  disk:UpToDate\n  peer connection:Connecting\n\n", log);
        ok(b.get(i++), "resource \"r0\" {\n"
                + "    options {\n"
                + "        auto-promote    \tno;\n"
                + "    }\n"
                + "    _this_host {\n"
                + "        node-id\t\t\t1;\n"
                + "        volume 0 {\n"
                + "            device\t\t\tminor 0;\n"
                + "            disk\t\t\t\"" + loop + "\";\n"
                + "            meta-disk\t\t\tinternal;\n"
                + "            disk {\n"
                + "                al-extents      \t1000;\n"
                + "            }\n"
                + "        }\n"
                + "    }\n"
                + "    connection {\n"
                + "        _peer_node_id 2;\n"
                + "        path {\n"
                + "            _this_host ipv4 192.0.2.1:7789;\n"
                + "            _remote_host ipv4 192.0.2.2:7789;\n"
                + "        }\n"
                + "        net {\n"
                + "            ko-count        \t3;\n"
                + "            _name           \t\"peer\";\n"
                + "        }\n"
                + "    }\n"
                + "}\n\n", log);
        usage(b.get(i++), "drbdsetup peer-device-options: Option --resync-rate: invalid argument '0': too small "
                + "(1 ... 8388608)\n", log);
        ok(b.get(i++), "", log);                                   // resync-rate 1000
        String show = b.get(i++).out();
        assertTrue(show.endsWith("        net {\n"
                + "            ko-count        \t3;\n"
                + "            _name           \t\"peer\";\n"
                + "        }\n"
                + "        volume 0 {\n"
                + "            disk {\n"
                + "                resync-rate     \t1000k; # bytes/second\n"
                + "            }\n"
                + "        }\n"
                + "    }\n"
                + "}\n\n"), "show with a peer-device option\n" + log);
        ok(b.get(i++), "", log);                                   // resource-options
        ok(b.get(i++), "", log);                                   // disk-options
        ok(b.get(i++), "", log);                                   // net-options
        String set = b.get(i++).out();
        assertTrue(set.startsWith("resource \"r0\" {\n"
                + "    options {\n"
                + "        auto-promote    \tno;\n"
                + "        twopc-timeout   \t100; # 1/10 seconds\n"
                + "        quorum          \tmajority;\n"
                + "    }\n"), "resource options kept and changed\n" + log);
        assertTrue(set.contains("            disk {\n"
                + "                al-extents      \t3000;\n"
                + "                read-balancing  \t32K-striping;\n"
                + "            }\n"), "disk options\n" + log);
        assertTrue(set.contains("        net {\n"
                + "            timeout         \t90; # 1/10 seconds\n"
                + "            max-buffers     \t8000;\n"
                + "            ko-count        \t3;\n"
                + "            _name           \t\"peer\";\n"
                + "        }\n"), "net options: protocol c is the default C\n" + log);
        String all = b.get(i++).out();
        for (String line : List.of("        on-no-data-accessible\tio-error; # default\n",
                "        peer-ack-window \t4096s; # bytes, default\n",
                "        quorum-minimum-redundancy\toff; # default\n",
                "                size            \t0s; # bytes, default\n",
                "                resync-after    \t-1; # default\n",
                "                al-extents      \t3000;\n",
                "            protocol        \tC; # default\n",
                "            ping-int        \t10; # seconds, default\n",
                "            max-buffers     \t8000;\n",
                "            allow-remote-read\tyes; # default\n",
                "                c-plan-ahead    \t20; # 1/10 seconds, default\n",
                "                bitmap          \tyes; # default\n")) {
            assertTrue(all.contains(line), "show --show-defaults: " + line + log);
        }
        ok(b.get(i++), "", log);                                   // net-options --set-defaults
        assertTrue(b.get(i++).out().contains("        net {\n"
                + "            ping-int        \t20; # seconds\n"
                + "            _name           \t\"peer\";\n"
                + "        }\n"), "--set-defaults: the others back to their defaults\n" + log);
        usage(b.get(i++), "drbdsetup resource-options: Option --twopc-timeout: invalid argument '601': too big "
                + "(50 ... 600)\n", log);
        usage(b.get(i++), "drbdsetup disk-options: unrecognized option '--bogus'\n", log);
        Block unknown = b.get(i++);
        assertEquals(10, unknown.rc(), log);
        assertEquals("r9: No such resource\n", unknown.err(), log);
        fails(b.get(i++), 10, "primary r9: ", log);
        fails(b.get(i++), 10, "new-resource r1 99: ", log);
        Block legacy = b.get(i++);
        assertEquals(0, legacy.rc(), log);
        assertTrue(legacy.out().startsWith("Secondary/"), "the 8.4 dialect's role\n" + log);
        ok(b.get(i++), "", log);                                   // disconnect
        ok(b.get(i++), "r0 role:Secondary\n  disk:UpToDate\n  peer connection:StandAlone\n\n", log);
        ok(b.get(i++), "", log);                                   // down
        ok(b.get(i++), "# No currently configured DRBD found.\n", log);
    }

    private static void ok(Block b, String out, String log) {
        assertEquals(0, b.rc(), b.command() + "\n" + log);
        if (!b.command().startsWith("drbdmeta")) {
            assertEquals("", b.err(), b.command() + "\n" + log);
            assertEquals(out, b.out(), b.command() + "\n" + log);
        }
    }

    /** A usage error found before the kernel is asked: exit 20, the complaint, the usage on stdout. */
    private static void usage(Block b, String err, String log) {
        assertEquals(20, b.rc(), b.command() + "\n" + log);
        assertEquals(err, b.err(), b.command() + "\n" + log);
        assertTrue(b.out().startsWith("USAGE: "), b.command() + "\n" + log);
    }

    /** A kernel refusal: one line on stderr beginning with {@code start}, nothing on stdout. */
    private static void fails(Block b, int rc, String start, String log) {
        assertEquals(rc, b.rc(), b.command() + "\n" + log);
        assertEquals("", b.out(), b.command() + "\n" + log);
        assertTrue(b.err().startsWith(start), b.command() + "\n" + log);
        assertEquals(1, b.err().lines().count(), "one line: " + b.command() + "\n" + log);
        assertFalse(b.err().isBlank(), log);
    }

    private static Path build(Lab lab) throws Exception {
        return KmodBuild.of(lab, "6.1").ko();
    }
}
