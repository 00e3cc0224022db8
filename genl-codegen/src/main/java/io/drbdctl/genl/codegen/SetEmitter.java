package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.Attr;
import io.drbdctl.genl.codegen.Model.AttrSet;
import io.drbdctl.genl.codegen.Model.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * One immutable record per attribute set: typed optional components (absent is not the
 * default), the unknown attributes and the wire order; decode, encode, accessors for enum,
 * flags, struct and default views. The builder comes from {@link BuilderEmitter}.
 */
final class SetEmitter {
    private final Spec spec;
    private final Naming naming;
    private final String specFile;

    SetEmitter(Spec spec, Naming naming, String specFile) {
        this.spec = spec;
        this.naming = naming;
        this.specFile = specFile;
    }

    static List<Attr> fields(AttrSet set) {
        return set.attrs().stream().filter(a -> !a.type().equals("pad")).toList();
    }

    static String constant(Attr a) {
        return "A_" + Names.constant(a.name()).replaceFirst("^_", "");
    }

    String emit(AttrSet set, String pkg) {
        String cls = naming.set(set.name());
        List<Attr> fields = fields(set);
        JavaOut o = new JavaOut().header(pkg, specFile);
        for (String i : List.of("io.drbdctl.netlink.NlAttr", "io.drbdctl.netlink.NlAttrBuilder",
                "io.drbdctl.netlink.NlAttrs", "java.util.ArrayList", "java.util.List",
                "java.util.Objects", "java.util.Optional", "java.util.OptionalInt",
                "java.util.OptionalLong", "java.util.Set")) {
            o.line(0, "import " + i + ";");
        }
        o.blank().doc(0, (set.doc().isBlank() ? "" : set.doc() + "\n\n") + "Attribute set '"
                + set.name() + "' of family " + spec.name() + ".");
        List<String> comps = new ArrayList<>();
        for (Attr a : fields) {
            comps.add(type(a).component(a.multi()) + " " + Names.member(a.name()));
        }
        comps.add("List<NlAttr> unknownAttrs");
        comps.add("List<Integer> wireOrder");
        o.line(0, "public record " + cls + "(");
        for (int i = 0; i < comps.size(); i++) {
            o.line(2, comps.get(i) + (i == comps.size() - 1 ? ") implements AttributeSet {" : ","));
        }
        o.blank().line(1, "public static final String SET_NAME = " + Names.quote(set.name()) + ";");
        for (Attr a : set.attrs()) {
            o.line(1, "public static final int " + constant(a) + " = " + a.value() + ";");
        }
        new SetInfoEmitter(spec, naming).attrInfos(o, fields);
        constructor(o, cls, fields);
        o.blank().line(1, "public static Builder builder() {").line(2, "return new Builder();")
                .line(1, "}").blank();
        o.line(1, "public Builder toBuilder() {").line(2, "return new Builder(this);").line(1, "}");
        o.blank().line(1, "@Override").line(1, "public String setName() {")
                .line(2, "return SET_NAME;").line(1, "}");
        decode(o, cls, fields);
        encode(o, fields);
        new SetInfoEmitter(spec, naming).views(o, fields);
        equality(o, cls, fields);
        new BuilderEmitter(naming).emit(o, cls, fields);
        return o.line(0, "}").toString();
    }

    FieldType type(Attr a) {
        return FieldType.of(a, a.name());
    }

    private void constructor(JavaOut o, String cls, List<Attr> fields) {
        o.blank().line(1, "public " + cls + " {");
        for (Attr a : fields) {
            String m = Names.member(a.name());
            o.line(2, a.multi() ? m + " = List.copyOf(" + m + ");"
                    : "Objects.requireNonNull(" + m + ", " + Names.quote(m) + ");");
        }
        o.line(2, "unknownAttrs = List.copyOf(unknownAttrs);");
        o.line(2, "wireOrder = List.copyOf(wireOrder);");
        o.line(1, "}");
    }

    private void decode(JavaOut o, String cls, List<Attr> fields) {
        o.blank().doc(1, "Decodes a nest or message body. Never fails on unknown attributes: "
                + "they are kept raw in unknownAttrs; flag bits of the type are ignored.");
        o.line(1, "public static " + cls + " decode(NlAttrs attrs) {");
        o.line(2, "Builder b = new Builder();");
        o.line(2, "for (NlAttr a : attrs) {");
        o.line(3, "switch (a.type()) {");
        for (Attr a : fields) {
            String m = Names.member(a.name());
            String expr = type(a).decode();
            if (a.multi()) {
                o.line(4, "case " + constant(a) + " -> b.add" + Names.type(a.name()) + "(" + expr
                        + ");");
            } else {
                o.line(4, "case " + constant(a) + " -> {");
                o.line(5, "if (b." + m + " == null) {").line(6, "b." + m + "(" + expr + ");")
                        .line(5, "} else {").line(6, "b.order_.unknown(a);").line(5, "}");
                o.line(4, "}");
            }
        }
        o.line(4, "default -> b.order_.unknown(a);");
        o.line(3, "}").line(2, "}").line(2, "return b.build();").line(1, "}");
    }

    private void encode(JavaOut o, List<Attr> fields) {
        o.blank().line(1, "@Override")
                .line(1, "public void encode(NlAttrBuilder b, WireStyle style) {");
        o.line(2, "encodeFields(b, style, style == WireStyle.REQUEST);").line(1, "}");
        o.blank().line(1, "void encodeFields(NlAttrBuilder b, WireStyle style, "
                + "boolean mandatoryBits) {");
        o.line(2, "Codec.Out out = new Codec.Out();");
        for (Attr a : fields) {
            String m = Names.member(a.name());
            FieldType t = type(a);
            String mand = a.mandatory() ? "mandatoryBits" : "false";
            List<String> body = new ArrayList<>();
            if (t.isNest()) {
                String flag = a.bareNest() ? "style == WireStyle.REQUEST" : "true";
                String childMand = a.bareNest() ? "true" : "style == WireStyle.REQUEST";
                body.add("NlAttr n = Codec.nest(" + constant(a) + ", " + flag
                        + ", nb -> v.encodeFields(nb, style, " + childMand + "));");
                body.add("out.add(" + (a.mandatory() ? "mandatoryBits ? new NlAttr(n.rawType() "
                        + "| Codec.MANDATORY, n.payload()) : n" : "n") + ");");
            } else {
                if (!t.range().isEmpty()) {
                    body.add(t.range());
                }
                String add = "out.add(Codec.attr(" + constant(a) + ", " + mand + ", " + t.payload()
                        + "));";
                if (a.type().equals("flag")) {
                    body.add("if (v) {");
                    body.add("    " + add);
                    body.add("}");
                } else {
                    body.add(add);
                }
            }
            // plain if/get instead of ifPresent(lambda): a lambda per field links at the first
            // encode, a measurable cost in every short-lived tool process
            if (a.multi()) {
                o.line(2, "for (" + t.boxed() + " v : this." + m + ") {");
            } else {
                String get = switch (t.optional()) {
                    case "OptionalInt" -> "getAsInt()";
                    case "OptionalLong" -> "getAsLong()";
                    default -> "get()";
                };
                o.line(2, "if (this." + m + ".isPresent()) {");
                o.line(3, t.plain() + " v = this." + m + "." + get + ";");
            }
            body.forEach(l -> o.line(3, l));
            o.line(2, "}");
        }
        o.line(2, "out.addAll(this.unknownAttrs);").line(2, "out.emit(b, this.wireOrder);")
                .line(1, "}");
    }

    private void equality(JavaOut o, String cls, List<Attr> fields) {
        List<String> names = new ArrayList<>();
        fields.forEach(a -> names.add(Names.member(a.name())));
        names.add("unknownAttrs");
        o.blank().doc(1, "Value equality over the attributes; the wire order does not count.");
        o.line(1, "@Override").line(1, "public boolean equals(Object o) {");
        o.line(2, "if (!(o instanceof " + cls + " r)) {").line(3, "return false;").line(2, "}");
        StringBuilder e = new StringBuilder("return ");
        for (int i = 0; i < names.size(); i++) {
            e.append(i == 0 ? "" : "\n                && ").append("Objects.equals(this.")
                    .append(names.get(i)).append(", r.").append(names.get(i)).append(")");
        }
        for (String l : e.append(";").toString().split("\n")) {
            o.line(2, l.strip().startsWith("&&") ? "        " + l.strip() : l);
        }
        o.line(1, "}").blank().line(1, "@Override").line(1, "public int hashCode() {");
        o.line(2, "return Objects.hash(" + String.join(", ", names) + ");").line(1, "}");
    }
}
