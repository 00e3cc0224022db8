package io.drbdctl.genl.codegen;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parsed, resolved and checked spec: everything the emitters need, nothing YAML. */
final class Model {
    private Model() {
    }

    record Spec(String name, String protocol, int version, String doc, List<ConstDef> consts,
                List<EnumDef> enums, List<StructDef> structs, List<AttrSet> sets, List<Op> ops,
                List<String> mcastGroups, Optional<StructDef> fixedHeader) {

        AttrSet set(String name) {
            return sets.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }

        Optional<EnumDef> enumDef(String name) {
            return enums.stream().filter(e -> e.name().equals(name)).findFirst();
        }

        Optional<ConstDef> constDef(String name) {
            return consts.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /** A const: {@code value}, or C text when {@code text} is not null. */
    record ConstDef(String name, long value, String text, String doc) {
    }

    /** An enum or a flags set; for flags {@code value} is the mask (1 << bit). */
    record EnumDef(String name, boolean flags, List<Entry> entries, String doc) {
    }

    record Entry(String name, long value, String doc) {
    }

    record StructDef(String name, List<Member> members, String doc) {
        int size() {
            return members.stream().mapToInt(Member::size).sum();
        }
    }

    /** A struct member: an integer of {@code type}, or {@code len} bytes of string/binary. */
    record Member(String name, String type, int len, boolean bigEndian, String doc) {
        int size() {
            return switch (type) {
                case "u8", "s8" -> 1;
                case "u16", "s16" -> 2;
                case "u32", "s32" -> 4;
                case "u64", "s64" -> 8;
                default -> len;
            };
        }
    }

    record AttrSet(String name, List<Attr> attrs, String doc) {
        Optional<Attr> attr(String name) {
            return attrs.stream().filter(a -> a.name().equals(name)).findFirst();
        }
    }

    /**
     * One attribute. {@code tags} are the spec's {@code [drbd-*]} doc tags (see DocTags);
     * {@code bool} marks a u8 that the family uses as a 0/1 boolean.
     */
    record Attr(String name, int value, String type, boolean multi, Optional<String> nested,
                Optional<String> enumName, boolean enumAsFlags, boolean bigEndian,
                Optional<String> struct, Optional<String> subType, boolean bool, String doc,
                Map<String, String> tags) {

        boolean mandatory() {
            return DocTags.words(tags, "drbd-flags").contains("mandatory");
        }

        boolean bareNest() {
            return tags.containsKey("drbd-kernel-bare-nest");
        }

        Optional<String> defaultName() {
            return Optional.ofNullable(tags.get("drbd-default"));
        }
    }

    record Op(String name, int value, String doc, Optional<String> attrSet, boolean adminPerm,
              boolean unsAdminPerm, Optional<OpPart> doPart, Optional<OpPart> dumpPart,
              Optional<List<String>> event, Optional<String> notifyOp, Optional<String> mcgrp,
              Map<String, String> tags) {

        boolean notification() {
            return event.isPresent() || notifyOp.isPresent();
        }
    }

    /** Attribute names of a do or dump: request and reply (empty = no such message). */
    record OpPart(Optional<List<String>> request, Optional<List<String>> reply) {
    }
}
