package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.AttributeSet;
import io.drbdctl.genl.drbd2.WireStyle;
import io.drbdctl.netlink.NlAttr;
import io.drbdctl.netlink.NlAttrBuilder;
import io.drbdctl.netlink.NlAttrs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Option values to and from a drbd2 option nest, by the attributes the option table's names
 * are bound to: the attributes of a request (the values given, with {@code --set-defaults}
 * every other option's default too) and the lines of "show".
 */
final class V9OptionNest {
    private V9OptionNest() {
    }

    /**
     * The attributes for the checked values {@code given} (option name to text) of the group's
     * options; with {@code setDefaults} every other option of {@code changeable} at its default.
     */
    static NlAttrs encode(List<V9Option> changeable, Map<String, String> given, boolean setDefaults) {
        NlAttrBuilder b = new NlAttrBuilder();
        for (V9Option o : changeable) {
            Optional<V9TableOption> t = o.table().filter(x -> x.attr().isPresent());
            if (t.isEmpty()) {
                continue;
            }
            String text = given.containsKey(o.name()) ? given.get(o.name()) : setDefaults ? t.get().def() : null;
            if (text != null) {
                t.get().put(b, t.get().parse(text).wire());
            }
        }
        return b.toAttrs();
    }

    /** Whether any option of the group was given. */
    static boolean any(List<V9Option> group, Map<String, String> given) {
        return group.stream().anyMatch(o -> o.table().isPresent() && given.containsKey(o.name()));
    }

    /**
     * The "show" lines ({name, value, comment}) of the options in {@code set}, in the group's
     * order: those that differ from their defaults, with {@code showDefaults} all; the comment
     * is the unit and "default" as 9.22 writes them. {@code extra} gives values of options
     * without an attribute (the connection's {@code _name}).
     */
    static List<String[]> show(List<V9TableOption> group, AttributeSet set, Map<String, String> extra,
                               boolean showDefaults) {
        List<String[]> out = new ArrayList<>();
        NlAttrs nest = set == null ? NlAttrs.EMPTY : kernelAttrs(set);
        for (V9TableOption t : group) {
            String text;
            if (t.attr().isPresent()) {
                Optional<NlAttr> a = nest.first(t.attr().get().type());
                if (a.isEmpty()) {
                    continue;
                }
                text = t.show(a.get());
            } else if (extra.containsKey(t.name())) {
                text = V9Quote.quote(extra.get(t.name()));
            } else {
                continue;
            }
            boolean isDefault = t.isDefault(text);
            if (isDefault && !showDefaults) {
                continue;
            }
            String comment = t.unit() + (isDefault ? (t.unit().isEmpty() ? "" : ", ") + "default" : "");
            out.add(comment.isEmpty() ? new String[] {t.name(), text} : new String[] {t.name(), text, comment});
        }
        return out;
    }

    private static NlAttrs kernelAttrs(AttributeSet set) {
        NlAttrBuilder b = new NlAttrBuilder();
        set.encode(b, WireStyle.KERNEL);
        return b.toAttrs();
    }
}
