package io.drbdctl.config.check;

import io.drbdctl.config.diag.Diagnostics;
import io.drbdctl.config.diag.Suggest;
import io.drbdctl.config.model.Address;
import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.Connection;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.HostAddr;
import io.drbdctl.config.model.HostKind;
import io.drbdctl.config.model.Mesh;
import io.drbdctl.config.model.PathDef;
import io.drbdctl.config.model.Pos;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.model.Volume;
import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Semantic checks across all resources: uniqueness, unknown hosts, node-ids, disks. */
public final class Validator {
    private final Dialect dialect;
    private final Diagnostics diags;
    /** Keys of the uniqueness checks; sized for the configuration in {@link #validate}. */
    private Map<Key, Pos> seen = new HashMap<>();
    private Map<Key, AddressUse> addressUsers = new HashMap<>();

    public Validator(OptionTable table, Dialect dialect, Diagnostics diags) {
        this.dialect = dialect;
        this.diags = diags;
    }

    public void validate(Config cfg) {
        // about eight keys per resource: no rehashing of a big map as it grows
        seen = new HashMap<>(Math.max(16, cfg.resources().size() * 12));
        addressUsers = new HashMap<>(Math.max(16, cfg.resources().size() * 3));
        for (Resource r : cfg.resources()) {
            resource(r);
            required(cfg, r);
        }
    }

    /**
     * Every volume of a host needs a device and a disk (or "disk none"). The host's volume
     * statements override the resource's, as in {@link io.drbdctl.config.model.Effective}; only
     * device, minor and disk matter here, so the options are not inherited for this check.
     */
    private void required(Config cfg, Resource r) {
        var hList = r.hosts();
        for (int hIndex = 0; hIndex < hList.size(); hIndex++) {
            Host h = hList.get(hIndex);
            if (h.kind() != HostKind.ON && h.kind() != HostKind.FLOATING) {
                continue;
            }
            for (int vnr : vnrs(r, h)) {
                Volume hv = volume(h.volumes(), vnr);
                Volume rv = volume(r.volumes(), vnr);
                String device = hv != null && hv.device() != null ? hv.device() : rv == null ? null : rv.device();
                int minor = hv != null && hv.minor() >= 0 ? hv.minor() : rv != null ? rv.minor() : -1;
                String disk = hv != null && hv.disk() != null ? hv.disk() : rv == null ? null : rv.disk();
                if (minor < 0 && device == null) {
                    diags.error(h.pos().file(), h.pos().line(), h.pos().col(), where(r, h) + "'device' keyword"
                            + " missing" + (vnr != 0 ? " (volume " + vnr + ")" : ""));
                }
                if ((disk == null || disk.equals("none")) && !diskNone(r, h, vnr)) {
                    diags.error(h.pos().file(), h.pos().line(), h.pos().col(), where(r, h) + "'disk' keyword"
                            + " missing" + (vnr != 0 ? " (volume " + vnr + ")" : ""));
                }
            }
        }
    }

    private static String where(Resource r, Host h) {
        return "in resource " + r.name() + ", on " + String.join(" ", h.names()) + " { ... }: ";
    }

    /** The volume numbers of the host and of the resource, ascending, each once. */
    private static int[] vnrs(Resource r, Host h) {
        int[] out = new int[h.volumes().size() + r.volumes().size()];
        int n = 0;
        for (int level = 0; level < 2; level++) {
            List<Volume> vs = level == 0 ? h.volumes() : r.volumes();
            for (int k = 0; k < vs.size(); k++) {
                Volume v = vs.get(k);
                int i = 0;
                while (i < n && out[i] < v.vnr()) {
                    i++;
                }
                if (i < n && out[i] == v.vnr()) {
                    continue;
                }
                System.arraycopy(out, i, out, i + 1, n - i);
                out[i] = v.vnr();
                n++;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static Volume volume(List<Volume> vs, int vnr) {
        for (int vIndex = 0; vIndex < vs.size(); vIndex++) {
            Volume v = vs.get(vIndex);
            if (v.vnr() == vnr) {
                return v;
            }
        }
        return null;
    }

    private static boolean diskNone(Resource r, Host h, int vnr) {
        var vList = volumesOf(r, h);
        for (int vIndex = 0; vIndex < vList.size(); vIndex++) {
            Volume v = vList.get(vIndex);
            if (v.vnr() == vnr && "none".equals(v.disk())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports a conflicting {@code what} when its key was seen before; the message's text
     * ({@code shown}) is made only then: this runs for every host and volume.
     */
    private void unique(Key key, String what, Pos at) {
        Pos first = seen.putIfAbsent(key, at);
        if (first != null && at != null) {
            diags.error(at.file(), at.line(), at.col(), "conflicting use of " + what + " '" + key.shown()
                    + "'; first used at " + first.file() + ":" + first.line() + ":" + first.col());
        }
    }

    /**
     * An address twice in one resource is an error (the reference's too). Across resources the
     * reference checks nothing: a second resource of the same host on the same IP:port is
     * reported as a warning (its connect will fail), an address that is one resource's peer and
     * another's local end (two resources replicating to each other over loopback) is fine.
     */
    private void address(Resource r, Host h, Address a) {
        Key key = new Key(Kind.ADDRESS, a.addr(), a.port(), 0);
        AddressUse prev = addressUsers.putIfAbsent(key, new AddressUse(r.name(), h.names(), a.pos()));
        if (prev == null) {
            return;
        }
        if (prev.resource().equals(r.name())) {
            Pos first = prev.pos();
            if (a.pos() != null) {
                diags.error(a.pos().file(), a.pos().line(), a.pos().col(), "conflicting use of IP:port '"
                        + key.shown() + "'; first used at " + first.file() + ":" + first.line() + ":" + first.col());
            }
        } else if (h.names().stream().anyMatch(prev.hosts()::contains)) {
            Pos first = prev.pos();
            diags.warning(a.pos().file(), a.pos().line(), a.pos().col(), "IP:port '" + key.shown()
                    + "' is also used by resource " + prev.resource() + " on the same host, at " + first.file() + ":"
                    + first.line() + ":" + first.col());
        }
    }

    /** What a uniqueness key stands for. */
    private enum Kind { HOST_SECTION, MINOR, DEVICE, ADDRESS }

    /**
     * A key of the uniqueness checks: two strings (and a minor) of the model, whose hash codes
     * the strings cache, instead of a new string per check.
     */
    private record Key(Kind kind, String a, String b, int minor) {
        // written out: a record's generated methods are bound at their first call, at start-up cost
        @Override
        public int hashCode() {
            return ((kind.ordinal() * 31 + a.hashCode()) * 31 + (b == null ? 0 : b.hashCode())) * 31 + minor;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && kind == k.kind && minor == k.minor && a.equals(k.a)
                    && java.util.Objects.equals(b, k.b);
        }

        /** The key as messages show it. */
        String shown() {
            return switch (kind) {
                case HOST_SECTION -> a + ": on " + b;
                case MINOR -> a + ":" + minor;
                case DEVICE, ADDRESS -> a + ":" + b;
            };
        }
    }

    /** Who used an address first. */
    private record AddressUse(String resource, List<String> hosts, Pos pos) {
    }

    private void resource(Resource r) {
        int withId = 0;
        int onHosts = 0;
        List<Host> hosts = r.hosts();
        for (int hi = 0; hi < hosts.size(); hi++) {
            Host h = hosts.get(hi);
            if (h.kind() == HostKind.ON || h.kind() == HostKind.FLOATING) {
                onHosts++;
            }
            var nList = h.names();
            for (int nIndex = 0; nIndex < nList.size(); nIndex++) {
                String n = nList.get(nIndex);
                unique(new Key(Kind.HOST_SECTION, r.name(), n, 0), "host section", h.pos());
            }
            if (h.nodeId() != null) {
                withId++;
                Pos first = firstWithNodeId(hosts, hi, h.nodeId());
                if (first != null) {
                    diags.error(h.pos().file(), h.pos().line(), h.pos().col(), "conflicting use of node-id '"
                            + h.nodeId() + "' in resource " + r.name() + "; first used at " + first.file() + ":"
                            + first.line());
                }
            }
            Address a = h.address();
            if (a != null && h.kind() != HostKind.FLOATING && h.proxy() == null) {
                address(r, h, a);
            }
            var vList = volumesOf(r, h);
            for (int vIndex = 0; vIndex < vList.size(); vIndex++) {
                Volume v = vList.get(vIndex);
                for (int nIndex = 0; nIndex < nList.size(); nIndex++) {
                    String n = nList.get(nIndex);
                    if (v.minor() >= 0) {
                        unique(new Key(Kind.MINOR, n, null, v.minor()), "device-minor", v.pos());
                    }
                    if (v.device() != null) {
                        unique(new Key(Kind.DEVICE, n, v.device(), 0), "device", v.pos());
                    }
                    if (v.disk() != null && !v.disk().equals("none") && v.metaDisk() != null
                            && v.disk().equals(v.metaDisk()) && !"internal".equals(v.metaIndex())) {
                        diags.error(v.pos().file(), v.pos().line(), v.pos().col(),
                                "meta-disk " + v.metaDisk() + " is the data disk; use 'meta-disk internal'");
                    }
                }
            }
        }
        if (dialect == Dialect.V9 && (withId > 0 && withId < onHosts || onHosts > 2)) {
            var hList = r.hosts();
            for (int hIndex = 0; hIndex < hList.size(); hIndex++) {
                Host h = hList.get(hIndex);
                if (h.nodeId() == null && (h.kind() == HostKind.ON || h.kind() == HostKind.FLOATING)) {
                    diags.error(h.pos().file(), h.pos().line(), h.pos().col(), "in resource " + r.name() + ", on "
                            + String.join(" ", h.names()) + " { ... }: 'node-id' keyword missing"
                            + (withId > 0 ? " (other hosts have one)" : " (needed with more than two hosts)"));
                }
            }
        }
        if (r.connections().isEmpty() && r.meshes().isEmpty()) {
            return;
        }
        Set<String> hostNames = new LinkedHashSet<>();
        for (int hIndex = 0; hIndex < hosts.size(); hIndex++) {
            Host h = hosts.get(hIndex);
            hostNames.addAll(h.names());
        }
        var cList = r.connections();
        for (int cIndex = 0; cIndex < cList.size(); cIndex++) {
            Connection c = cList.get(cIndex);
            var pList = c.paths();
            for (int pIndex = 0; pIndex < pList.size(); pIndex++) {
                PathDef p = pList.get(pIndex);
                var haList = p.hosts();
                for (int haIndex = 0; haIndex < haList.size(); haIndex++) {
                    HostAddr ha = haList.get(haIndex);
                    if (ha.kind().equals("host") && !hostNames.isEmpty() && !contains(hostNames, ha.name())) {
                        diags.error(ha.pos().file(), ha.pos().line(), ha.pos().col(), "host '" + ha.name()
                                + "' is not defined in resource " + r.name() + Suggest.hint(ha.name(), hostNames));
                    }
                }
            }
        }
        var mList = r.meshes();
        for (int mIndex = 0; mIndex < mList.size(); mIndex++) {
            Mesh m = mList.get(mIndex);
            var nList = m.hosts();
            for (int nIndex = 0; nIndex < nList.size(); nIndex++) {
                String n = nList.get(nIndex);
                if (!contains(hostNames, n)) {
                    diags.error(m.pos().file(), m.pos().line(), m.pos().col(), "host '" + n
                            + "' of the connection-mesh is not defined in resource " + r.name()
                            + Suggest.hint(n, hostNames));
                }
            }
        }
    }

    /** The position of the first of {@code hosts} before {@code end} with that node-id, or null. */
    private static Pos firstWithNodeId(List<Host> hosts, int end, String nodeId) {
        for (int i = 0; i < end; i++) {
            if (nodeId.equals(hosts.get(i).nodeId())) {
                return hosts.get(i).pos();
            }
        }
        return null;
    }

    private static boolean contains(Set<String> names, String n) {
        return names.stream().anyMatch(x -> io.drbdctl.config.model.HostNames.equal(x, n));
    }

    /** Host volumes, plus resource volumes the host does not override. */
    static List<Volume> volumesOf(Resource r, Host h) {
        if (r.volumes().isEmpty() || h.volumes().isEmpty()) {
            // the usual cases: volumes at one level only, no copy
            return r.volumes().isEmpty() ? h.volumes() : r.volumes();
        }
        List<Volume> out = new ArrayList<>(h.volumes());
        var vList = r.volumes();
        for (int vIndex = 0; vIndex < vList.size(); vIndex++) {
            Volume v = vList.get(vIndex);
            if (volume(h.volumes(), v.vnr()) == null) {
                out.add(v);
            }
        }
        return out;
    }
}
