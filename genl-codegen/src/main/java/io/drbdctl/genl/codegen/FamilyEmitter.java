package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.Spec;
import java.util.stream.Collectors;

/** The family descriptor: name, protocol, genl version, fixed header size, groups. */
final class FamilyEmitter {
    private final Spec spec;
    private final Naming naming;
    private final String specFile;

    FamilyEmitter(Spec spec, Naming naming, String specFile) {
        this.spec = spec;
        this.naming = naming;
        this.specFile = specFile;
    }

    String emit(String pkg) {
        String cls = naming.family();
        JavaOut o = new JavaOut().header(pkg, specFile);
        o.line(0, "import io.drbdctl.netlink.GenlMessage;").line(0, "import java.util.List;")
                .line(0, "import java.util.Optional;").blank();
        o.doc(0, spec.doc().isBlank() ? "Generic netlink family " + spec.name() + "."
                : spec.doc());
        o.line(0, "public final class " + cls + " {");
        o.line(1, "/** The family name to resolve through nlctrl. */");
        o.line(1, "public static final String NAME = " + Names.quote(spec.name()) + ";");
        o.line(1, "/** The YNL protocol level of the spec. */");
        o.line(1, "public static final String PROTOCOL = " + Names.quote(spec.protocol()) + ";");
        o.line(1, "/** genlmsghdr.version of requests. */");
        o.line(1, "public static final int VERSION = " + spec.version() + ";");
        o.line(1, "/** Size of the fixed header after genlmsghdr (0: none). */");
        o.line(1, "public static final int HDRSIZE = " + spec.fixedHeader().map(s -> s.size())
                .orElse(0) + ";");
        o.line(1, "/** Multicast group names. */");
        o.line(1, "public static final List<String> MCAST_GROUPS = List.of(" + spec.mcastGroups()
                .stream().map(Names::quote).collect(Collectors.joining(", ")) + ");");
        for (String g : spec.mcastGroups()) {
            o.line(1, "public static final String MCGRP_" + Names.constant(g).replaceFirst("^_", "")
                    + " = " + Names.quote(g) + ";");
        }
        o.blank().line(1, "private " + cls + "() {").line(1, "}");
        o.blank().line(1, "/** The operation of a received message, if the spec knows it. */");
        o.line(1, "public static Optional<" + naming.op() + "> op(GenlMessage m) {");
        o.line(2, "return " + naming.op() + ".fromValue(m.cmd());").line(1, "}");
        spec.fixedHeader().ifPresent(s -> {
            String sc = naming.def(s.name());
            o.blank().line(1, "/** The fixed header of a received message. */");
            o.line(1, "public static " + sc + " fixedHeader(GenlMessage m) {");
            o.line(2, "return " + sc + ".decode(m.familyHeader());").line(1, "}");
        });
        return o.line(0, "}").toString();
    }
}
