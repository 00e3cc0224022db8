package io.drbdctl.meta;

import io.drbdctl.meta.al.AlTransaction;
import io.drbdctl.meta.al.RawCrc32c;
import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.Layout;
import io.drbdctl.meta.format.MetaIndex;
import io.drbdctl.meta.format.Sizes;
import io.drbdctl.meta.format.Superblock;
import io.drbdctl.meta.format.SuperblockCodec;
import io.drbdctl.meta.support.Ours;
import io.drbdctl.meta.support.RunResult;
import io.drbdctl.meta.support.Scratch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure format arithmetic against the verified values of the reference document. */
class FormatUnitTest {

    @ParameterizedTest(name = "{0} bytes, {1} peers, {2}x{3}")
    @CsvSource({
        "268435456, 1, 1, 8, 88, 268431360, 268398592, 268390400, -80",
        "268435456, 3, 1, 8, 120, 268431360, 268398592, 268374016, -112",
        "268436992, 1, 1, 8, 96, 268431360, 268398592, 268386304, -88",
        "10737418240, 3, 1, 8, 1992, 10737414144, 10737381376, 10736398336, -1984",
        "268435456, 2, 2, 16, 296, 268431360, 268300288, 268283904, -288"})
    void internalLayout(long size, int peers, int stripes, int size4k, long mdSize, long mdOff, long alAbs,
                        long bmAbs, int bmOff) {
        Layout l = Layout.compute(new MetaIndex.Internal(), size, peers, stripes, size4k, 4096);
        assertEquals(mdSize, l.mdSizeSect());
        assertEquals(mdOff, l.mdOffset());
        assertEquals(alAbs, l.alAbs());
        assertEquals(bmAbs, l.bmAbs());
        assertEquals(bmOff, l.bmOffset());
    }

    @Test
    void externalLayouts() {
        Layout ix = Layout.compute(new MetaIndex.Indexed(1), 314572800, 1, 1, 8, 4096);
        assertEquals(134217728, ix.mdOffset());
        assertEquals(262144, ix.mdSizeSect());
        assertEquals(8, ix.alOffset());
        assertEquals(72, ix.bmOffset());
        Layout flex = Layout.compute(new MetaIndex.FlexExternal(), 16777216, 3, 1, 8, 4096);
        assertEquals(0, flex.mdOffset());
        assertEquals(32768, flex.mdSizeSect());
        assertEquals(36864, flex.bmAbs());
        assertEquals(8587575296L / 8 * 8, Layout.compute(new MetaIndex.Indexed(0), 1L << 40, 1, 1, 8, 4096)
                .maxUsableSectors() / 8 * 8 + 0 * 1, "indexed 1-peer capacity is about 4 TiB");
    }

    @Test
    void activityLogCrcIsRawCrc32c() {
        byte[] b = AlTransaction.initializedBlock();
        assertEquals(0x709CC651, ByteBuffer.wrap(b).getInt(8));
        byte[] zeroCrc = b.clone();
        ByteBuffer.wrap(zeroCrc).putInt(8, 0);
        assertEquals(0x709CC651, RawCrc32c.of(zeroCrc));
        CRC32C std = new CRC32C();
        std.update(zeroCrc);
        assertEquals(0xE86587D8L, std.getValue(), "java.util.zip.CRC32C is a different function");
        assertNotEquals(std.getValue(), Integer.toUnsignedLong(RawCrc32c.of(zeroCrc)));
    }

    @Test
    void rawCrc32cEqualsABitwiseCrcWithZeroStart() {
        java.util.Random rnd = new java.util.Random(7);
        for (int len : new int[] {0, 1, 5, 4095, 4096, 4097, 10000}) {
            byte[] d = new byte[len];
            rnd.nextBytes(d);
            int c = 0;
            for (byte x : d) {
                c ^= x & 0xFF;
                for (int k = 0; k < 8; k++) {
                    c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
                }
            }
            assertEquals(c, RawCrc32c.of(d), "length " + len);
        }
    }

    @Test
    void alStripingMapsTransactionsToBlocks() {
        assertEquals(18, AlTransaction.blockFor(5, 2, 16));
        assertEquals(3, AlTransaction.blockFor(6, 2, 16));
        assertEquals(7, AlTransaction.blockFor(7, 1, 8));
        assertEquals(0, AlTransaction.blockFor(8, 1, 8));
    }

    @Test
    void alTransactionRoundTrip() {
        AlTransaction t = new AlTransaction(6, 0, List.of(1), List.of(10), 257, 0, List.of(3));
        AlTransaction d = AlTransaction.decode(t.encode()).orElseThrow();
        assertEquals(t.trNumber(), d.trNumber());
        assertEquals(List.of(10), d.updateExtents());
        assertEquals(3, d.context().get(0));
        byte[] broken = t.encode();
        broken[100] ^= 1;
        assertTrue(AlTransaction.decode(broken).isEmpty());
    }

    @Test
    void superblockRoundTrip() {
        Layout l = Layout.compute(new MetaIndex.Internal(), 1L << 30, 3, 1, 8, 4096);
        for (FormatVersion v : new FormatVersion[] {FormatVersion.V08, FormatVersion.V09}) {
            Superblock sb = Superblock.fresh(v, l.withPeersFor(v), 4096).toBuilder().currentUuid(0x1234)
                    .deviceUuid(0x77).laSizeSect(1000).build();
            byte[] enc = SuperblockCodec.encode(sb);
            assertEquals(sb, SuperblockCodec.decode(enc, v).orElseThrow());
        }
    }

    @Test
    void ppsize() {
        assertEquals("8 KB", Sizes.ppsize(8));
        assertEquals("960 KB", Sizes.ppsize(960));
        assertEquals("16 MB", Sizes.ppsize(16384));
        assertEquals("256 MB", Sizes.ppsize(524168 / 2));
        assertEquals("3584 MB", Sizes.ppsize(3584L * 1024));
    }

    @Test
    void helpPrintsUsage() {
        try (Scratch s = new Scratch("help")) {
            RunResult r = new Ours(s.dir()).run("--help");
            assertTrue(r.out().contains("USAGE: drbdmeta"));
            assertEquals(20, r.rc());
        }
    }
}
