package io.drbdctl.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NlAttrCodecTest {

    @Test
    void everyAttributeIsPaddedToFourBytes() {
        assertEquals(8, new NlAttrBuilder().u8(1, 7).size());
        assertEquals(8, new NlAttrBuilder().u16(1, 7).size());
        assertEquals(8, new NlAttrBuilder().u32(1, 7).size());
        assertEquals(12, new NlAttrBuilder().u64(1, 7).size());
        assertEquals(4, new NlAttrBuilder().flag(1).size());
        assertEquals(8, new NlAttrBuilder().string(1, "abc").size()); // 4 + "abc\0"
        assertEquals(12, new NlAttrBuilder().string(1, "abcd").size()); // 4 + 5 -> 12
        assertEquals(12, new NlAttrBuilder().binary(1, new byte[5]).size());
        byte[] wire = new NlAttrBuilder().u8(1, 0xab).u16(2, 0x1234).build();
        // nla_len counts the header and payload but not the padding; padding is zero
        assertEquals(16, wire.length);
        assertEquals(5, ByteBuffer.wrap(wire).order(ByteOrder.nativeOrder()).getShort(0));
        assertArrayEquals(new byte[] {0, 0, 0}, java.util.Arrays.copyOfRange(wire, 5, 8));
        NlAttrs back = NlAttrs.decode(wire);
        assertEquals(0xab, back.require(1).asU8());
        assertEquals(0x1234, back.require(2).asU16());
    }

    @Test
    void integersRoundTrip() {
        NlAttrs a = new NlAttrBuilder().u8(1, 255).u16(2, 65535).u32(3, 0xffffffffL)
                .u64(4, -1L).s8(5, -128).s16(6, -32768).s32(7, Integer.MIN_VALUE)
                .s64(8, Long.MIN_VALUE).toAttrs();
        assertEquals(255, a.require(1).asU8());
        assertEquals(65535, a.require(2).asU16());
        assertEquals(0xffffffffL, a.require(3).asU32());
        assertEquals("18446744073709551615", Long.toUnsignedString(a.require(4).asU64()));
        assertEquals(-128, a.require(5).asS8());
        assertEquals(-32768, a.require(6).asS16());
        assertEquals(Integer.MIN_VALUE, a.require(7).asS32());
        assertEquals(Long.MIN_VALUE, a.require(8).asS64());
    }

    @Test
    void outOfRangeValuesAreRejectedWhenBuilding() {
        assertThrows(IllegalArgumentException.class, () -> new NlAttrBuilder().u8(1, 256));
        assertThrows(IllegalArgumentException.class, () -> new NlAttrBuilder().u16(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new NlAttrBuilder().u32(1, 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new NlAttrBuilder().s8(1, 128));
        assertThrows(IllegalArgumentException.class, () -> new NlAttrBuilder().u8(0x10000, 1));
    }

    @Test
    void netByteOrderFlagMeansBigEndian() {
        NlAttr a = new NlAttr(3 | Netlink.NLA_F_NET_BYTEORDER, new byte[] {0x12, 0x34});
        assertEquals(3, a.type());
        assertTrue(a.netByteOrderFlag());
        assertEquals(0x1234, a.asU16());
    }

    @Test
    void stringsWithAndWithoutNul() {
        NlAttrs a = new NlAttrBuilder().string(1, "drbd").stringUnterminated(2, "r0")
                .string(3, "").toAttrs();
        assertEquals(5, a.require(1).length());
        assertEquals("drbd", a.require(1).asString());
        assertEquals("drbd", a.require(1).asNulString());
        assertEquals(2, a.require(2).length());
        assertEquals("r0", a.require(2).asString());
        assertThrows(NetlinkProtocolException.class, () -> a.require(2).asNulString());
        assertEquals("", a.require(3).asString());
        assertEquals("ü", new NlAttrBuilder().string(4, "ü").toAttrs().require(4).asString());
    }

    @Test
    void flagAndBinary() {
        NlAttrs a = new NlAttrBuilder().flag(9).binary(10, new byte[] {1, 2, 3}).toAttrs();
        assertTrue(a.has(9));
        assertFalse(a.has(11));
        assertEquals(0, a.require(9).length());
        assertArrayEquals(new byte[] {1, 2, 3}, a.require(10).payload());
    }

    @Test
    void nestsCarryNestedFlagAndDecode() {
        byte[] wire = new NlAttrBuilder().u32(1, 5)
                .nest(2, n -> n.string(1, "x").nest(3, m -> m.u8(1, 9))).build();
        NlAttrs top = NlAttrs.decode(wire);
        NlAttr nest = top.require(2);
        assertEquals(2 | Netlink.NLA_F_NESTED, nest.rawType());
        assertEquals(2, nest.type());
        assertTrue(nest.nestedFlag());
        NlAttrs inner = nest.asNested();
        assertEquals("x", inner.require(1).asString());
        assertEquals(9, inner.require(3).asNested().require(1).asU8());
        assertArrayEquals(wire, top.toBytes());
    }

    @Test
    void rawTypeWithArbitraryFlagBitsIsPreserved() {
        int mandatory = 1 << 14; // DRBD 8.4 uses bit 14 as "mandatory"
        NlAttrs a = new NlAttrBuilder().u32(5 | mandatory, 7)
                .nestRaw(6 | mandatory, n -> n.u8(1, 1)).toAttrs();
        assertEquals(5 | mandatory, a.require(5).rawType());
        assertEquals(6 | mandatory, a.require(6).rawType());
        assertFalse(a.require(6).nestedFlag());
        assertEquals(1, a.require(6).asNested().require(1).asU8());
        assertEquals(List.of(a.require(5)), a.all(5));
    }

    @Test
    void duplicatesKeptInOrder() {
        NlAttrs a = new NlAttrBuilder().u8(1, 1).u8(2, 0).u8(1, 2).toAttrs();
        assertEquals(2, a.all(1).size());
        assertEquals(2, a.all(1).get(1).asU8());
        assertEquals(1, a.first(1).orElseThrow().asU8());
    }

    private static byte[] attr(int len, int type, int total) {
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
        b.putShort((short) len).putShort((short) type);
        return b.array();
    }

    @Test
    void malformedAttributesAreTypedProtocolErrors() {
        assertThrows(NetlinkProtocolException.class, () -> NlAttrs.decode(attr(3, 1, 8)));
        assertThrows(NetlinkProtocolException.class, () -> NlAttrs.decode(attr(0, 1, 8)));
        assertThrows(NetlinkProtocolException.class, () -> NlAttrs.decode(attr(12, 1, 8)));
        assertThrows(NetlinkProtocolException.class, () -> NlAttrs.decode(new byte[] {4, 0}));
        assertThrows(NetlinkProtocolException.class,
                () -> NlAttrs.decode(new byte[8], 6, 4));
        NlAttr u32 = new NlAttr(1, new byte[3]);
        assertThrows(NetlinkProtocolException.class, u32::asU32);
        assertThrows(NetlinkProtocolException.class, () -> NlAttrs.EMPTY.require(1));
        // a nest whose content is malformed fails when it is opened
        NlAttr badNest = new NlAttr(2 | Netlink.NLA_F_NESTED, attr(40, 1, 8));
        assertThrows(NetlinkProtocolException.class, badNest::asNested);
    }

    @Test
    void lastAttributeMayOmitItsPadding() {
        byte[] wire = new NlAttrBuilder().u8(1, 3).build();
        NlAttrs a = NlAttrs.decode(wire, 0, 5);
        assertEquals(3, a.require(1).asU8());
    }

    @Test
    void randomBytesNeverEscapeAsUntypedExceptions() {
        Random rnd = new Random(42);
        for (int i = 0; i < 20000; i++) {
            byte[] junk = new byte[rnd.nextInt(48)];
            rnd.nextBytes(junk);
            if (junk.length >= 2 && rnd.nextBoolean()) {
                junk[0] = (byte) rnd.nextInt(junk.length + 4);
                junk[1] = 0;
            }
            try {
                for (NlAttr a : NlAttrs.decode(junk)) {
                    a.asNested();
                }
            } catch (NetlinkProtocolException expected) {
                // fine: typed
            }
        }
    }
}
