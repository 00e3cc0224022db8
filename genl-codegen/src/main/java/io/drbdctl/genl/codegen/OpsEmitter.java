package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.AttrSet;
import io.drbdctl.genl.codegen.Model.Op;
import io.drbdctl.genl.codegen.Model.OpPart;
import io.drbdctl.genl.codegen.Model.Spec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The command enum: one constant per operation with its descriptor and request factory. */
final class OpsEmitter {
    private final Spec spec;
    private final Naming naming;
    private final String specFile;

    OpsEmitter(Spec spec, Naming naming, String specFile) {
        this.spec = spec;
        this.naming = naming;
        this.specFile = specFile;
    }

    String emit(String pkg) {
        String cls = naming.op();
        JavaOut o = new JavaOut().header(pkg, specFile);
        for (String i : List.of("io.drbdctl.netlink.GenlRequest", "io.drbdctl.netlink.NlAttr",
                "io.drbdctl.netlink.NlAttrBuilder", "io.drbdctl.netlink.NlAttrs",
                "java.util.List", "java.util.Map", "java.util.Optional")) {
            o.line(0, "import " + i + ";");
        }
        o.blank().doc(0, "The operations (commands) of family " + spec.name()
                + ": numbers, do/dump, request and reply attributes, permissions, "
                + "notifications. Attribute lists are attribute numbers of attributeSet().");
        o.line(0, "public enum " + cls + " {");
        List<Op> ops = spec.ops();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            o.doc(1, op.doc());
            o.line(1, constant(op) + "(" + args(op) + ")" + (i == ops.size() - 1 ? ";" : ","));
        }
        if (ops.isEmpty()) {
            o.line(1, ";");
        }
        new OpsBody(spec, naming).emit(o, cls);
        return o.line(0, "}").toString();
    }

    static String constant(Op op) {
        return Names.constant(op.name());
    }

    private String args(Op op) {
        Optional<Op> target = op.notifyOp().flatMap(n -> SpecParser.find(spec.ops(), n));
        Optional<String> setName = target.isPresent() ? target.get().attrSet() : op.attrSet();
        Optional<AttrSet> set = setName.map(spec::set);
        Optional<List<String>> notifyAttrs = target.flatMap(t -> t.doPart()
                .flatMap(OpPart::reply).or(() -> t.dumpPart().flatMap(OpPart::reply)));
        int flags = (op.adminPerm() ? 1 : 0) | (op.unsAdminPerm() ? 2 : 0);
        return String.join(", ", List.of(Integer.toString(op.value()), Names.quote(op.name()),
                setName.map(Names::quote).orElse("null"), Integer.toString(flags),
                list(set, op.doPart().map(p -> p.request().orElse(List.of()))),
                list(set, op.doPart().flatMap(OpPart::reply)),
                list(set, op.dumpPart().map(p -> p.request().orElse(List.of()))),
                list(set, op.dumpPart().flatMap(OpPart::reply)),
                list(set, op.event().or(() -> notifyAttrs)),
                op.notifyOp().map(Names::quote).orElse("null"),
                op.mcgrp().map(Names::quote).orElse("null"), tags(op.tags())));
    }

    private static String list(Optional<AttrSet> set, Optional<List<String>> names) {
        if (names.isEmpty()) {
            return "null";
        }
        return "List.of(" + names.get().stream()
                .map(n -> Integer.toString(set.orElseThrow().attr(n).orElseThrow().value()))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String tags(Map<String, String> tags) {
        return "Map.of(" + tags.entrySet().stream()
                .map(e -> Names.quote(e.getKey()) + ", " + Names.quote(e.getValue()))
                .collect(Collectors.joining(", ")) + ")";
    }
}
