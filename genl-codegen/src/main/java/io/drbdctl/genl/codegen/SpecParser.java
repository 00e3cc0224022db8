package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.AttrSet;
import io.drbdctl.genl.codegen.Model.ConstDef;
import io.drbdctl.genl.codegen.Model.EnumDef;
import io.drbdctl.genl.codegen.Model.Op;
import io.drbdctl.genl.codegen.Model.Spec;
import io.drbdctl.genl.codegen.Model.StructDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the YAML tree into a {@link Spec}: numbering as the kernel's YNL tools do (attributes
 * and commands from 1, enums from value-start or 0, flags as bit numbers), every reference
 * resolved, and everything the Java codec cannot represent rejected with file, line and path.
 * Kernel-only keys (checks, pre/post hooks, config-cond, C naming knobs) are ignored.
 */
final class SpecParser {
    static final Set<String> PROTOCOLS = Set.of("genetlink", "genetlink-c", "genetlink-legacy");

    private final GenOptions options;

    SpecParser(GenOptions options) {
        this.options = options;
    }

    Spec parse(Node root) {
        String protocol = root.optStr("protocol").orElse("genetlink"); // the YNL default
        if (!PROTOCOLS.contains(protocol)) {
            throw root.req("protocol").error("unsupported protocol '" + protocol
                    + "' (supported: genetlink, genetlink-c, genetlink-legacy)");
        }
        boolean legacy = protocol.equals("genetlink-legacy");
        String name = root.str("name");
        int version = 1;
        if (root.opt("version").isPresent()) {
            if (!legacy) {
                throw root.req("version").error("'version' needs protocol genetlink-legacy");
            }
            version = (int) root.req("version").integer();
        }
        List<ConstDef> consts = new ArrayList<>();
        List<EnumDef> enums = new ArrayList<>();
        List<StructDef> structs = new ArrayList<>();
        Map<String, Node> defNodes = new HashMap<>();
        for (Node d : root.opt("definitions").map(Node::items).orElse(List.of())) {
            String dn = d.str("name");
            if (defNodes.put(dn, d) != null) {
                throw d.error("duplicate definition '" + dn + "'");
            }
            String type = d.str("type");
            switch (type) {
                case "const" -> consts.add(constDef(d, dn));
                case "enum", "flags" -> enums.add(Definitions.enumDef(d, type.equals("flags")));
                case "struct" -> {
                    requireLegacy(legacy, d, "struct definitions");
                    structs.add(Definitions.structDef(d));
                }
                default -> throw d.req("type").error("unsupported definition type '" + type + "'");
            }
        }
        AttributeSets sets = new AttributeSets(root, legacy, enums, structs,
                consts.stream().filter(c -> c.text() == null).map(ConstDef::name)
                        .collect(Collectors.toSet()),
                options);
        Operations ops = new Operations(root, sets.sets(), structs, legacy);
        return new Spec(name, protocol, version, root.optStr("doc").orElse(""), consts, enums,
                structs, sets.sets(), ops.ops(), ops.mcastGroups(), ops.fixedHeader());
    }

    static void requireLegacy(boolean legacy, Node where, String what) {
        if (!legacy) {
            throw where.error(what + " need protocol genetlink-legacy");
        }
    }

    static String doc(Node n) {
        return n.isMap() ? n.optStr("doc").orElse("").strip() : "";
    }

    /** An integer const, or one whose value is C text (kept as text). */
    private static ConstDef constDef(Node d, String name) {
        Node v = d.req("value");
        return v.isInt() ? new ConstDef(name, v.integer(), null, doc(d))
                : new ConstDef(name, 0, v.text(), doc(d));
    }

    /** Fails when {@code names} holds a name twice. */
    static void unique(List<String> names, List<Node> where, String what) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (seen.put(names.get(i), i) != null) {
                throw where.get(i).error("duplicate " + what + " '" + names.get(i) + "'");
            }
        }
    }

    static Optional<Op> find(List<Op> ops, String name) {
        return ops.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    static Optional<AttrSet> findSet(List<AttrSet> sets, String name) {
        return sets.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
