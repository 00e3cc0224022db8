package io.drbdctl.config.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code resync-after} names a resource (optionally RES/VOLUME). drbd-utils drops a reference to
 * a resource that is unknown on this host (non-interactive runs) and passes the other's minor
 * number to the kernel.
 */
public final class ResyncAfter {
    private ResyncAfter() {
    }

    /** Names of dropped references, per resource, for the warning text. */
    public record Pruned(Config config, List<String> warnings) {
        public Pruned {
            warnings = List.copyOf(warnings);
        }
    }

    /** Removes resource-level resync-after options whose target is not usable on this host. */
    public static Pruned prune(Config cfg, Predicate<Resource> onThisHost) {
        List<Resource> out = new ArrayList<>(cfg.resources().size());
        List<String> warnings = new ArrayList<>();
        for (Resource r : cfg.resources()) {
            out.add(prune(cfg, r, onThisHost, warnings));
        }
        return new Pruned(new Config(cfg.file(), cfg.global(), cfg.common(), out), warnings);
    }

    /** {@code r} without its unusable resync-after options (itself when it has none). */
    private static Resource prune(Config cfg, Resource r, Predicate<Resource> onThisHost, List<String> warnings) {
        Sections s = r.sections();
        boolean any = false;
        for (int i = 0; i < s.disk().size() && !any; i++) {
            any = s.disk().get(i).name().equals("resync-after");
        }
        if (!any) {
            return r;
        }
        List<Opt> disk = new ArrayList<>();
        for (Opt o : s.disk()) {
            if (o.name().equals("resync-after") && o.value() != null) {
                String target = o.value().contains("/") ? o.value().substring(0, o.value().indexOf('/')) : o.value();
                Resource t = cfg.resource(target).orElse(null);
                if (t == null || !onThisHost.test(t)) {
                    warnings.add(r.pos().file() + ":" + r.pos().line() + ": in resource " + r.name()
                            + ":\n\tresource '" + o.value() + "' mentioned in 'resync-after' option is not known"
                            + (t != null ? " on this host" : "") + ".");
                    continue;
                }
            }
            disk.add(o);
        }
        if (disk.size() == s.disk().size()) {
            return r;
        }
        Sections ns = new Sections(s.options(), s.net(), disk, s.peerDevice(), s.startup(), s.proxy(),
                s.proxyPlugins(), s.handlers());
        return new Resource(r.name(), r.pos(), r.volumes(), r.hosts(), r.connections(), r.meshes(), ns,
                r.stackedTimeouts(), r.templateFile());
    }
}
