package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.Spec;

/** Fields, accessors and request factories of the command enum. */
final class OpsBody {
    private final Spec spec;
    private final Naming naming;

    OpsBody(Spec spec, Naming naming) {
        this.spec = spec;
        this.naming = naming;
    }

    void emit(JavaOut o, String cls) {
        o.blank();
        String[][] fields = {
            {"int", "value"}, {"String", "specName"}, {"String", "attributeSet"}, {"int", "flags"},
            {"List<Integer>", "doRequest"}, {"List<Integer>", "doReply"},
            {"List<Integer>", "dumpRequest"}, {"List<Integer>", "dumpReply"},
            {"List<Integer>", "notification"}, {"String", "notifyOf"}, {"String", "mcastGroup"},
            {"Map<String, String>", "tags"}};
        StringBuilder params = new StringBuilder();
        for (String[] f : fields) {
            o.line(1, "private final " + f[0] + " " + f[1] + ";");
            params.append(params.length() == 0 ? "" : ", ").append(f[0]).append(' ').append(f[1]);
        }
        o.blank().line(1, cls + "(" + params + ") {");
        for (String[] f : fields) {
            o.line(2, "this." + f[1] + " = " + f[1] + ";");
        }
        o.line(1, "}");
        getter(o, "int", "value", "value", "The command number (genlmsghdr.cmd).");
        getter(o, "String", "specName", "specName", "The operation's name in the spec.");
        optional(o, "String", "attributeSet", "The attribute set of its messages.");
        getter(o, "boolean", "adminPerm", "(flags & 1) != 0", "Needs CAP_NET_ADMIN (admin-perm).");
        getter(o, "boolean", "unsAdminPerm", "(flags & 2) != 0", "uns-admin-perm.");
        getter(o, "boolean", "hasDo", "doRequest != null", "Has a do handler.");
        getter(o, "boolean", "hasDump", "dumpRequest != null", "Has a dump handler.");
        getter(o, "boolean", "isNotification", "notification != null",
                "A notification (event or notify), sent by the kernel to mcastGroup().");
        optional(o, "List<Integer>", "doRequest", "Attributes a do request may carry.");
        optional(o, "List<Integer>", "doReply", "Attributes of the do reply.");
        optional(o, "List<Integer>", "dumpRequest", "Attributes a dump request may carry.");
        optional(o, "List<Integer>", "dumpReply", "Attributes of each dump object.");
        optional(o, "List<Integer>", "notification", "Attributes of the notification.");
        optional(o, "String", "notifyOf", "The get operation whose reply a notify carries.");
        optional(o, "String", "mcastGroup", "The multicast group of a notification.");
        o.blank().line(1, "/** A {@code [drbd-*]} doc tag of the operation, e.g. drbd-scope. */");
        o.line(1, "public Optional<String> tag(String name) {")
                .line(2, "return Optional.ofNullable(tags.get(name));").line(1, "}");
        o.blank().line(1, "public static Optional<" + cls + "> fromValue(int cmd) {");
        o.line(2, "for (" + cls + " op : values()) {").line(3, "if (op.value == cmd) {")
                .line(4, "return Optional.of(op);").line(3, "}").line(2, "}")
                .line(2, "return Optional.empty();").line(1, "}");
        factories(o);
    }

    private static void getter(JavaOut o, String type, String name, String expr, String doc) {
        o.blank().doc(1, doc).line(1, "public " + type + " " + name + "() {")
                .line(2, "return " + expr + ";").line(1, "}");
    }

    private static void optional(JavaOut o, String type, String name, String doc) {
        getter(o, "Optional<" + type + ">", name + (name.equals("attributeSet")
                || name.equals("notifyOf") || name.equals("mcastGroup") ? "" : "Attrs"),
                "Optional.ofNullable(" + name + ")", doc);
    }

    private void factories(JavaOut o) {
        String hdr = spec.fixedHeader().map(s -> naming.def(s.name()) + " header, ").orElse("");
        String hdrBytes = spec.fixedHeader().isPresent() ? "header.toBytes()" : "new byte[0]";
        String family = naming.family();
        for (String kind : new String[] {"do", "dump"}) {
            o.blank().doc(1, "A " + kind + " request of this operation: checks that {@code attrs}"
                    + " is of attributeSet() and carries only attributes the " + kind
                    + " request allows; encodes them in their wire order (REQUEST style). Send "
                    + "it with GenlClient." + (kind.equals("do") ? "request" : "dump") + ".");
            o.line(1, "public GenlRequest " + kind + "Request(int familyId, " + hdr
                    + "AttributeSet attrs) {");
            o.line(2, "return request(familyId, " + hdrBytes + ", attrs, " + kind + "Request, "
                    + Names.quote(kind) + ");").line(1, "}");
        }
        o.blank().line(1, "private GenlRequest request(int familyId, byte[] header, "
                + "AttributeSet attrs,");
        o.line(3, "List<Integer> allowed, String kind) {");
        o.line(2, "if (allowed == null) {");
        o.line(3, "throw new IllegalStateException(specName + \" has no \" + kind);").line(2, "}");
        o.line(2, "if (!attrs.setName().equals(attributeSet)) {");
        o.line(3, "throw new IllegalArgumentException(specName + \" takes attribute set \" + "
                + "attributeSet + \", not \" + attrs.setName());").line(2, "}");
        o.line(2, "NlAttrBuilder b = new NlAttrBuilder();").line(2, "attrs.encode(b);");
        o.line(2, "byte[] bytes = b.build();");
        o.line(2, "for (NlAttr a : NlAttrs.decode(bytes)) {");
        o.line(3, "if (!allowed.contains(a.type())) {");
        o.line(4, "throw new IllegalArgumentException(specName + \" \" + kind + \" request: "
                + "attribute \" + a.type() + \" not allowed\");").line(3, "}").line(2, "}");
        o.line(2, "return new GenlRequest(familyId, value, " + family + ".VERSION, header, bytes, "
                + family + ".HDRSIZE);").line(1, "}");
    }
}
