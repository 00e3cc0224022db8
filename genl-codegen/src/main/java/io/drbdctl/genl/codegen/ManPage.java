package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.Attr;
import io.drbdctl.genl.codegen.Model.AttrSet;
import io.drbdctl.genl.codegen.Model.ConstDef;
import io.drbdctl.genl.codegen.Model.EnumDef;
import io.drbdctl.genl.codegen.Model.Entry;
import io.drbdctl.genl.codegen.Model.Op;
import io.drbdctl.genl.codegen.Model.OpPart;
import io.drbdctl.genl.codegen.Model.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A section-7 man page for user-space authors of a family, written from its spec alone:
 * constants, enums, attribute sets, operations, notifications. {@code main(SPEC, OUT)}
 * writes it; the family's module keeps the committed page equal to the generated one.
 */
public final class ManPage {
    private final Spec spec;
    private final String specFile;
    private final StringBuilder b = new StringBuilder();

    private ManPage(Spec spec, String specFile) {
        this.spec = spec;
        this.specFile = specFile;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ManPage SPEC OUT");
        }
        Files.writeString(Path.of(args[1]), render(Path.of(args[0])), StandardCharsets.UTF_8);
    }

    /** The page for the spec at {@code specPath}, named by its file (e.g. "genl-drbd2/drbd2.yaml"). */
    public static String render(Path specPath) {
        Spec spec = new SpecParser(new GenOptions("unused", false)).parse(SpecLoader.load(specPath, w -> { }));
        Path parent = specPath.toAbsolutePath().getParent();
        String file = (parent == null ? "" : parent.getFileName() + "/") + specPath.getFileName();
        return new ManPage(spec, file).page();
    }

    private String page() {
        String up = spec.name().toUpperCase(Locale.ROOT);
        line(".\\\" Generated from " + specFile + " by genl-codegen's ManPage. Do not edit.");
        line(".TH " + up + " 7 \"\" \"drbdctl\" \"Generic netlink families\"");
        line(".SH NAME");
        line(spec.name() + " \\- the " + spec.name() + " generic netlink family");
        line(".SH SYNOPSIS");
        line("Family name \\fB" + spec.name() + "\\fR, protocol " + spec.protocol() + ", version "
                + spec.version() + (spec.fixedHeader().isPresent() ? ", with a fixed header" : ", no fixed header")
                + ". Multicast group" + (spec.mcastGroups().size() == 1 ? " " : "s ")
                + String.join(", ", spec.mcastGroups().stream().map(g -> "\\fB" + g + "\\fR").toList()) + ".");
        line(".SH DESCRIPTION");
        text(spec.doc());
        line(".PP");
        text("Resolve the family id with nlctrl (CTRL_CMD_GETFAMILY). Attribute and command numbers "
                + "start at 1; new ones are only appended. Requests are validated strictly: an unknown "
                + "attribute, a wrong type or length, or a value outside its range fails the request. "
                + "Errors are a negative errno in NLMSG_ERROR with an extended ack message naming the "
                + "attribute (request NETLINK_EXT_ACK). Operations marked admin need CAP_NET_ADMIN.");
        if (!spec.consts().isEmpty()) {
            line(".SH CONSTANTS");
            for (ConstDef c : spec.consts()) {
                item(c.name() + " = " + (c.text() != null ? c.text() : Long.toString(c.value())), c.doc());
            }
        }
        if (!spec.enums().isEmpty()) {
            line(".SH ENUMERATIONS");
            for (EnumDef e : spec.enums()) {
                line(".SS " + esc(e.name()) + (e.flags() ? " (flags)" : ""));
                text(e.doc());
                for (Entry en : e.entries()) {
                    item(en.name() + " = " + (e.flags() ? "0x" + Long.toHexString(en.value()) : en.value()), en.doc());
                }
            }
        }
        line(".SH ATTRIBUTE SETS");
        for (AttrSet s : spec.sets()) {
            line(".SS " + esc(s.name()));
            text(s.doc());
            for (Attr a : s.attrs()) {
                item(a.value() + " " + a.name() + " (" + type(a) + ")", a.doc());
            }
        }
        line(".SH OPERATIONS");
        for (Op op : spec.ops()) {
            if (op.notification()) {
                continue;
            }
            line(".SS " + op.value() + " " + esc(op.name()) + (op.adminPerm() || op.unsAdminPerm() ? " (admin)" : ""));
            text(op.doc());
            part("do", op.doPart(), op);
            part("dump", op.dumpPart(), op);
        }
        List<Op> notes = spec.ops().stream().filter(Op::notification).toList();
        if (!notes.isEmpty()) {
            line(".SH NOTIFICATIONS");
            for (Op op : notes) {
                line(".SS " + op.value() + " " + esc(op.name()) + op.mcgrp().map(g -> " (group " + g + ")").orElse(""));
                text(op.doc());
                op.event().ifPresent(attrs -> line(esc("Attributes: " + String.join(", ", attrs) + ".")));
                op.notifyOp().ifPresent(n -> line("Carries the reply attributes of \\fB" + esc(n) + "\\fR."));
            }
        }
        line(".SH EXAMPLES");
        line("With the kernel's YNL command line client (tools/net/ynl):");
        line(".PP");
        line(".nf");
        line("ynl \\-\\-spec " + specFile + " \\-\\-dump " + firstDump().orElse("OP"));
        line("ynl \\-\\-spec " + specFile + " \\-\\-subscribe " + spec.mcastGroups().stream().findFirst().orElse("GROUP")
                + " \\-\\-sleep 10");
        line(".fi");
        line(".SH FILES");
        line(esc(specFile) + " (the specification this page is generated from)");
        line(".SH SEE ALSO");
        line(".BR drbdsetup (8),");
        line(".BR genetlink (7)");
        return b.toString();
    }

    private Optional<String> firstDump() {
        return spec.ops().stream().filter(o -> o.dumpPart().isPresent()).map(Op::name).findFirst();
    }

    private void part(String kind, Optional<OpPart> p, Op op) {
        if (p.isEmpty()) {
            return;
        }
        String req = p.get().request().map(l -> String.join(", ", l)).orElse("none");
        String rep = p.get().reply().map(l -> l.isEmpty() ? "none" : String.join(", ", l)).orElse("none");
        item(kind, "request: " + req + "; reply: " + rep + op.attrSet().map(s -> " (set " + s + ")").orElse(""));
    }

    private static String type(Attr a) {
        StringBuilder t = new StringBuilder(a.type());
        a.nested().ifPresent(n -> t.append(", nest ").append(n));
        a.enumName().ifPresent(n -> t.append(", enum ").append(n));
        if (a.multi()) {
            t.append(", multi");
        }
        return t.toString();
    }

    private void item(String tag, String doc) {
        line(".TP");
        line(".B " + esc(tag));
        text(doc == null || doc.isBlank() ? "\\&" : doc);
    }

    private void text(String s) {
        if (s == null || s.isBlank()) {
            return;
        }
        for (String l : s.strip().split("\n")) {
            String t = l.strip();
            if (t.isEmpty()) {
                line(".PP");
            } else {
                line(t.startsWith(".") || t.startsWith("'") ? "\\&" + esc(t) : esc(t));
            }
        }
    }

    private static String esc(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-");
    }

    private void line(String s) {
        b.append(s).append('\n');
    }
}
