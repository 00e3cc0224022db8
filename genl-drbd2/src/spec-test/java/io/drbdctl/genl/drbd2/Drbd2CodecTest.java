package io.drbdctl.genl.drbd2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.netlink.GenlRequest;
import io.drbdctl.netlink.Netlink;
import io.drbdctl.netlink.NlAttrBuilder;
import io.drbdctl.netlink.NlAttrs;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The codec generated from drbd2.yaml, tested without naming anything the spec may still
 * rename: family conventions, every operation, and a wire round trip of every attribute of
 * every reachable attribute set. Compiled only while drbd2.yaml exists (see pom.xml).
 */
class Drbd2CodecTest {
    private static final String PKG = Drbd2Family.class.getPackageName();

    @Test
    void familyConventions() {
        assertEquals("drbd2", Drbd2Family.NAME);
        assertTrue(Drbd2Family.PROTOCOL.startsWith("genetlink"), Drbd2Family.PROTOCOL);
        assertEquals(0, Drbd2Family.HDRSIZE, "no fixed header");
        assertEquals(1, Drbd2Family.VERSION);
    }

    @Test
    void everyOperation() throws ReflectiveOperationException {
        Set<Integer> values = new HashSet<>();
        for (Drbd2Op op : Drbd2Op.values()) {
            assertTrue(values.add(op.value()), "unique " + op);
            assertTrue(op.value() >= 1 && op.value() <= 255, op.toString());
            if (op.isNotification()) {
                assertTrue(Drbd2Family.MCAST_GROUPS.contains(op.mcastGroup().orElseThrow()), op
                        + " group");
                continue;
            }
            if (op.hasDo()) {
                GenlRequest r = op.doRequest(0x20, empty(op.attributeSet().orElseThrow()));
                assertEquals(op.value(), r.cmd());
                assertEquals(0, r.attributes().length);
            }
        }
    }

    @Test
    void everyAttributeOfEverySetRoundTripsByteIdentically() throws ReflectiveOperationException {
        Deque<String> todo = new ArrayDeque<>();
        for (Drbd2Op op : Drbd2Op.values()) {
            op.attributeSet().ifPresent(todo::add);
        }
        Set<String> done = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String set = todo.poll();
            if (!done.add(set)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<AttrInfo> infos = (List<AttrInfo>) cls(set).getField("ATTRS").get(null);
            NlAttrBuilder b = new NlAttrBuilder();
            for (AttrInfo a : infos) {
                a.nestedSet().ifPresent(todo::add);
                sample(b, a);
                if (a.multiAttr()) {
                    sample(b, a);
                }
            }
            byte[] wire = b.build();
            AttributeSet decoded = decode(set, NlAttrs.decode(wire));
            assertTrue(decoded.unknownAttrs().isEmpty(), set);
            assertArrayEquals(wire, decoded.toAttrs().toBytes(), set);
            assertEquals(decoded, decode(set, decoded.toAttrs()), set);
        }
        assertTrue(!done.isEmpty());
    }

    private static void sample(NlAttrBuilder b, AttrInfo a) {
        int t = a.type();
        switch (a.wireType()) {
            case "u8" -> b.u8(t, 1);
            case "u16" -> b.u16(t, 2);
            case "u32", "uint" -> b.u32(t, 3);
            case "u64" -> b.u64(t, 4);
            case "s8" -> b.s8(t, -1);
            case "s16" -> b.s16(t, -2);
            case "s32", "sint" -> b.s32(t, -3);
            case "s64" -> b.s64(t, -4);
            case "flag" -> b.flag(t);
            case "string" -> b.string(t, "x" + t);
            case "binary" -> b.binary(t, new byte[] {1, 2, 3});
            case "nest" -> b.raw(t | Netlink.NLA_F_NESTED, new byte[0]);
            default -> throw new AssertionError("type " + a.wireType());
        }
    }

    private static Class<?> cls(String set) throws ClassNotFoundException {
        StringBuilder n = new StringBuilder();
        for (String w : set.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            n.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return Class.forName(PKG + "." + n);
    }

    private static AttributeSet decode(String set, NlAttrs attrs)
            throws ReflectiveOperationException {
        try {
            return (AttributeSet) cls(set).getMethod("decode", NlAttrs.class).invoke(null, attrs);
        } catch (InvocationTargetException e) {
            throw new AssertionError(set + ": " + e.getCause(), e.getCause());
        }
    }

    private static AttributeSet empty(String set) throws ReflectiveOperationException {
        return decode(set, NlAttrs.EMPTY);
    }
}
