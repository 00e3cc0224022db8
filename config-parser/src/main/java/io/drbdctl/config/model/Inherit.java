package io.drbdctl.config.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Option inheritance as drbd-utils performs it: every parent option the child lacks is put in
 * front of the child's list, one after the other (so inherited options appear in reverse order).
 */
public final class Inherit {
    private Inherit() {
    }

    public static List<Opt> expand(List<Opt> parent, List<Opt> child) {
        if (parent.isEmpty()) {
            // the usual case without common options: nothing to copy
            return List.copyOf(child);
        }
        List<Opt> out = new ArrayList<>(child);
        for (int oIndex = 0; oIndex < parent.size(); oIndex++) {
            Opt o = parent.get(oIndex);
            if (o.value() != null && !named(out, o.name())) {
                out.add(0, o);
            }
        }
        return List.copyOf(out);
    }

    private static boolean named(List<Opt> opts, String name) {
        for (int i = 0; i < opts.size(); i++) {
            if (opts.get(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The resource's sections with common's options expanded into them. */
    public static Sections withCommon(Resource common, Resource r) {
        Sections s = r.sections();
        if (common == null) {
            return s;
        }
        Sections c = common.sections();
        return new Sections(expand(c.options(), s.options()), expand(c.net(), s.net()), expand(c.disk(), s.disk()),
                expand(c.peerDevice(), s.peerDevice()), expand(c.startup(), s.startup()),
                expand(c.proxy(), s.proxy()), s.proxyPlugins().isEmpty() ? c.proxyPlugins() : s.proxyPlugins(),
                expand(c.handlers(), s.handlers()));
    }
}
