package io.drbdctl.config.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The effective (inherited) view of a host's volumes, as drbd-utils forms it after parsing. */
public final class Effective {
    private Effective() {
    }

    /** A host's volume with the resource level filled in. */
    public record Vol(int vnr, String device, int minor, String disk, String metaDisk, String metaIdx,
                      List<Opt> diskOptions, List<Opt> pdOptions) {
        /** The device path; /dev/drbdMINOR when only the minor was given. */
        public String deviceOrDefault() {
            return device != null ? device : "/dev/drbd" + minor;
        }
    }

    public static List<Vol> volumes(Config cfg, Resource r, Host me) {
        Sections s = Inherit.withCommon(cfg.common(), r);
        TreeMap<Integer, Volume> hostVols = new TreeMap<>();
        me.volumes().forEach(v -> hostVols.put(v.vnr(), v));
        TreeMap<Integer, Volume> resVols = new TreeMap<>();
        r.volumes().forEach(v -> resVols.put(v.vnr(), v));
        TreeMap<Integer, Boolean> all = new TreeMap<>();
        hostVols.keySet().forEach(k -> all.put(k, true));
        resVols.keySet().forEach(k -> all.put(k, true));
        List<Vol> out = new ArrayList<>();
        for (int vnr : all.keySet()) {
            Volume h = hostVols.get(vnr);
            Volume rv = resVols.get(vnr);
            String device = first(h == null ? null : h.device(), rv == null ? null : rv.device());
            int minor = h != null && h.minor() >= 0 ? h.minor() : rv != null ? rv.minor() : -1;
            String disk = first(h == null ? null : h.disk(), rv == null ? null : rv.disk());
            String md = first(h == null ? null : h.metaDisk(), rv == null ? null : rv.metaDisk());
            String mi = first(h == null ? null : h.metaIndex(), rv == null ? null : rv.metaIndex());
            List<Opt> dopt = Inherit.expand(s.disk(), h == null ? List.of() : h.diskOptions());
            List<Opt> popt = Inherit.expand(s.peerDevice(), h == null ? List.of() : h.pdOptions());
            if (rv != null) {
                dopt = Inherit.expand(rv.diskOptions(), dopt);
                popt = Inherit.expand(rv.pdOptions(), popt);
            }
            if (me.kind() == HostKind.STACKED && disk == null) {
                disk = lowerDevice(cfg, me, vnr);
                md = "internal";
                mi = "internal";
            }
            if (disk != null && mi == null) {
                // no meta-disk statement: internal meta data
                md = "internal";
                mi = "internal";
            }
            if ("none".equals(disk)) {
                disk = null;
                md = null;
                mi = null;
            }
            out.add(new Vol(vnr, device, minor, disk, md, mi, dopt, popt));
        }
        return out;
    }

    /** The lower resource's device of that volume: the backing disk of a stacked volume. */
    private static String lowerDevice(Config cfg, Host stacked, int vnr) {
        Resource lower = cfg.resource(stacked.lower()).orElse(null);
        if (lower == null) {
            return null;
        }
        for (Host h : lower.hosts()) {
            if (h.kind() == HostKind.ON) {
                for (Vol v : volumes(cfg, lower, h)) {
                    if (v.vnr() == vnr) {
                        return v.deviceOrDefault();
                    }
                }
            }
        }
        return null;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

}
