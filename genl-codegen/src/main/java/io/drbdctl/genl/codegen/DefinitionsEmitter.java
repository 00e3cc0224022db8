package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.ConstDef;
import io.drbdctl.genl.codegen.Model.EnumDef;
import io.drbdctl.genl.codegen.Model.Entry;
import io.drbdctl.genl.codegen.Model.Member;
import io.drbdctl.genl.codegen.Model.Spec;
import io.drbdctl.genl.codegen.Model.StructDef;

/** Constants, enums (sparse and negative values allowed), flags and struct records. */
final class DefinitionsEmitter {
    private final Spec spec;
    private final Naming naming;
    private final String specFile;

    DefinitionsEmitter(Spec spec, Naming naming, String specFile) {
        this.spec = spec;
        this.naming = naming;
        this.specFile = specFile;
    }

    String constants(String pkg) {
        JavaOut o = new JavaOut().header(pkg, specFile);
        o.doc(0, "The const definitions of family " + spec.name() + ".");
        o.line(0, "public final class " + naming.constants() + " {");
        o.line(1, "private " + naming.constants() + "() {").line(1, "}");
        for (ConstDef c : spec.consts()) {
            o.blank().doc(1, c.doc());
            o.line(1, c.text() == null ? "public static final long " + Names.constant(c.name())
                    + " = " + c.value() + "L;" : "public static final String "
                    + Names.constant(c.name()) + " = " + Names.quote(c.text()) + ";");
        }
        return o.line(0, "}").toString();
    }

    String enumDef(EnumDef e, String pkg) {
        String cls = naming.def(e.name());
        JavaOut o = new JavaOut().header(pkg, specFile);
        o.line(0, "import java.util.EnumSet;").line(0, "import java.util.Optional;")
                .line(0, "import java.util.Set;").blank();
        o.doc(0, (e.doc().isBlank() ? "" : e.doc() + "\n\n") + (e.flags() ? "Flags" : "Enum")
                + " definition '" + e.name() + "'" + (e.flags() ? "; value() is the bit mask."
                : "."));
        o.line(0, "public enum " + cls + " {");
        for (int i = 0; i < e.entries().size(); i++) {
            Entry en = e.entries().get(i);
            o.doc(1, en.doc());
            o.line(1, Names.constant(en.name()) + "(" + en.value() + "L, " + Names.quote(en.name())
                    + ")" + (i == e.entries().size() - 1 ? ";" : ","));
        }
        if (e.entries().isEmpty()) {
            o.line(1, ";");
        }
        o.blank().line(1, "private final long value;").line(1, "private final String specName;");
        o.blank().line(1, cls + "(long value, String specName) {").line(2, "this.value = value;")
                .line(2, "this.specName = specName;").line(1, "}");
        o.blank().line(1, "public long value() {").line(2, "return value;").line(1, "}");
        o.blank().line(1, "public String specName() {").line(2, "return specName;").line(1, "}");
        o.blank().line(1, "public static Optional<" + cls + "> fromValue(long v) {");
        o.line(2, "for (" + cls + " e : values()) {").line(3, "if (e.value == v) {")
                .line(4, "return Optional.of(e);").line(3, "}").line(2, "}")
                .line(2, "return Optional.empty();").line(1, "}");
        o.blank().line(1, "public static Optional<" + cls + "> fromSpecName(String name) {");
        o.line(2, "for (" + cls + " e : values()) {").line(3, "if (e.specName.equals(name)) {")
                .line(4, "return Optional.of(e);").line(3, "}").line(2, "}")
                .line(2, "return Optional.empty();").line(1, "}");
        if (!e.flags() && bitEnum(e)) {
            o.blank().line(1, "/** Entries whose bit (1 << value) is set in {@code mask} "
                    + "(enum-as-flags). */");
            o.line(1, "public static Set<" + cls + "> fromBits(long mask) {");
            o.line(2, "Set<" + cls + "> out = EnumSet.noneOf(" + cls + ".class);");
            o.line(2, "for (" + cls + " e : values()) {")
                    .line(3, "if ((mask & (1L << e.value)) != 0) {")
                    .line(4, "out.add(e);").line(3, "}").line(2, "}").line(2, "return out;")
                    .line(1, "}");
        }
        if (e.flags()) {
            o.blank().line(1, "/** The known bits set in {@code mask}. */");
            o.line(1, "public static Set<" + cls + "> fromMask(long mask) {");
            o.line(2, "Set<" + cls + "> out = EnumSet.noneOf(" + cls + ".class);");
            o.line(2, "for (" + cls + " e : values()) {").line(3, "if ((mask & e.value) != 0) {")
                    .line(4, "out.add(e);").line(3, "}").line(2, "}").line(2, "return out;")
                    .line(1, "}");
            o.blank().line(1, "public static long toMask(Set<" + cls + "> flags) {");
            o.line(2, "long m = 0;").line(2, "for (" + cls + " e : flags) {")
                    .line(3, "m |= e.value;").line(2, "}").line(2, "return m;").line(1, "}");
        }
        return o.line(0, "}").toString();
    }

    String struct(StructDef s, String pkg) {
        String cls = naming.def(s.name());
        JavaOut o = new JavaOut().header(pkg, specFile);
        o.line(0, "import io.drbdctl.netlink.NetlinkProtocolException;")
                .line(0, "import java.nio.ByteBuffer;").line(0, "import java.nio.ByteOrder;")
                .line(0, "import java.nio.charset.StandardCharsets;")
                .line(0, "import java.util.Arrays;").blank();
        o.doc(0, (s.doc().isBlank() ? "" : s.doc() + "\n\n") + "Struct '" + s.name() + "', "
                + s.size() + " bytes, host byte order unless a member says otherwise.");
        StringBuilder comps = new StringBuilder();
        for (Member m : s.members()) {
            comps.append(comps.length() == 0 ? "" : ", ").append(javaType(m)).append(' ')
                    .append(Names.member(m.name()));
        }
        o.line(0, "public record " + cls + "(" + comps + ") {");
        o.line(1, "public static final int SIZE = " + s.size() + ";");
        o.blank().doc(1, "Reads the first SIZE bytes (a longer buffer is fine: padding).");
        o.line(1, "public static " + cls + " decode(byte[] bytes_) {");
        o.line(2, "if (bytes_.length < SIZE) {");
        o.line(3, "throw new NetlinkProtocolException(" + Names.quote(s.name()
                + " needs " + s.size() + " bytes, got ") + " + bytes_.length);").line(2, "}");
        o.line(2, "ByteBuffer buf_ = ByteBuffer.wrap(bytes_);");
        StringBuilder args = new StringBuilder();
        int off = 0;
        for (Member m : s.members()) {
            String v = Names.member(m.name());
            o.line(2, "buf_.order(" + order(m) + ");");
            o.line(2, javaType(m) + " " + v + " = " + read(m, off) + ";");
            args.append(args.length() == 0 ? "" : ", ").append(v);
            off += m.size();
        }
        o.line(2, "return new " + cls + "(" + args + ");").line(1, "}");
        o.blank().line(1, "public byte[] toBytes() {");
        o.line(2, "ByteBuffer buf_ = ByteBuffer.allocate(SIZE);");
        off = 0;
        for (Member m : s.members()) {
            o.line(2, "buf_.order(" + order(m) + ");");
            o.line(2, write(m, "this." + Names.member(m.name()), off));
            off += m.size();
        }
        o.line(2, "return buf_.array();").line(1, "}");
        return o.line(0, "}").toString();
    }

    /** An enum whose values can all be bit numbers (usable with enum-as-flags). */
    static boolean bitEnum(EnumDef e) {
        return e.entries().stream().allMatch(x -> x.value() >= 0 && x.value() < 64);
    }

    private static String order(Member m) {
        return m.bigEndian() ? "ByteOrder.BIG_ENDIAN" : "ByteOrder.nativeOrder()";
    }

    private static String javaType(Member m) {
        return switch (m.type()) {
            case "u8", "u16", "s8", "s16", "s32" -> "int";
            case "string" -> "String";
            case "binary" -> "Binary";
            default -> "long";
        };
    }

    private static String read(Member m, int off) {
        return switch (m.type()) {
            case "u8" -> "buf_.get(" + off + ") & 0xff";
            case "s8" -> "buf_.get(" + off + ")";
            case "u16" -> "buf_.getShort(" + off + ") & 0xffff";
            case "s16" -> "buf_.getShort(" + off + ")";
            case "u32" -> "buf_.getInt(" + off + ") & 0xffffffffL";
            case "s32" -> "buf_.getInt(" + off + ")";
            case "string" -> "new String(Arrays.copyOfRange(bytes_, " + off + ", " + (off + m.len())
                    + "), StandardCharsets.UTF_8).split(\"\\0\", -1)[0]";
            case "binary" -> "Binary.of(Arrays.copyOfRange(bytes_, " + off + ", "
                    + (off + m.len()) + "))";
            default -> "buf_.getLong(" + off + ")";
        };
    }

    private static String write(Member m, String v, int off) {
        return switch (m.type()) {
            case "u8", "s8" -> "buf_.put(" + off + ", (byte) " + v + ");";
            case "u16", "s16" -> "buf_.putShort(" + off + ", (short) " + v + ");";
            case "u32" -> "buf_.putInt(" + off + ", (int) " + v + ");";
            case "s32" -> "buf_.putInt(" + off + ", " + v + ");";
            case "string" -> "buf_.put(" + off + ", Arrays.copyOf(" + v
                    + ".getBytes(StandardCharsets.UTF_8), " + m.len() + "));";
            case "binary" -> "buf_.put(" + off + ", Arrays.copyOf(" + v + ".toArray(), " + m.len()
                    + "));";
            default -> "buf_.putLong(" + off + ", " + v + ");";
        };
    }
}
