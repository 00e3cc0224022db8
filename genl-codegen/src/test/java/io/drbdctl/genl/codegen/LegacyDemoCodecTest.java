package io.drbdctl.genl.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.genl.legacydemo.Binary;
import io.drbdctl.genl.legacydemo.Conf;
import io.drbdctl.genl.legacydemo.Ctx;
import io.drbdctl.genl.legacydemo.Every;
import io.drbdctl.genl.legacydemo.Hdr;
import io.drbdctl.genl.legacydemo.LegacyDemoFamily;
import io.drbdctl.genl.legacydemo.LegacyDemoOp;
import io.drbdctl.genl.legacydemo.Result;
import io.drbdctl.genl.legacydemo.Top;
import io.drbdctl.genl.legacydemo.WireStyle;
import io.drbdctl.netlink.GenlRequest;
import io.drbdctl.netlink.NlAttr;
import io.drbdctl.netlink.NlAttrBuilder;
import io.drbdctl.netlink.NlAttrs;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The codec generated from legacy-demo.yaml (genetlink-legacy, DRBD doc tags, u8 booleans). */
class LegacyDemoCodecTest {

    private static Top top() {
        return Top.builder()
                .ctx(Ctx.builder().res("r0").vol(0).build())
                .conf(Conf.builder().level(3).on(false).path("/dev/x").result(Result.BAD).build())
                .build();
    }

    @Test
    void requestStyleSetsMandatoryBitsAndNestedFlags() {
        NlAttrs a = top().toAttrs();
        NlAttr ctx = a.require(Top.A_CTX);
        assertEquals(0x8000 | Top.A_CTX, ctx.rawType());
        NlAttrs conf = a.require(Top.A_CONF).asNested();
        assertEquals(0x4000 | Conf.A_LEVEL, conf.require(Conf.A_LEVEL).rawType());
        assertEquals(0x4000 | Conf.A_ON, conf.require(Conf.A_ON).rawType());
        assertEquals(Conf.A_PATH, conf.require(Conf.A_PATH).rawType(), "required, not mandatory");
        assertArrayEquals(new byte[] {0}, conf.require(Conf.A_ON).payload(), "u8 boolean");
        assertEquals(-3, conf.require(Conf.A_RESULT).asS32());
    }

    @Test
    void kernelStyleLeavesBareNestsBareWithMandatoryBits() {
        NlAttrBuilder b = new NlAttrBuilder();
        top().encode(b, WireStyle.KERNEL);
        NlAttrs a = b.toAttrs();
        NlAttr ctx = a.require(Top.A_CTX);
        assertEquals(Top.A_CTX, ctx.rawType(), "[drbd-kernel-bare-nest]: no NLA_F_NESTED");
        assertEquals(0x4000 | Ctx.A_RES, ctx.asNested().require(Ctx.A_RES).rawType());
        NlAttr conf = a.require(Top.A_CONF);
        assertEquals(0x8000 | Top.A_CONF, conf.rawType());
        assertEquals(Conf.A_LEVEL, conf.asNested().require(Conf.A_LEVEL).rawType());
        assertEquals(top(), Top.decode(a), "both styles decode the same");
    }

    @Test
    void defaultsBooleansAndEnums() {
        Conf empty = Conf.builder().build();
        assertEquals(7, empty.levelOrDefault());
        assertTrue(empty.onOrDefault());
        assertEquals("", empty.pathOrDefault());
        Conf c = top().conf().orElseThrow();
        assertEquals(3, c.levelOrDefault());
        assertFalse(c.onOrDefault());
        assertEquals(Optional.of(Result.BAD), c.resultAsEnum());
        assertEquals(101, Result.OK.value());
        assertEquals(102, Result.FINE.value());
        assertEquals(-2, Result.WORSE.value());
        assertEquals(Optional.of(Result.WORSE), Result.fromValue(-2));
        var info = Conf.ATTRS.get(2);
        assertEquals("path", info.name());
        assertEquals(Set.of("required", "invariant"), info.drbdFlags());
        assertEquals(Optional.of(""), info.defaultValue());
        assertEquals(Optional.of(7L), Conf.ATTRS.get(0).defaultValue());
        assertTrue(Conf.ATTRS.get(0).mandatory());
    }

    @Test
    void u8BooleanDecodesAnyNonZeroAndAZeroLengthFlag() {
        assertTrue(Conf.decode(new NlAttrBuilder().u8(Conf.A_ON, 2).toAttrs()).on().orElseThrow());
        assertTrue(Conf.decode(new NlAttrBuilder().flag(Conf.A_ON).toAttrs()).on().orElseThrow());
        assertFalse(Conf.decode(new NlAttrBuilder().u8(Conf.A_ON | 0x4000, 0).toAttrs()).on()
                .orElseThrow());
    }

    @Test
    void structsAndFixedHeader() {
        Every e = new Every(255, -1, 65535, -2, -1L, Long.MIN_VALUE, "abc", Binary.ofHex("010203"));
        byte[] bytes = e.toBytes();
        assertEquals(Every.SIZE, bytes.length);
        assertEquals(1 + 1 + 2 + 2 + 8 + 8 + 6 + 3, Every.SIZE);
        assertEquals(e, Every.decode(bytes));
        assertEquals((byte) 0xff, bytes[4]);
        assertEquals((byte) 0xfe, bytes[5], "big-endian s16 member");
        Conf c = Conf.builder().raw(Binary.of(bytes)).build();
        assertEquals(Optional.of(e), Conf.decode(c.toAttrs()).rawAsStruct());

        assertEquals(8, LegacyDemoFamily.HDRSIZE);
        assertEquals(2, LegacyDemoFamily.VERSION);
        GenlRequest r = LegacyDemoOp.SET.doRequest(0x20, new Hdr(0xffffffffL, 0), top());
        assertEquals(7, r.cmd());
        assertEquals(2, r.version());
        assertEquals(8, r.replyHeaderSize());
        assertArrayEquals(new Hdr(0xffffffffL, 0).toBytes(), r.familyHeader());
        assertEquals(new Hdr(5, -127), Hdr.decode(new Hdr(5, -127).toBytes()));
        assertEquals(Optional.of("state-rv"), LegacyDemoOp.SET.tag("drbd-ret-code"));
        assertTrue(LegacyDemoOp.CHANGED.isNotification());
    }
}
