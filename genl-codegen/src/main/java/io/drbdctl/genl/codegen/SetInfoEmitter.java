package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.Attr;
import io.drbdctl.genl.codegen.Model.ConstDef;
import io.drbdctl.genl.codegen.Model.EnumDef;
import io.drbdctl.genl.codegen.Model.Spec;
import java.util.List;
import java.util.Optional;

/** The metadata table (ATTRS) and the typed views (enum, flags, struct, default) of a set. */
final class SetInfoEmitter {
    private final Spec spec;
    private final Naming naming;

    SetInfoEmitter(Spec spec, Naming naming) {
        this.spec = spec;
        this.naming = naming;
    }

    void attrInfos(JavaOut o, List<Attr> fields) {
        o.blank().line(1, "/** What the spec says about each attribute, in spec order. */");
        o.line(1, "public static final List<AttrInfo> ATTRS = List.of(");
        for (int i = 0; i < fields.size(); i++) {
            Attr a = fields.get(i);
            FieldType t = FieldType.of(a, a.name());
            String flags = DocTags.words(a.tags(), "drbd-flags").stream()
                    .filter(w -> !w.equals("none")).map(Names::quote)
                    .reduce((x, y) -> x + ", " + y).orElse("");
            String def = defaultLiteral(a).map(d -> "Optional.of(" + d + ")")
                    .orElse("Optional.empty()");
            o.line(2, "new AttrInfo(" + Names.quote(a.name()) + ", " + a.value() + ", "
                    + Names.quote(a.type()) + ", " + Names.quote(t.plain()) + ", " + a.multi()
                    + ", " + opt(a.enumName()) + ", " + opt(a.nested()) + ", " + a.mandatory()
                    + ", Set.of(" + flags + "), " + def + ")"
                    + (i == fields.size() - 1 ? "" : ","));
        }
        o.line(1, ");");
    }

    private static String opt(Optional<String> s) {
        return s.map(v -> "Optional.of(" + Names.quote(v) + ")").orElse("Optional.empty()");
    }

    /** The Java literal of the attribute's [drbd-default], typed like its value. */
    Optional<String> defaultLiteral(Attr a) {
        if (a.defaultName().isEmpty()) {
            return Optional.empty();
        }
        String name = a.defaultName().get();
        if (name.equals("empty-string")) {
            return Optional.of("\"\"");
        }
        ConstDef c = spec.constDef(name).orElseThrow(() -> new IllegalStateException(
                "attribute '" + a.name() + "': [drbd-default: " + name + "] names no const"));
        if (c.text() != null) {
            throw new IllegalStateException("[drbd-default: " + name + "] is not an integer");
        }
        String ref = naming.constants() + "." + Names.constant(c.name());
        FieldType t = FieldType.of(a, a.name());
        return Optional.of(switch (t.plain()) {
            case "boolean" -> "(" + ref + " != 0)";
            case "int" -> "(int) " + ref;
            case "long" -> ref;
            default -> throw new IllegalStateException("attribute '" + a.name()
                    + "': a numeric default for a " + a.type());
        });
    }

    void views(JavaOut o, List<Attr> fields) {
        for (Attr a : fields) {
            if (a.multi()) {
                continue;
            }
            String m = "this." + Names.member(a.name());
            String name = Names.member(a.name());
            FieldType t = FieldType.of(a, a.name());
            Optional<String> def = defaultLiteral(a);
            if (def.isPresent()) {
                String get = m + ".orElse(" + def.get() + ")";
                o.blank().line(1, "/** The value, or the kernel's default when absent. */");
                o.line(1, "public " + t.plain() + " " + name + "OrDefault() {")
                        .line(2, "return " + get + ";").line(1, "}");
            }
            if (a.enumName().isPresent()) {
                EnumDef e = spec.enumDef(a.enumName().get()).orElseThrow();
                String ec = naming.def(e.name());
                String raw = t.optional().equals("OptionalInt") ? m + ".getAsInt()"
                        : m + ".getAsLong()";
                if (e.flags() || a.enumAsFlags()) {
                    o.blank().line(1, "/** The known bits of " + name
                            + " (unknown bits are dropped). */");
                    o.line(1, "public Optional<Set<" + ec + ">> " + name + "AsFlags() {");
                    o.line(2, "return " + m + ".isPresent() ? Optional.of(" + ec + "."
                            + (e.flags() ? "fromMask(" : "fromBits(") + raw
                            + ")) : Optional.empty();").line(1, "}");
                } else {
                    o.blank().line(1, "/** " + name + " as " + ec
                            + " (empty when absent or unknown). */");
                    o.line(1, "public Optional<" + ec + "> " + name + "AsEnum() {");
                    o.line(2, "return " + m + ".isPresent() ? " + ec + ".fromValue(" + raw
                            + ") : Optional.empty();").line(1, "}");
                }
            }
            if (a.struct().isPresent()) {
                String sc = naming.def(a.struct().get());
                o.blank().line(1, "/** " + name + " decoded as struct " + a.struct().get()
                        + ". */");
                o.line(1, "public Optional<" + sc + "> " + name + "AsStruct() {");
                o.line(2, "return " + m + ".map(v -> " + sc + ".decode(v.toArray()));")
                        .line(1, "}");
            }
        }
    }
}
