package io.drbdctl.genl.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.genl.demo.Binary;
import io.drbdctl.genl.demo.Caps;
import io.drbdctl.genl.demo.Colour;
import io.drbdctl.genl.demo.DemoConstants;
import io.drbdctl.genl.demo.DemoFamily;
import io.drbdctl.genl.demo.DemoOp;
import io.drbdctl.genl.demo.Part;
import io.drbdctl.genl.demo.Widget;
import io.drbdctl.genl.demo.WidgetOpts;
import io.drbdctl.netlink.GenlRequest;
import io.drbdctl.netlink.Netlink;
import io.drbdctl.netlink.NlAttr;
import io.drbdctl.netlink.NlAttrBuilder;
import io.drbdctl.netlink.NlAttrs;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The codec generated from src/test/resources/specs/demo.yaml (modern genetlink). */
class DemoCodecTest {

    private static Widget full() {
        return Widget.builder()
                .name("w1").id(7).size(1L << 40).colour(Colour.BLUE).caps(Caps.toMask(
                        Set.of(Caps.READ, Caps.EXEC))).offset(-5).hidden(true).port(0x1234)
                .counter(0x1_0000_0000L).blob(Binary.ofHex("00ff10"))
                .opts(WidgetOpts.builder().verbose(3).label("x").build())
                .addTag("a").addTag("b")
                .addPart(Part.builder().partId(1).weight(9).build())
                .addPart(Part.builder().weight(2).build())
                .class_(200).delta(-1).small(-128)
                .build();
    }

    @Test
    void roundTripKeepsEveryValue() {
        Widget w = full();
        Widget back = Widget.decode(w.toAttrs());
        assertEquals(w, back);
        assertEquals(w.wireOrder(), back.wireOrder());
        assertArrayEquals(w.toAttrs().toBytes(), back.toAttrs().toBytes());
        assertEquals(Optional.of(Colour.BLUE), back.colourAsEnum());
        assertEquals(Optional.of(Set.of(Caps.READ, Caps.EXEC)), back.capsAsFlags());
        assertEquals(2, back.part().size());
        assertTrue(back.part().get(1).partId().isEmpty());
    }

    @Test
    void wireDetails() {
        NlAttrs a = full().toAttrs();
        assertEquals(0, a.require(Widget.A_HIDDEN).length(), "flag is zero-length");
        assertArrayEquals(new byte[] {0x12, 0x34}, a.require(Widget.A_PORT).payload(),
                "big-endian u16");
        assertEquals(8, a.require(Widget.A_COUNTER).length(), "uint above 32 bits uses 8 bytes");
        assertTrue(a.require(Widget.A_OPTS).nestedFlag(), "nests carry NLA_F_NESTED");
        assertTrue(a.all(Widget.A_PART).stream().allMatch(NlAttr::nestedFlag));
        assertEquals(2, a.all(Widget.A_TAG).size(), "multi-attr repeats the attribute");
        assertEquals(4, Widget.builder().counter(5).build().toAttrs()
                .require(Widget.A_COUNTER).length());
        assertEquals(5, Part.A_PART_ID);
        assertEquals(6, Part.A_WEIGHT);
    }

    @Test
    void absentIsNotDefault() {
        Widget w = Widget.builder().id(0).build();
        assertTrue(w.id().isPresent());
        assertTrue(w.name().isEmpty());
        assertEquals(1, w.toAttrs().size());
        assertEquals(Widget.builder().build().toAttrs().size(), 0);
    }

    @Test
    void encodesInSetterOrderOrGivenOrder() {
        Widget w = Widget.builder().size(1).name("n").id(2).build();
        assertEquals(List.of(Widget.A_SIZE, Widget.A_NAME, Widget.A_ID), types(w.toAttrs()));
        Widget given = w.toBuilder().wireOrder(List.of(Widget.A_ID)).build();
        assertEquals(List.of(Widget.A_ID, Widget.A_NAME, Widget.A_SIZE), types(given.toAttrs()));
        assertEquals(w, given, "order is not part of equality");
        Widget more = w.toBuilder().offset(1).build();
        assertEquals(List.of(Widget.A_SIZE, Widget.A_NAME, Widget.A_ID, Widget.A_OFFSET),
                types(more.toAttrs()));
    }

    @Test
    void unknownAndDuplicateAttributesSurviveAndFlagBitsAreMasked() {
        byte[] wire = new NlAttrBuilder()
                .u32(Widget.A_ID | 0x4000, 0x01020304L)  // flag bit 14 must not flip byte order
                .raw(99, new byte[] {1, 2, 3})
                .string(Widget.A_NAME, "first")
                .string(Widget.A_NAME, "second")
                .nestRaw(Widget.A_OPTS, n -> n.u32(WidgetOpts.A_VERBOSE, 1))  // bare nest
                .build();
        Widget w = Widget.decode(NlAttrs.decode(wire));
        assertEquals(0x01020304L, w.id().getAsLong());
        assertEquals("first", w.name().orElseThrow());
        assertEquals(2, w.unknownAttrs().size());
        assertEquals(99, w.unknownAttrs().get(0).rawType());
        assertEquals(1, w.opts().orElseThrow().verbose().getAsLong());
        byte[] again = w.toAttrs().toBytes();
        // everything is re-emitted in wire order; only the nest gains NLA_F_NESTED
        assertEquals(NlAttrs.decode(wire).size(), NlAttrs.decode(again).size());
        assertEquals(types(NlAttrs.decode(wire)), types(NlAttrs.decode(again)));
        assertEquals(Widget.A_ID, NlAttrs.decode(again).list().get(0).rawType(),
                "demo has no mandatory tags: the bit is not re-sent");
    }

    @Test
    void malformedKnownAttributeNamesTheField() {
        byte[] wire = new NlAttrBuilder().u16(Widget.A_ID, 1).build();
        Exception e = assertThrows(RuntimeException.class,
                () -> Widget.decode(NlAttrs.decode(wire)));
        assertTrue(e.getMessage().contains("id"), e.getMessage());
    }

    @Test
    void rangeChecksOnEncode() {
        assertThrows(IllegalArgumentException.class,
                () -> Widget.builder().class_(256).build().toAttrs());
        assertThrows(IllegalArgumentException.class,
                () -> Widget.builder().id(-1).build().toAttrs());
    }

    @Test
    void enumsAndConstants() {
        assertEquals(63, DemoConstants.NAME_MAX_LEN);
        assertEquals(1, Colour.RED.value());
        assertEquals(3, Colour.BLUE.value());
        assertEquals(1, Caps.READ.value());
        assertEquals(8, Caps.WRITE.value());
        assertEquals(16, Caps.EXEC.value());
        assertEquals(Optional.empty(), Colour.fromValue(9));
        assertEquals(Set.of(Caps.WRITE), Caps.fromMask(8 | 2));
    }

    @Test
    void operationsAndFamily() {
        assertEquals("demo", DemoFamily.NAME);
        assertEquals("genetlink", DemoFamily.PROTOCOL);
        assertEquals(1, DemoFamily.VERSION);
        assertEquals(0, DemoFamily.HDRSIZE);
        assertEquals(List.of("monitor", "other-events"), DemoFamily.MCAST_GROUPS);
        assertEquals("other-events", DemoFamily.MCGRP_OTHER_EVENTS);
        assertEquals(1, DemoOp.WIDGET_GET.value());
        assertEquals(2, DemoOp.WIDGET_NEW.value());
        assertEquals(3, DemoOp.WIDGET_NTF.value());
        assertEquals(10, DemoOp.WIDGET_GONE.value());
        assertTrue(DemoOp.WIDGET_GET.hasDo() && DemoOp.WIDGET_GET.hasDump());
        assertEquals(Optional.of(List.of()), DemoOp.WIDGET_GET.dumpRequestAttrs());
        assertFalse(DemoOp.WIDGET_GET.adminPerm());
        assertTrue(DemoOp.WIDGET_NEW.adminPerm());
        assertTrue(DemoOp.WIDGET_NTF.isNotification());
        assertEquals(Optional.of("widget-get"), DemoOp.WIDGET_NTF.notifyOf());
        assertEquals(DemoOp.WIDGET_GET.doReplyAttrs(), DemoOp.WIDGET_NTF.notificationAttrs());
        assertEquals(Optional.of("widget"), DemoOp.WIDGET_NTF.attributeSet());
        assertEquals(Optional.of(List.of(Widget.A_ID)), DemoOp.WIDGET_GONE.notificationAttrs());
        assertEquals(Optional.of("monitor"), DemoOp.WIDGET_GONE.mcastGroup());
        assertEquals(Optional.of(DemoOp.WIDGET_GONE), DemoOp.fromValue(10));
    }

    @Test
    void requestFactoryChecksTheOperation() {
        Widget w = Widget.builder().name("n").size(5).build();
        GenlRequest r = DemoOp.WIDGET_NEW.doRequest(0x20, w);
        assertEquals(2, r.cmd());
        assertEquals(1, r.version());
        assertArrayEquals(w.toAttrs().toBytes(), r.attributes());
        assertThrows(IllegalArgumentException.class,
                () -> DemoOp.WIDGET_GET.doRequest(0x20, w), "name is not a get request attr");
        assertThrows(IllegalStateException.class, () -> DemoOp.WIDGET_NEW.dumpRequest(0x20, w));
        assertThrows(IllegalArgumentException.class, () -> DemoOp.WIDGET_NEW.doRequest(0x20,
                Part.builder().build()));
        assertNotEquals(0, Netlink.NLA_F_NESTED);
    }

    private static List<Integer> types(NlAttrs attrs) {
        return attrs.list().stream().map(NlAttr::type).toList();
    }
}
