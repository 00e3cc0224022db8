package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.EnumDef;
import io.drbdctl.genl.codegen.Model.Entry;
import io.drbdctl.genl.codegen.Model.Member;
import io.drbdctl.genl.codegen.Model.StructDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses enum, flags and struct definitions. */
final class Definitions {
    private static final Set<String> MEMBER_TYPES = Set.of("u8", "u16", "u32", "u64", "s8",
            "s16", "s32", "s64", "string", "binary");

    private Definitions() {
    }

    static EnumDef enumDef(Node d, boolean flags) {
        long start = 0;
        if (d.opt("value-start").isPresent()) {
            Node vs = d.req("value-start");
            if (!vs.isInt()) {
                throw vs.error("value-start must be an integer");
            }
            start = vs.integer();
        }
        List<Entry> entries = new ArrayList<>();
        List<Node> where = new ArrayList<>();
        Long prev = null;
        for (Node e : d.req("entries").items()) {
            String name = e.isMap() ? e.str("name") : e.text();
            long v;
            if (e.isMap() && e.opt("value").isPresent()) {
                v = e.req("value").integer();
            } else {
                v = prev == null ? start : prev + 1;
            }
            prev = v;
            if (flags && (v < 0 || v > 63)) {
                throw e.error("flags entry bit number " + v + " is outside 0..63");
            }
            entries.add(new Entry(name, flags ? 1L << v : v, SpecParser.doc(e)));
            where.add(e);
        }
        SpecParser.unique(entries.stream().map(Entry::name).toList(), where, "entry");
        SpecParser.unique(entries.stream().map(x -> Names.constant(x.name())).toList(), where,
                "Java constant for entry");
        SpecParser.unique(entries.stream().map(x -> Long.toString(x.value())).toList(), where,
                "entry value");
        return new EnumDef(d.str("name"), flags, entries, SpecParser.doc(d));
    }

    static StructDef structDef(Node d) {
        List<Member> members = new ArrayList<>();
        for (Node m : d.req("members").items()) {
            String type = m.str("type");
            if (!MEMBER_TYPES.contains(type)) {
                throw m.req("type").error("unsupported struct member type '" + type + "'");
            }
            if (m.opt("struct").isPresent()) {
                throw m.req("struct").error("nested structs in struct members are not supported");
            }
            int len = 0;
            if (type.equals("string") || type.equals("binary")) {
                Node l = m.opt("len")
                        .orElseThrow(() -> m.error("string/binary member needs 'len'"));
                len = (int) l.integer();
            }
            boolean be = m.optStr("byte-order").map("big-endian"::equals).orElse(false);
            members.add(new Member(m.str("name"), type, len, be, SpecParser.doc(m)));
        }
        return new StructDef(d.str("name"), members, SpecParser.doc(d));
    }
}
