package io.drbdctl.meta;

import io.drbdctl.meta.api.Confirmer;
import io.drbdctl.meta.api.CreateOptions;
import io.drbdctl.meta.api.DrbdMeta;
import io.drbdctl.meta.api.MetaContext;
import io.drbdctl.meta.api.Target;
import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.MetaIndex;
import io.drbdctl.meta.format.Superblock;
import io.drbdctl.meta.io.LockFile;
import io.drbdctl.meta.support.Scratch;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-process Java API that drbdadm uses (no reference needed). */
class ApiTest {

    private static MetaContext ctx(Path dir, boolean force, Confirmer c, ByteArrayOutputStream out,
                                   ByteArrayOutputStream err) {
        return new MetaContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), force, false, 0, c, dir.resolve("lock"),
                dir.resolve("lib"));
    }

    @Test
    void createReadModifyThroughApi() throws Exception {
        try (Scratch s = new Scratch("api")) {
            Path dev = s.sparse("dev.img", 128L << 20);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            DrbdMeta api = new DrbdMeta(ctx(s.dir(), true, Confirmer.noTty(), out, err));
            Target t = new Target(5, FormatVersion.V09, dev, new MetaIndex.Internal());
            api.createMd(t, CreateOptions.defaults(2));
            assertTrue(Files.exists(LockFile.pathFor(s.dir().resolve("lock"), 5)), "lock file drbd-147-5");
            Superblock sb = api.readSuperblock(t).orElseThrow();
            assertEquals(2, sb.maxPeers());
            assertEquals(Superblock.UUID_JUST_CREATED, sb.currentUuid());
            assertEquals("Inconsistent", api.dstate(t));
            api.setGi(t, 1, "ABCDEF0123456780::::1:1");
            assertEquals("Consistent", api.dstate(t));
            api.outdate(t);
            assertEquals("Outdated", api.dstate(t));
            MetaException e = assertThrows(MetaException.class, () -> {
                api.invalidate(t);
                api.outdate(t);
            });
            assertEquals(5, e.exitCode());
            assertEquals("Device is inconsistent.", e.getMessage());
        }
    }
}
