package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.Attr;
import io.drbdctl.genl.codegen.Model.AttrSet;
import io.drbdctl.genl.codegen.Model.EnumDef;
import io.drbdctl.genl.codegen.Model.StructDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses and resolves {@code attribute-sets}, including fractional sets (subset-of). */
final class AttributeSets {
    static final Set<String> SCALARS = Set.of("u8", "u16", "u32", "u64", "s8", "s16", "s32",
            "s64", "uint", "sint");
    private static final Set<String> TYPES = Set.of("u8", "u16", "u32", "u64", "s8", "s16",
            "s32", "s64", "uint", "sint", "flag", "string", "binary", "nest", "pad", "unused");
    private static final Set<String> LEGACY_ONLY = Set.of("indexed-array", "nest-type-value");

    private final List<AttrSet> sets = new ArrayList<>();

    AttributeSets(Node root, boolean legacy, List<EnumDef> enums, List<StructDef> structs,
                  Set<String> consts, GenOptions options) {
        List<Node> nodes = root.opt("attribute-sets").map(Node::items).orElse(List.of());
        SpecParser.unique(nodes.stream().map(n -> n.str("name")).toList(), nodes, "attribute set");
        Map<String, Node> byName = new HashMap<>();
        nodes.forEach(n -> byName.put(n.str("name"), n));
        for (Node s : nodes) {
            Optional<String> parent = s.optStr("subset-of");
            List<Attr> attrs = new ArrayList<>();
            int next = 1;
            for (Node a : s.req("attributes").items()) {
                if (parent.isPresent()) {
                    Node p = Optional.ofNullable(byName.get(parent.get()))
                            .orElseThrow(() -> s.req("subset-of").error("no attribute set '"
                                    + parent.get() + "'"));
                    Node base = p.req("attributes").items().stream()
                            .filter(x -> x.str("name").equals(a.str("name"))).findFirst()
                            .orElseThrow(() -> a.error("'" + a.str("name") + "' is not in set '"
                                    + parent.get() + "'"));
                    attrs.add(attr(base, valueOf(p, base), legacy, options));
                    continue;
                }
                if (a.opt("value").isPresent()) {
                    next = (int) a.req("value").integer();
                }
                Attr parsed = attr(a, next, legacy, options);
                next++;
                if (!parsed.type().equals("unused")) {
                    attrs.add(parsed);
                }
            }
            List<Node> where = s.req("attributes").items();
            SpecParser.unique(attrs.stream().map(Attr::name).toList(), where, "attribute");
            SpecParser.unique(attrs.stream().map(x -> Names.member(x.name())).toList(), where,
                    "Java name for attribute");
            SpecParser.unique(attrs.stream().map(x -> Integer.toString(x.value())).toList(), where,
                    "attribute value");
            sets.add(new AttrSet(s.str("name"), attrs, SpecParser.doc(s)));
        }
        for (Node s : nodes) {
            for (Node a : s.req("attributes").items()) {
                check(a, byName, enums, structs, consts);
            }
        }
    }

    List<AttrSet> sets() {
        return sets;
    }

    /** The value an attribute of a full set gets (explicit, or previous + 1 from 1). */
    private static int valueOf(Node set, Node attr) {
        int next = 1;
        for (Node a : set.req("attributes").items()) {
            if (a.opt("value").isPresent()) {
                next = (int) a.req("value").integer();
            }
            if (a.str("name").equals(attr.str("name"))) {
                return next;
            }
            next++;
        }
        throw attr.error("not found");
    }

    private static Attr attr(Node a, int value, boolean legacy, GenOptions options) {
        String type = a.str("type");
        if (LEGACY_ONLY.contains(type) || type.equals("bitfield32")
                || type.equals("sub-message")) {
            throw a.req("type").error("unsupported attribute type '" + type
                    + "' (the Java codec supports: " + String.join(", ", TYPES.stream().sorted()
                    .toList()) + ")");
        }
        if (!TYPES.contains(type)) {
            throw a.req("type").error("unknown attribute type '" + type + "'");
        }
        if (value < 0 || value > 0x3fff) {
            throw a.error("attribute value " + value + " is outside 0..16383");
        }
        if (a.opt("struct").isPresent() || a.opt("sub-type").isPresent()) {
            SpecParser.requireLegacy(legacy, a, "'struct' and 'sub-type' on attributes");
        }
        Optional<String> subType = a.optStr("sub-type");
        if (subType.isPresent() && !SCALARS.contains(subType.get())) {
            throw a.req("sub-type").error("unsupported sub-type '" + subType.get() + "'");
        }
        String doc = SpecParser.doc(a);
        return new Attr(a.str("name"), value, type, a.flag("multi-attr"),
                a.optStr("nested-attributes"), a.optStr("enum"), a.flag("enum-as-flags"),
                a.optStr("byte-order").map("big-endian"::equals).orElse(false),
                a.optStr("struct"), subType, options.u8Booleans() && type.equals("u8"), doc,
                DocTags.parse(doc, a));
    }

    private static void check(Node a, Map<String, Node> sets, List<EnumDef> enums,
                              List<StructDef> structs, Set<String> consts) {
        String dflt = DocTags.parse(SpecParser.doc(a), a).get("drbd-default");
        if (dflt != null && !dflt.equals("empty-string") && !consts.contains(dflt)) {
            throw a.error("[drbd-default: " + dflt + "] names no integer const definition");
        }
        if (dflt != null && dflt.equals("empty-string")
                && !a.optStr("type").orElse("").equals("string")) {
            throw a.error("[drbd-default: empty-string] on a non-string attribute");
        }
        if (dflt != null && !dflt.equals("empty-string")
                && !SCALARS.contains(a.optStr("type").orElse(""))) {
            throw a.error("[drbd-default: " + dflt + "] on a non-integer attribute");
        }
        String type = a.optStr("type").orElse("");
        Optional<String> nested = a.optStr("nested-attributes");
        if (type.equals("nest") && nested.isEmpty()) {
            throw a.error("nest without nested-attributes");
        }
        if (nested.isPresent() && !type.equals("nest") && !type.isEmpty()) {
            throw a.req("nested-attributes").error("nested-attributes on a '" + type + "'");
        }
        if (nested.isPresent() && !sets.containsKey(nested.get())) {
            throw a.req("nested-attributes").error("no attribute set '" + nested.get() + "'");
        }
        Optional<String> en = a.optStr("enum");
        if (en.isPresent()) {
            if (enums.stream().noneMatch(e -> e.name().equals(en.get()))) {
                throw a.req("enum").error("no enum or flags definition '" + en.get() + "'");
            }
            if (!type.isEmpty() && !SCALARS.contains(type)) {
                throw a.req("enum").error("enum on a non-integer attribute");
            }
            EnumDef def = enums.stream().filter(e -> e.name().equals(en.get())).findFirst()
                    .orElseThrow();
            if (a.flag("enum-as-flags") && !def.flags() && !DefinitionsEmitter.bitEnum(def)) {
                throw a.req("enum-as-flags").error("enum-as-flags on enum '" + def.name()
                        + "' whose values are not all bit numbers 0..63");
            }
        }
        Optional<String> st = a.optStr("struct");
        if (st.isPresent() && structs.stream().noneMatch(s -> s.name().equals(st.get()))) {
            throw a.req("struct").error("no struct definition '" + st.get() + "'");
        }
    }
}
