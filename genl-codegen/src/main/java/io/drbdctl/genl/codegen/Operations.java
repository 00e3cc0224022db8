package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.AttrSet;
import io.drbdctl.genl.codegen.Model.Op;
import io.drbdctl.genl.codegen.Model.OpPart;
import io.drbdctl.genl.codegen.Model.StructDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses {@code operations} (unified enum model) and {@code mcast-groups}. */
final class Operations {
    private final List<Op> ops = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private final Optional<StructDef> fixedHeader;

    Operations(Node root, List<AttrSet> sets, List<StructDef> structs, boolean legacy) {
        for (Node g : root.opt("mcast-groups").map(n -> n.req("list").items()).orElse(List.of())) {
            groups.add(g.str("name"));
        }
        Optional<Node> opsNode = root.opt("operations");
        Optional<String> fixed = opsNode.flatMap(o -> o.optStr("fixed-header"));
        if (fixed.isPresent()) {
            SpecParser.requireLegacy(legacy, opsNode.get().req("fixed-header"), "fixed headers");
            fixedHeader = Optional.of(structs.stream().filter(s -> s.name().equals(fixed.get()))
                    .findFirst().orElseThrow(() -> opsNode.get().req("fixed-header")
                            .error("no struct definition '" + fixed.get() + "'")));
        } else {
            fixedHeader = Optional.empty();
        }
        if (opsNode.isEmpty()) {
            return;
        }
        String model = opsNode.get().optStr("enum-model").orElse("unified");
        if (!model.equals("unified")) {
            throw opsNode.get().req("enum-model").error("enum-model '" + model
                    + "' is not supported (only unified)");
        }
        List<Node> list = opsNode.get().req("list").items();
        int next = 1;
        for (Node o : list) {
            if (o.opt("value").isPresent()) {
                next = (int) o.req("value").integer();
            }
            ops.add(op(o, next++, sets, fixed));
        }
        SpecParser.unique(ops.stream().map(Op::name).toList(), list, "operation");
        SpecParser.unique(ops.stream().map(x -> Names.constant(x.name())).toList(), list,
                "Java constant for operation");
        SpecParser.unique(ops.stream().map(x -> Integer.toString(x.value())).toList(), list,
                "operation value");
        for (int i = 0; i < ops.size(); i++) {
            resolve(ops.get(i), list.get(i), sets);
        }
    }

    List<Op> ops() {
        return ops;
    }

    List<String> mcastGroups() {
        return groups;
    }

    Optional<StructDef> fixedHeader() {
        return fixedHeader;
    }

    private Op op(Node o, int value, List<AttrSet> sets, Optional<String> fixed) {
        if (value < 0 || value > 255) {
            throw o.error("command value " + value + " is outside 0..255");
        }
        Optional<String> ownFixed = o.optStr("fixed-header");
        if (ownFixed.isPresent() && !ownFixed.equals(fixed)) {
            throw o.req("fixed-header").error("per-operation fixed headers are not supported");
        }
        List<String> flags = o.opt("flags").map(Node::strings).orElse(List.of());
        Optional<List<String>> event = o.opt("event").map(e -> e.opt("attributes")
                .map(Node::strings).orElse(List.of()));
        String doc = SpecParser.doc(o);
        return new Op(o.str("name"), value, doc, o.optStr("attribute-set"),
                flags.contains("admin-perm"), flags.contains("uns-admin-perm"),
                o.opt("do").map(Operations::part), o.opt("dump").map(Operations::part), event,
                o.optStr("notify"), o.optStr("mcgrp"), DocTags.parse(doc, o));
    }

    private static OpPart part(Node p) {
        return new OpPart(p.opt("request").map(Operations::names),
                p.opt("reply").map(Operations::names));
    }

    private static List<String> names(Node msg) {
        if (msg.opt("value").isPresent()) {
            throw msg.req("value").error("directional message values are not supported");
        }
        return msg.opt("attributes").map(Node::strings).orElse(List.of());
    }

    private void resolve(Op op, Node o, List<AttrSet> sets) {
        if (op.mcgrp().isPresent() && !groups.contains(op.mcgrp().get())) {
            throw o.req("mcgrp").error("no multicast group '" + op.mcgrp().get() + "'");
        }
        if (op.notifyOp().isPresent()) {
            Op target = SpecParser.find(ops, op.notifyOp().get()).orElseThrow(() ->
                    o.req("notify").error("no operation '" + op.notifyOp().get() + "'"));
            if (target.attrSet().isEmpty() || target.doPart().flatMap(OpPart::reply).isEmpty()
                    && target.dumpPart().flatMap(OpPart::reply).isEmpty()) {
                throw o.req("notify").error("'" + target.name() + "' has no reply to notify with");
            }
            return;
        }
        if (op.attrSet().isEmpty()) {
            if (op.doPart().isPresent() || op.dumpPart().isPresent() || op.event().isPresent()) {
                throw o.error("operation with messages needs 'attribute-set'");
            }
            return;
        }
        AttrSet set = SpecParser.findSet(sets, op.attrSet().get()).orElseThrow(() ->
                o.req("attribute-set").error("no attribute set '" + op.attrSet().get() + "'"));
        for (String part : List.of("do", "dump")) {
            for (String dir : List.of("request", "reply")) {
                Optional<Node> msg = o.opt(part).flatMap(p -> p.opt(dir));
                if (msg.isPresent()) {
                    checkNames(msg.get().opt("attributes"), set);
                }
            }
        }
        checkNames(o.opt("event").flatMap(e -> e.opt("attributes")), set);
    }

    private static void checkNames(Optional<Node> list, AttrSet set) {
        if (list.isEmpty()) {
            return;
        }
        for (Node n : list.get().items()) {
            if (set.attr(n.text()).isEmpty()) {
                throw n.error("attribute '" + n.text() + "' is not in set '" + set.name() + "'");
            }
        }
    }
}
