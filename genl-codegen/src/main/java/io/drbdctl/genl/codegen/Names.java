package io.drbdctl.genl.codegen;

import java.util.Locale;
import java.util.Set;

/** Spec names (kebab-case) to Java names. */
final class Names {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break",
            "byte", "case", "catch", "char", "class", "const", "continue", "default", "do",
            "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield",
            "sealed", "permits", "hashCode", "toString", "equals", "getClass", "notify",
            "notifyAll", "wait", "clone", "finalize",
            // members of the generated records and builders
            "unknownAttrs", "wireOrder", "setName", "toBuilder", "builder", "decode", "encode",
            "encodeFields", "toAttrs", "presentTypes", "build", "unknownAttr", "toBytes");

    private Names() {
    }

    private static String[] words(String name) {
        return name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
    }

    private static String fixStart(String s) {
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }

    /** {@code disk-conf} to {@code DiskConf}. */
    static String type(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : words(name)) {
            if (!w.isEmpty()) {
                b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return fixStart(b.toString());
    }

    /**
     * {@code after-sb-0p} to {@code afterSb0p}; Java keywords and the generated records' own
     * member names get a trailing underscore.
     */
    static String member(String name) {
        String t = type(name);
        String m = t.startsWith("_") ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
        return KEYWORDS.contains(m) ? m + "_" : m;
    }

    /** {@code 32k-striping} to {@code _32K_STRIPING}. */
    static String constant(String name) {
        return fixStart(String.join("_", words(name)).toUpperCase(Locale.ROOT));
    }

    /** A Java string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Text for a javadoc comment: no comment terminators, HTML specials escaped. */
    static String javadoc(String doc) {
        return doc.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("@", "&#64;").replace("\\u", "\\\\u");
    }
}
