package io.drbdctl.setup.v9;

import io.drbdctl.config.options.OptionDef;
import io.drbdctl.config.options.OptionTable;
import io.drbdctl.config.options.OptionType;
import io.drbdctl.genl.drbd2.AttrInfo;
import io.drbdctl.netlink.NlAttr;
import io.drbdctl.netlink.NlAttrBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An option of the 9 dialect as the option table describes it (a dialect-9 row; drbdsetup's
 * facts from the row's drbdsetup column: numeric type, range, default and sign of resync-after,
 * scale overrides, case-insensitive enums), bound to the drbd2 attribute of the same name.
 *
 * @param name      option name without dashes
 * @param type      value type
 * @param min       smallest value (numeric, numeric-or-symbol)
 * @param max       largest value
 * @param signed    numeric value may be negative
 * @param def       default as drbd.conf writes it ("" for strings, null if none)
 * @param scale     unit of a bare number: '1', 'k' or 's'
 * @param unit      unit label of "show" (empty for none)
 * @param enumNames the symbols of an enum or numeric-or-symbol option, in table order
 * @param nocase    enum symbols compare without case
 * @param attr      the drbd2 attribute; empty for {@code _name}, which is the connection's name
 */
public record V9TableOption(String name, OptionType type, long min, long max, boolean signed, String def, char scale,
                     String unit, List<String> enumNames, boolean nocase, Optional<AttrInfo> attr) {

    private static final long U32_MAX = 0xffffffffL;

    public V9TableOption {
        enumNames = List.copyOf(enumNames);
    }

    /** The row {@code d} bound to its attribute in {@code attrs} (matched by name). */
    static V9TableOption of(OptionTable table, OptionDef d, List<AttrInfo> attrs) {
        Map<String, String> setup = table.v8(d);
        Optional<AttrInfo> attr = attrs.stream().filter(a -> a.name().equals(d.name())).findFirst();
        OptionType type = setup.containsKey("type") ? OptionType.valueOf(setup.get("type").toUpperCase()) : d.type();
        long min = setup.containsKey("min") ? Long.parseLong(setup.get("min")) : d.min() == null ? 0 : d.min();
        long dmax = attr.map(a -> a.wireType().equals("u64")).orElse(false) ? Long.MAX_VALUE : U32_MAX;
        long max = setup.containsKey("max") ? Long.parseLong(setup.get("max")) : d.max() == null ? dmax : d.max();
        String def = setup.getOrDefault("default", d.def());
        if (def == null && type == OptionType.STRING) {
            def = "";
        }
        char scale = setup.containsKey("scale") ? setup.get("scale").charAt(0) : d.scale();
        if (scale != 'k' && scale != 's') {
            scale = '1';
        }
        String unit = type == OptionType.ENUM_NUM || d.unit() == null ? "" : d.unit();
        return new V9TableOption(d.name(), type, min, max, setup.containsKey("signed"), def, scale, unit,
                d.enumValues(), setup.containsKey("nocase"), attr);
    }

    /** A checked value: the wire value (Long or String), or the complaint. */
    record Value(Object wire, String error) {
        boolean ok() {
            return error == null;
        }
    }

    /** Checks and converts a command-line value. */
    Value parse(String v) {
        return switch (type) {
            case NUMERIC -> number(v, V9Number.parse(v, scale, signed));
            case BOOLEAN -> v.equals("yes") ? new Value(1L, null) : v.equals("no") ? new Value(0L, null)
                    : invalid(v, "yes or no");
            case ENUM -> enumName(v).flatMap(n -> attr.flatMap(a -> a.enumName())
                    .flatMap(e -> Drbd2Enums.value(e, n))).map(w -> new Value(w, null))
                    .orElseGet(() -> invalid(v, String.join("|", enumNames)));
            case ENUM_NUM -> Drbd2Enums.QUORUM.containsKey(v) ? new Value(Drbd2Enums.QUORUM.get(v), null)
                    : number(v, V9Number.parse(v, '1', false));
            default -> new Value(v, null);
        };
    }

    private Value number(String v, V9Number n) {
        if (!n.ok()) {
            return new Value(null, n.error());
        }
        if (n.value() < min || n.value() > max) {
            return new Value(null, "Option --" + name + ": invalid argument '" + v + "': too "
                    + (n.value() < min ? "small" : "big") + " (" + min + " ... " + max + ")");
        }
        return new Value(n.value(), null);
    }

    private Value invalid(String v, String allowed) {
        return new Value(null, "Option --" + name + ": invalid argument '" + v + "' (" + allowed + ")");
    }

    private Optional<String> enumName(String v) {
        return enumNames.stream().filter(n -> nocase ? n.equalsIgnoreCase(v) : n.equals(v)).findFirst();
    }

    /** Appends the wire value as the attribute (u32, s32, u64 or string, as the spec says). */
    void put(NlAttrBuilder b, Object wire) {
        AttrInfo a = attr.orElseThrow();
        switch (a.wireType()) {
            case "string" -> b.string(a.type(), (String) wire);
            case "s32" -> b.s32(a.type(), (int) (long) (Long) wire);
            case "u64" -> b.u64(a.type(), (Long) wire);
            default -> b.u32(a.type(), (Long) wire);
        }
    }

    /** How "show" prints the attribute's value (9.22: numbers with the scale suffix, symbols, quoted strings). */
    String show(NlAttr x) {
        String wire = attr.orElseThrow().wireType();
        if (wire.equals("string")) {
            return V9Quote.quote(x.asString());
        }
        long v = wire.equals("s32") ? x.asS32() : wire.equals("u64") ? x.asU64() : x.asU32();
        return switch (type) {
            case BOOLEAN -> v != 0 ? "yes" : "no";
            case ENUM -> enumNames.stream().filter(n -> attr.flatMap(AttrInfo::enumName)
                    .flatMap(e -> Drbd2Enums.value(e, n)).orElse(-1L) == v).findFirst().orElse(Long.toString(v));
            case ENUM_NUM -> Drbd2Enums.QUORUM.entrySet().stream().filter(e -> e.getValue() == v)
                    .map(Map.Entry::getKey).findFirst().orElse(Long.toString(v));
            default -> (wire.equals("u64") ? Long.toUnsignedString(v) : Long.toString(v))
                    + (scale == '1' ? "" : String.valueOf(scale));
        };
    }

    /** Whether a value as {@link #show} prints it is the default. */
    boolean isDefault(String shown) {
        if (def == null) {
            return false;
        }
        if (type == OptionType.STRING) {
            return shown.equals(V9Quote.quote(def));
        }
        Value a = parse(shown);
        Value b = parse(def);
        return a.ok() && b.ok() && a.wire().equals(b.wire());
    }

    /** The usage form of drbd-utils 9.22, e.g. {@code --timeout=(1 ... 600)}. */
    String synopsis() {
        return switch (type) {
            case NUMERIC -> "--" + name + "=(" + min + " ... " + max + ")";
            case BOOLEAN -> "--" + name + "={yes|no}";
            case ENUM -> "--" + name + "={" + String.join("|", enumNames) + "}";
            case ENUM_NUM -> "--" + name + "={" + String.join("|", enumNames) + "}|(" + min + " ... " + max + ")";
            default -> "--" + name + "=<str>";
        };
    }

    /** One line for --help and the man page: type, unit, scale and default. */
    String help() {
        StringBuilder b = new StringBuilder(switch (type) {
            case NUMERIC -> "number";
            case BOOLEAN -> "yes or no";
            case ENUM -> "one of the listed values";
            case ENUM_NUM -> "a number or one of the listed values";
            default -> "string";
        });
        if (!unit.isEmpty()) {
            b.append(", ").append(unit);
        }
        if (scale != '1') {
            b.append(", a bare number in ").append(scale == 'k' ? "KiB" : "512-byte sectors")
                    .append(" (suffixes K, M, G, s)");
        }
        if (def != null && !def.isEmpty()) {
            b.append(", default ").append(def);
        }
        return b.toString();
    }
}
