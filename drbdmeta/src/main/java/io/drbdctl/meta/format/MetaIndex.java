package io.drbdctl.meta.format;

/** Where the metadata lives: internal (flex-internal), indexed external slot or flex-external. */
public sealed interface MetaIndex permits MetaIndex.Internal, MetaIndex.Indexed, MetaIndex.FlexExternal {

    /** Size of one indexed external slot: 128 MiB. */
    long INDEXED_SLOT_BYTES = 128L << 20;

    /** Metadata at the end of the data device. */
    record Internal() implements MetaIndex {
    }

    /** Fixed 128 MiB slot number {@code index} of a shared metadata device. */
    record Indexed(int index) implements MetaIndex {
    }

    /** Whole metadata device, starting at byte 0. */
    record FlexExternal() implements MetaIndex {
    }

    default boolean isInternal() {
        return this instanceof Internal;
    }

    /** Parses the index argument of the command line; returns null if invalid. */
    static MetaIndex parse(String s) {
        if ("internal".equals(s) || "flex-internal".equals(s)) {
            return new Internal();
        }
        if ("flex-external".equals(s)) {
            return new FlexExternal();
        }
        if (s.isEmpty() || s.length() > 4) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return null;
            }
        }
        int n = Integer.parseInt(s);
        return n <= 255 ? new Indexed(n) : null;
    }
}
