package io.drbdctl.config.model;

import java.util.ArrayList;
import java.util.List;

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
        List<Volume> hostVols = me.volumes();
        List<Volume> resVols = r.volumes();
        List<Vol> out = new ArrayList<>(Math.max(hostVols.size(), resVols.size()));
        // the volume numbers of both levels, ascending, each once (a volume list is in vnr order
        // but may name a number twice: the last one counts, as in a map)
        int vnr = -1;
        while (true) {
            int next = Integer.MAX_VALUE;
            for (int i = 0; i < hostVols.size(); i++) {
                int n = hostVols.get(i).vnr();
                next = n > vnr && n < next ? n : next;
            }
            for (int i = 0; i < resVols.size(); i++) {
                int n = resVols.get(i).vnr();
                next = n > vnr && n < next ? n : next;
            }
            if (next == Integer.MAX_VALUE) {
                break;
            }
            vnr = next;
            Volume h = last(hostVols, vnr);
            Volume rv = last(resVols, vnr);
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

    private static Volume last(List<Volume> vs, int vnr) {
        Volume found = null;
        for (int i = 0; i < vs.size(); i++) {
            if (vs.get(i).vnr() == vnr) {
                found = vs.get(i);
            }
        }
        return found;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

}
