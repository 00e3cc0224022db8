package io.drbdctl.setup.v9;

import java.util.List;

/**
 * One object as events2 prints it: its kind ("resource", "device", ...), the identity of its
 * exists/create/change lines, the shorter identity of its destroy line, and its fields in
 * groups; a change line shows the groups that differ from the object's previous state.
 *
 * @param kind      the object word
 * @param id        the identity, e.g. {@code name:r0 volume:0 minor:0}
 * @param destroyId the identity of the destroy line, e.g. {@code name:r0 volume:0}
 * @param groups    the fields, each group printed as a whole
 */
public record EventObject(String kind, String id, String destroyId, List<Group> groups) {

    public EventObject {
        groups = List.copyOf(groups);
    }

    /**
     * Fields printed together, e.g. {@code disk:UpToDate client:no}.
     *
     * @param fields     "name:value" words
     * @param statistics whether they are only printed with --statistics
     */
    public record Group(List<String> fields, boolean statistics) {
        public Group {
            fields = List.copyOf(fields);
        }

        static Group of(String... fields) {
            return new Group(List.of(fields), false);
        }

        static Group stats(List<String> fields) {
            return new Group(fields, true);
        }
    }

    /** The map key of the object: kind and identity. */
    public String key() {
        return kind + " " + id;
    }

    /** The resource the object belongs to (its "name:" field). */
    public String resource() {
        return id.split(" ", 2)[0].substring("name:".length());
    }
}
