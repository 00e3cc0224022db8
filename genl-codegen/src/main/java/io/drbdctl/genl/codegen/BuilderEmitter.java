package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.Attr;
import java.util.List;

/**
 * The nested Builder of a set record. Setters remember the order they are first called in,
 * which becomes the record's wireOrder: fields go on the wire in the caller's order.
 */
final class BuilderEmitter {
    private final Naming naming;

    BuilderEmitter(Naming naming) {
        this.naming = naming;
    }

    void emit(JavaOut o, String cls, List<Attr> fields) {
        o.blank().doc(1, "Builds a " + cls + "; attributes are encoded in the order their "
                + "setters are first called (or as given to wireOrder).");
        o.line(1, "public static final class Builder {");
        o.line(2, "final Codec.Order order_ = new Codec.Order();");
        for (Attr a : fields) {
            FieldType t = FieldType.of(a, a.name());
            String m = Names.member(a.name());
            o.line(2, a.multi() ? "final List<" + t.boxed() + "> " + m + " = new ArrayList<>();"
                    : t.boxed() + " " + m + ";");
        }
        o.blank().line(2, "Builder() {").line(2, "}").blank();
        o.line(2, "Builder(" + cls + " r) {");
        for (Attr a : fields) {
            FieldType t = FieldType.of(a, a.name());
            String m = Names.member(a.name());
            o.line(3, a.multi() ? "this." + m + ".addAll(r." + m + ");"
                    : "this." + m + " = " + t.unwrap("r." + m) + ";");
        }
        o.line(3, "order_.init(r.wireOrder, r.unknownAttrs);").line(2, "}");
        for (Attr a : fields) {
            setters(o, a);
        }
        o.blank().doc(2, "Encode in exactly this order of attribute numbers (others follow in "
                + "spec order); turns off the setter-order bookkeeping.");
        o.line(2, "public Builder wireOrder(List<Integer> types) {").line(3, "order_.set(types);")
                .line(3, "return this;").line(2, "}");
        o.blank().line(2, "/** Adds an attribute the spec does not know, sent as-is. */");
        o.line(2, "public Builder unknownAttr(NlAttr a) {").line(3, "order_.unknown(a);")
                .line(3, "return this;").line(2, "}");
        o.blank().line(2, "public " + cls + " build() {");
        StringBuilder args = new StringBuilder();
        for (Attr a : fields) {
            FieldType t = FieldType.of(a, a.name());
            String m = Names.member(a.name());
            args.append(a.multi() ? "this." + m : t.wrap("this." + m)).append(",\n");
        }
        args.append("order_.unknown, order_.order);");
        o.line(3, "return new " + cls + "(");
        for (String l : args.toString().split("\n")) {
            o.line(5, l);
        }
        o.line(2, "}").line(1, "}");
    }

    /** The setter argument: reference types are null-checked. */
    private static String checked(FieldType t) {
        return t.plain().equals(t.boxed()) ? "Objects.requireNonNull(v)" : "v";
    }

    private void setters(JavaOut o, Attr a) {
        FieldType t = FieldType.of(a, a.name());
        String m = Names.member(a.name());
        String c = SetEmitter.constant(a);
        o.blank();
        if (a.multi()) {
            String add = "add" + Names.type(a.name());
            o.line(2, "public Builder " + add + "(" + t.plain() + " v) {");
            o.line(3, "this." + m + ".add(" + checked(t) + ");");
            o.line(3, "order_.repeat(" + c + ");").line(3, "return this;").line(2, "}");
            return;
        }
        o.line(2, "public Builder " + m + "(" + t.plain() + " v) {");
        o.line(3, "this." + m + " = " + checked(t) + ";").line(3, "order_.touch(" + c + ");")
                .line(3, "return this;").line(2, "}");
        o.blank().line(2, "/** Makes " + m + " absent again. */");
        o.line(2, "public Builder clear" + Names.type(a.name()) + "() {")
                .line(3, "this." + m + " = null;")
                .line(3, "return this;").line(2, "}");
        if (a.enumName().isPresent() && !a.enumAsFlags() && !t.plain().equals("boolean")) {
            String ec = naming.def(a.enumName().get());
            o.blank().line(2, "public Builder " + m + "(" + ec + " v) {");
            o.line(3, "return " + m + "(" + (t.plain().equals("int") ? "(int) " : "")
                    + "v.value());").line(2, "}");
        }
    }
}
