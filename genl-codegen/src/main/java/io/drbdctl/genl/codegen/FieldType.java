package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.Attr;

/**
 * How one attribute looks in Java: the record component type, the builder's boxed field
 * type, and the expressions that read it from an NlAttr {@code a} and write a value
 * {@code v} as payload bytes.
 */
record FieldType(String optional, String boxed, String plain, String decode, String payload,
                 String range) {

    static FieldType of(Attr a, String field) {
        String be = Boolean.toString(a.bigEndian());
        String f = Names.quote(field);
        if (a.bool()) {
            return new FieldType("Optional<Boolean>", "Boolean", "boolean",
                    "Codec.bool(a, " + f + ")", "Codec.num(v ? 1 : 0, 1, false)", "");
        }
        return switch (a.type()) {
            case "u8", "u16", "s8", "s16", "s32" -> {
                int size = size(a.type());
                boolean signed = a.type().startsWith("s");
                String min = signed ? Long.toString(-(1L << (size * 8 - 1))) : "0";
                String max = Long.toString(signed ? (1L << (size * 8 - 1)) - 1
                        : (1L << (size * 8)) - 1);
                yield new FieldType("OptionalInt", "Integer", "int",
                        "(int) Codec." + (signed ? "signed" : "unsigned") + "(a, " + size + ", "
                                + be + ", " + f + ")",
                        "Codec.num(v, " + size + ", " + be + ")",
                        size == 4 ? "" : "Codec.checkRange(v, " + min + ", " + max + ", " + f
                                + ");");
            }
            case "u32" -> new FieldType("OptionalLong", "Long", "long",
                    "Codec.unsigned(a, 4, " + be + ", " + f + ")", "Codec.num(v, 4, " + be + ")",
                    "Codec.checkRange(v, 0, 0xffffffffL, " + f + ");");
            case "u64", "s64" -> new FieldType("OptionalLong", "Long", "long",
                    "Codec." + (a.type().equals("u64") ? "unsigned" : "signed") + "(a, 8, " + be
                            + ", " + f + ")", "Codec.num(v, 8, " + be + ")", "");
            case "uint", "sint" -> new FieldType("OptionalLong", "Long", "long",
                    "Codec.variable(a, " + a.type().equals("sint") + ", " + be + ", " + f + ")",
                    "Codec.variableNum(v, " + a.type().equals("sint") + ", " + be + ")", "");
            case "flag" -> new FieldType("Optional<Boolean>", "Boolean", "boolean", "true",
                    "new byte[0]", "");
            case "string" -> new FieldType("Optional<String>", "String", "String",
                    "Codec.string(a)", "Codec.stringBytes(v)", "");
            case "binary" -> new FieldType("Optional<Binary>", "Binary", "Binary",
                    "Binary.of(a.payload())", "v.toArray()", "");
            case "nest" -> {
                String t = Names.type(a.nested().orElseThrow());
                yield new FieldType("Optional<" + t + ">", t, t, t + ".decode(a.asNested())",
                        "", "");
            }
            default -> throw new IllegalStateException("type " + a.type());
        };
    }

    static int size(String type) {
        return switch (type) {
            case "u8", "s8" -> 1;
            case "u16", "s16" -> 2;
            case "u32", "s32" -> 4;
            default -> 8;
        };
    }

    boolean isNest() {
        return payload.isEmpty();
    }

    /** The record component type: a List for multi-attr. */
    String component(boolean multi) {
        return multi ? "List<" + boxed + ">" : optional;
    }

    /** Optional wrapping of a nullable boxed builder field. */
    String wrap(String expr) {
        return switch (optional) {
            case "OptionalInt" -> expr + " == null ? OptionalInt.empty() : OptionalInt.of(" + expr
                    + ")";
            case "OptionalLong" -> expr + " == null ? OptionalLong.empty() : OptionalLong.of("
                    + expr + ")";
            default -> "Optional.ofNullable(" + expr + ")";
        };
    }

    /** Nullable boxed value of a component. */
    String unwrap(String expr) {
        return switch (optional) {
            case "OptionalInt" -> expr + ".isPresent() ? Integer.valueOf(" + expr
                    + ".getAsInt()) : null";
            case "OptionalLong" -> expr + ".isPresent() ? Long.valueOf(" + expr
                    + ".getAsLong()) : null";
            default -> expr + ".orElse(null)";
        };
    }
}
