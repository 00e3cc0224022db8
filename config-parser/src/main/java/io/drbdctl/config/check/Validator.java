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
    private Map<String, Pos> seen = new HashMap<>();
    private final Map<String, AddressUse> addressUsers = new HashMap<>();

    public Validator(OptionTable table, Dialect dialect, Diagnostics diags) {
        this.dialect = dialect;
        this.diags = diags;
    }

    public void validate(Config cfg) {
        // about eight keys per resource: no rehashing of a big map as it grows
        seen = new HashMap<>(Math.max(16, cfg.resources().size() * 12));
        addressUsers.clear();
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
        for (Host h : r.hosts()) {
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
        for (List<Volume> vs : List.of(h.volumes(), r.volumes())) {
            for (Volume v : vs) {
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
        for (Volume v : vs) {
            if (v.vnr() == vnr) {
                return v;
            }
        }
        return null;
    }

    private static boolean diskNone(Resource r, Host h, int vnr) {
        for (Volume v : volumesOf(r, h)) {
            if (v.vnr() == vnr && "none".equals(v.disk())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports {@code shown} as a conflicting {@code what} when {@code kind} + {@code shown} was
     * seen before (one key string per check: this runs for every host and volume).
     */
    private void unique(char kind, String what, String shown, Pos at) {
        Pos first = seen.putIfAbsent(kind + shown, at);
        if (first != null && at != null) {
            diags.error(at.file(), at.line(), at.col(), "conflicting use of " + what + " '" + shown
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
        String shown = a.addr() + ":" + a.port();
        Pos first = seen.get('a' + shown);
        if (first == null) {
            seen.put('a' + shown, a.pos());
            addressUsers.put(shown, new AddressUse(r.name(), h.names()));
            return;
        }
        AddressUse prev = addressUsers.get(shown);
        if (prev.resource().equals(r.name())) {
            unique('a', "IP:port", shown, a.pos());
        } else if (h.names().stream().anyMatch(prev.hosts()::contains)) {
            diags.warning(a.pos().file(), a.pos().line(), a.pos().col(), "IP:port '" + shown
                    + "' is also used by resource " + prev.resource() + " on the same host, at " + first.file() + ":"
                    + first.line() + ":" + first.col());
        }
    }

    /** Who used an address first. */
    private record AddressUse(String resource, List<String> hosts) {
    }

    private void resource(Resource r) {
        Set<String> hostNames = new LinkedHashSet<>();
        Map<String, Pos> nodeIds = new HashMap<>();
        int withId = 0;
        int onHosts = 0;
        for (Host h : r.hosts()) {
            hostNames.addAll(h.names());
            if (h.kind() == HostKind.ON || h.kind() == HostKind.FLOATING) {
                onHosts++;
            }
            for (String n : h.names()) {
                unique('h', "host section", r.name() + ": on " + n, h.pos());
            }
            if (h.nodeId() != null) {
                withId++;
                Pos first = nodeIds.putIfAbsent(h.nodeId(), h.pos());
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
            for (Volume v : volumesOf(r, h)) {
                for (String n : h.names()) {
                    if (v.minor() >= 0) {
                        unique('m', "device-minor", n + ":" + v.minor(), v.pos());
                    }
                    if (v.device() != null) {
                        unique('d', "device", n + ":" + v.device(), v.pos());
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
            for (Host h : r.hosts()) {
                if (h.nodeId() == null && (h.kind() == HostKind.ON || h.kind() == HostKind.FLOATING)) {
                    diags.error(h.pos().file(), h.pos().line(), h.pos().col(), "in resource " + r.name() + ", on "
                            + String.join(" ", h.names()) + " { ... }: 'node-id' keyword missing"
                            + (withId > 0 ? " (other hosts have one)" : " (needed with more than two hosts)"));
                }
            }
        }
        for (Connection c : r.connections()) {
            for (PathDef p : c.paths()) {
                for (HostAddr ha : p.hosts()) {
                    if (ha.kind().equals("host") && !hostNames.isEmpty() && !contains(hostNames, ha.name())) {
                        diags.error(ha.pos().file(), ha.pos().line(), ha.pos().col(), "host '" + ha.name()
                                + "' is not defined in resource " + r.name() + Suggest.hint(ha.name(), hostNames));
                    }
                }
            }
        }
        for (Mesh m : r.meshes()) {
            for (String n : m.hosts()) {
                if (!contains(hostNames, n)) {
                    diags.error(m.pos().file(), m.pos().line(), m.pos().col(), "host '" + n
                            + "' of the connection-mesh is not defined in resource " + r.name()
                            + Suggest.hint(n, hostNames));
                }
            }
        }
    }

    private static boolean contains(Set<String> names, String n) {
        return names.stream().anyMatch(x -> io.drbdctl.config.model.HostNames.equal(x, n));
    }

    /** Host volumes, plus resource volumes the host does not override. */
    static List<Volume> volumesOf(Resource r, Host h) {
        List<Volume> out = new ArrayList<>(h.volumes());
        for (Volume v : r.volumes()) {
            if (h.volumes().stream().noneMatch(x -> x.vnr() == v.vnr())) {
                out.add(v);
            }
        }
        return out;
    }
}
