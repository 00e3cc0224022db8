package io.drbdctl.setup.format;

import io.drbdctl.genl.v8.AttrInfo;
import io.drbdctl.genl.v8.AttributeSet;
import io.drbdctl.netlink.NlAttr;
import io.drbdctl.setup.command.OptionField;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads an option's field out of a decoded attribute set and renders it as "show" does. */
public final class FieldText {
    private FieldText() {
    }

    /** The field's attribute in {@code set}, if present. */
    public static Optional<NlAttr> find(AttributeSet set, OptionField f) {
        if (f.attr().isEmpty()) {
            return Optional.empty();
        }
        int type = f.attr().get().type();
        return set.toAttrs().list().stream().filter(a -> a.type() == type).findFirst();
    }

    /** The raw number of a numeric, boolean or enum field (sign-extended when signed). */
    public static long number(NlAttr a, AttrInfo info) {
        ByteBuffer b = ByteBuffer.wrap(a.payload()).order(ByteOrder.nativeOrder());
        return switch (info.wireType()) {
            case "u8" -> b.get() & 0xffL;
            case "s32" -> b.getInt();
            case "u32" -> b.getInt() & 0xffffffffL;
            default -> b.getLong();
        };
    }

    public static String string(NlAttr a) {
        byte[] p = a.payload();
        int n = 0;
        while (n < p.length && p[n] != 0) {
            n++;
        }
        return new String(p, 0, n, StandardCharsets.UTF_8);
    }

    /** The value text (numbers with their scale suffix, yes/no, enum names, quoted strings). */
    public static String value(NlAttr a, OptionField f) {
        AttrInfo info = f.attr().orElseThrow();
        return switch (f.type()) {
            case NUMERIC -> {
                long v = number(a, info);
                if (f.signed() && info.wireType().equals("u32")) {
                    v = (int) v;
                }
                String n = f.signed() ? Long.toString(v) : Long.toUnsignedString(v);
                yield f.scale() == '1' ? n : n + f.scale();
            }
            case BOOLEAN, FLAG -> number(a, info) != 0 ? "yes" : "no";
            case ENUM -> f.enumName(number(a, info)).orElse("(null)");
            default -> quote(string(a));
        };
    }

    /** Whether the value is the option's default. */
    public static boolean isDefault(NlAttr a, OptionField f) {
        AttrInfo info = f.attr().orElseThrow();
        return switch (f.type()) {
            case NUMERIC -> {
                long v = number(a, info);
                if (f.signed() && info.wireType().equals("u32")) {
                    v = (int) v;
                }
                yield f.def() != null && v == f.def();
            }
            case BOOLEAN, FLAG -> (number(a, info) != 0 ? 1L : 0L) == (f.def() == null ? 0L : f.def());
            case ENUM -> f.def() != null && number(a, info) == f.def();
            default -> string(a).isEmpty();
        };
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '"') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
