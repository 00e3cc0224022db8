package io.drbdctl.setup.command;

import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionDef;
import io.drbdctl.config.options.OptionTable;
import io.drbdctl.config.options.OptionType;
import io.drbdctl.genl.v8.AttrInfo;
import io.drbdctl.genl.v8.DetachParms;
import io.drbdctl.genl.v8.DiskConf;
import io.drbdctl.genl.v8.DrbdCfgContext;
import io.drbdctl.genl.v8.DisconnectParms;
import io.drbdctl.genl.v8.NetConf;
import io.drbdctl.genl.v8.NewCUuidParms;
import io.drbdctl.genl.v8.ResOpts;
import io.drbdctl.genl.v8.ResizeParms;
import io.drbdctl.genl.v8.SetRoleParms;
import io.drbdctl.genl.v8.StartOvParms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds {@link OptionField}s from the option table (8.4 rows) and the legacy family's spec. */
public final class OptionFields {

    private static final Map<String, String> SECTION_TO_SET = Map.of(
            "disk", DiskConf.SET_NAME, "net", NetConf.SET_NAME, "options", ResOpts.SET_NAME);
    private static final Map<String, List<AttrInfo>> SETS = Map.of(
            DiskConf.SET_NAME, DiskConf.ATTRS, NetConf.SET_NAME, NetConf.ATTRS,
            ResOpts.SET_NAME, ResOpts.ATTRS, SetRoleParms.SET_NAME, SetRoleParms.ATTRS,
            DetachParms.SET_NAME, DetachParms.ATTRS, DisconnectParms.SET_NAME, DisconnectParms.ATTRS,
            ResizeParms.SET_NAME, ResizeParms.ATTRS, NewCUuidParms.SET_NAME, NewCUuidParms.ATTRS,
            StartOvParms.SET_NAME, StartOvParms.ATTRS, DrbdCfgContext.SET_NAME, DrbdCfgContext.ATTRS);

    private final OptionTable table;

    public OptionFields(OptionTable table) {
        this.table = table;
    }

    public OptionTable table() {
        return table;
    }

    /** The genl attribute set a section's options are sent in. */
    public static String setOf(String section) {
        return SECTION_TO_SET.getOrDefault(section, section);
    }

    /** The spec fields of an attribute set. */
    public static List<AttrInfo> attrs(String set) {
        return SETS.getOrDefault(set, List.of());
    }

    /** Named options of a section (drbdsetup-only rows included), in the given order. */
    public List<OptionField> named(String section, List<String> names) {
        List<OptionField> out = new ArrayList<>();
        for (String n : names) {
            rows(section).stream().filter(d -> d.name().equals(n)).findFirst()
                    .map(this::field).ifPresent(out::add);
        }
        return out;
    }

    /** The options of a section that can be changed after creation (spec: not invariant). */
    public List<OptionField> changeable(String section) {
        List<OptionField> out = new ArrayList<>();
        for (OptionDef d : rows(section)) {
            if (table.v8(d).containsKey("setup-only")) {
                continue;
            }
            OptionField f = field(d);
            boolean invariant = f.attr().map(a -> a.drbdFlags().contains("invariant")).orElse(true);
            if (!invariant) {
                out.add(f);
            }
        }
        return out;
    }

    private List<OptionDef> rows(String section) {
        return table.setupRows().stream()
                .filter(d -> d.section().equals(section) && d.in(Dialect.V84)).toList();
    }

    OptionField field(OptionDef d) {
        Map<String, String> v8 = table.v8(d);
        String set = setOf(d.section());
        String attrName = v8.getOrDefault("attr", d.name());
        Optional<AttrInfo> attr = attrs(set).stream().filter(a -> a.name().equals(attrName)).findFirst();
        OptionType ot = v8.containsKey("type") ? OptionType.valueOf(v8.get("type").toUpperCase()) : d.type();
        FieldType type = switch (ot) {
            case BOOLEAN -> v8.containsKey("flag") ? FieldType.FLAG : FieldType.BOOLEAN;
            case NUMERIC -> FieldType.NUMERIC;
            case ENUM, ENUM_NUM -> FieldType.ENUM;
            default -> v8.containsKey("address") ? FieldType.ADDRESS : FieldType.STRING;
        };
        long min = v8.containsKey("min") ? Long.parseLong(v8.get("min")) : d.min() == null ? 0 : d.min();
        long max = v8.containsKey("max") ? Long.parseLong(v8.get("max")) : d.max() == null ? 0 : d.max();
        String defText = v8.getOrDefault("default", d.def());
        char scale = v8.containsKey("scale") ? v8.get("scale").charAt(0) : d.scale();
        String unit = v8.getOrDefault("unit", d.unit());
        List<Long> wire = new ArrayList<>();
        if (v8.containsKey("wire")) {
            for (String w : v8.get("wire").split(",")) {
                wire.add(Long.parseLong(w));
            }
        }
        OptionField proto = new OptionField(d.name(), set, attr, type, min, max, null,
                v8.containsKey("signed"), scale, unit == null ? "" : unit, d.enumValues(), wire,
                v8.containsKey("nocase"));
        return new OptionField(d.name(), set, attr, type, min, max, defaultOf(proto, defText),
                proto.signed(), scale, proto.unit(), d.enumValues(), wire, proto.nocase());
    }

    private static Long defaultOf(OptionField f, String text) {
        return switch (f.type()) {
            case NUMERIC -> text == null ? null : Long.parseLong(text);
            case BOOLEAN, FLAG -> "yes".equals(text) ? 1L : 0L;
            case ENUM -> text == null ? null : f.enumWire(text).orElse(null);
            default -> null;
        };
    }
}
