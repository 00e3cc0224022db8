package io.drbdctl.meta;

import io.drbdctl.meta.support.Hexdump;
import io.drbdctl.meta.support.Pair;
import io.drbdctl.meta.support.Workspace;
import io.drbdctl.meta.support.RunResult;
import io.drbdctl.meta.support.Scratch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * get-gi, show-gi, dstate, set-gi, outdate, invalidate, read/write-dev-uuid, forget-peer,
 * apply-al, check-resize, wipe-md, create-md conversions: the same command sequence on the
 * reference and on us gives identical output, exit status and metadata bytes after every step.
 */
class StateCommandsDifferentialTest {
    private static final long MIB = 1L << 20;
    @RegisterExtension
    final Workspace ws = new Workspace("state", 214);

    private void sequence(Pair p, String base, long start, long len, String... cmds) {
        for (String c : cmds) {
            RunResult r = p.ref(base + c);
            RunResult o = p.our(base + c);
            if (c.equals("dump-md")) {
                assertEquals(r.rc(), o.rc(), c);
                assertEquals(r.err(), o.err(), c);
                assertEquals(r.dumpBody(), o.dumpBody(), c);
            } else {
                assertEquals(r, o, c);
            }
            assertEquals("", Scratch.firstDiff(p.ref, p.our, start, len), "bytes after " + c);
        }
    }

    @Test
    void v09InternalStateCommands() throws Exception {
        Pair p = ws.pair(256 * MIB);
        String base = "MINOR v09 DEV internal ";
        Path input = ws.dir().resolve("in.txt");
        Files.writeString(input, Hexdump.resource("v09-internal-256M-p3-restored.restore-input.txt"));
        sequence(p, base, 255 * MIB, MIB, "create-md 3", "restore-md " + input,
                "get-gi --node-id 1", "show-gi --node-id 1", "get-gi --node-id 2", "show-gi --node-id 0",
                "get-gi", "dstate", "read-dev-uuid",
                "set-gi --node-id 1 ABCDEF0123456780::::1:1:0:0:1:0:0:1:1:0:0:1", "get-gi --node-id 1",
                "set-gi --node-id 2 :::1111111111111110:::0:1", "get-gi --node-id 2", "outdate", "dstate",
                "get-gi --node-id 1", "invalidate", "get-gi --node-id 2", "outdate", "dstate",
                "write-dev-uuid 0123456789ABCDEF", "read-dev-uuid", "forget-peer --node-id 2",
                "get-gi --node-id 2", "forget-peer --node-id 1", "dump-md", "apply-al", "check-resize",
                "set-gi --node-id 1 ::::1:1:1:0:0", "dump-md", "apply-al", "dump-md",
                "get-gi --node-id 40", "get-gi --node-id x", "forget-peer", "get-gi", "show-gi",
                "wipe-md", "wipe-md", "dump-md", "get-gi --node-id 0", "show-gi --node-id 0", "dstate",
                "read-dev-uuid", "apply-al", "outdate", "check-resize");
    }

    @Test
    void v08InternalStateCommands() {
        Pair p = ws.pair(256 * MIB);
        String base = "MINOR v08 DEV internal ";
        sequence(p, base, 255 * MIB, MIB, "create-md", "get-gi", "show-gi", "dstate", "read-dev-uuid",
                "outdate", "set-gi ABCDEF0123456780:1234123412341230:::1:1:0:1:0:1:0", "get-gi", "show-gi",
                "dstate", "outdate", "dstate", "show-gi", "invalidate", "get-gi", "get-gi --node-id 3",
                "get-gi --node-id 0", "forget-peer", "get-gi", "write-dev-uuid FEDCBA9876543210", "read-dev-uuid",
                "set-gi ::::1:1:1:1:1:1:1", "show-gi", "dump-md", "apply-al", "show-gi", "dump-md",
                "check-resize", "wipe-md", "dump-md", "get-gi");
    }

    @Test
    void v09ExternalStateCommands() {
        Pair p = ws.pair(300 * MIB);
        String base = "MINOR v09 DEV 1 ";
        sequence(p, base, 128 * MIB, 2 * MIB, "create-md 2", "get-gi --node-id 1", "show-gi --node-id 1",
                "set-gi --node-id 1 1111111111111110:2222222222222220:3333333333333330::1:1:0:0:1:0:0:1:0:0:0:1",
                "dstate", "outdate", "invalidate", "show-gi --node-id 1", "dump-md", "apply-al",
                "forget-peer --node-id 1", "dump-md", "check-resize", "wipe-md", "get-gi --node-id 0");
    }

    @Test
    void checkResizeAfterGrowing() throws Exception {
        Pair p = ws.pair(256 * MIB);
        String base = "MINOR v09 DEV internal ";
        sequence(p, base, 255 * MIB, MIB, "create-md 3",
                "set-gi --node-id 1 1234567890ABCDE0:2222222222222220:1111111111111110::1:1:0:0:1:0:0:1:0:0:0:1",
                "write-dev-uuid 00000000DEADBEEF");
        for (Path f : new Path[] {p.ref, p.our}) {
            try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
                raf.setLength(300 * MIB);
            }
        }
        // metadata is now found only via the last-known-device file
        sequence(p, base, 255 * MIB, 45 * MIB, "dump-md", "get-gi --node-id 1", "check-resize",
                "get-gi --node-id 1", "dump-md", "check-resize", "read-dev-uuid");
    }

    @Test
    void v08With84UncleanMagic() {
        Pair p = ws.pair(256 * MIB);
        String base = "MINOR v08 DEV internal ";
        sequence(p, base, 255 * MIB, MIB, "create-md", "set-gi ::::1:1:1:0:0:0:0");
        byte[] magic = java.nio.ByteBuffer.allocate(4).putInt(0x8374026C).array();
        Scratch.write(p.ref, 256 * MIB - 4096 + 0x3C, magic);
        Scratch.write(p.our, 256 * MIB - 4096 + 0x3C, magic);
        sequence(p, base, 255 * MIB, MIB, "dump-md", "show-gi", "get-gi", "dstate", "apply-al", "show-gi",
                "dump-md", "create-md");
    }

    @Test
    void conversionsBetweenV08AndV09() {
        Pair p = ws.pair(256 * MIB);
        String v8 = "MINOR v08 DEV internal ";
        String v9 = "MINOR v09 DEV internal ";
        sequence(p, v9, 255 * MIB, MIB, "create-md 1", "set-gi --node-id 0 "
                + "1234567890ABCDE0:2222222222222220:3333333333333330:4444444444444440:1:1:1:0:1:0:0:1:1:0:1:1");
        sequence(p, v8, 255 * MIB, MIB, "create-md", "get-gi", "dump-md", "set-gi ::::1:1:0:1:1:1:0", "get-gi");
        sequence(p, v9, 255 * MIB, MIB, "create-md 3", "get-gi --node-id 0", "dump-md", "create-md 1",
                "dump-md");
        sequence(p, v8, 255 * MIB, MIB, "create-md --peer-max-bio-size 4096", "dump-md");
        sequence(p, v8, 255 * MIB, MIB, "create-md --al-stripes 2", "dump-md", "create-md", "get-gi");
    }
}
