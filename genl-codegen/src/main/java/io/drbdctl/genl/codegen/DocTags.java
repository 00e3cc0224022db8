package io.drbdctl.genl.codegen;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Machine-readable facts kept in {@code doc:} strings as {@code [drbd-NAME]} or
 * {@code [drbd-NAME: VALUE]} tags (the YNL schemas forbid extra keys; see
 * genl-v8/spec-check/README.md). The generator understands:
 * <ul>
 *   <li>{@code drbd-flags: mandatory ...}: the sender ORs 0x4000 into the attribute type;</li>
 *   <li>{@code drbd-default: CONST | empty-string}: the value the kernel uses when absent;</li>
 *   <li>{@code drbd-kernel-bare-nest}: the kernel sends this nest without NLA_F_NESTED;</li>
 *   <li>{@code drbd-scope}, {@code drbd-ret-code} on operations: carried into the op table.</li>
 * </ul>
 * A spec without tags (every modern one) simply gets none of these behaviours.
 */
final class DocTags {
    private static final Pattern TAG = Pattern.compile("\\[(drbd-[a-z-]+)(?::\\s*([^\\]]*))?\\]");
    private static final List<String> KNOWN = List.of("drbd-flags", "drbd-default",
            "drbd-kernel-bare-nest", "drbd-scope", "drbd-ret-code");

    private DocTags() {
    }

    static Map<String, String> parse(String doc, Node where) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = TAG.matcher(doc);
        while (m.find()) {
            String name = m.group(1);
            if (!KNOWN.contains(name)) {
                throw where.error("unknown doc tag [" + name + "] (known: " + KNOWN + ")");
            }
            out.put(name, m.group(2) == null ? "" : m.group(2).trim());
        }
        return out;
    }

    static List<String> words(Map<String, String> tags, String name) {
        String v = tags.get(name);
        return v == null || v.isBlank() ? List.of() : Arrays.asList(v.trim().split("\\s+"));
    }
}
