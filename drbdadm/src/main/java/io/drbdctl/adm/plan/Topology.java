package io.drbdctl.adm.plan;

import io.drbdctl.config.model.Address;
import io.drbdctl.config.model.Connection;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.HostAddr;
import io.drbdctl.config.model.HostKind;
import io.drbdctl.config.model.Inherit;
import io.drbdctl.config.model.Mesh;
import io.drbdctl.config.model.Opt;
import io.drbdctl.config.model.PathDef;
import io.drbdctl.config.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Host resolution and the connections of this node: explicit connections, connection-mesh and
 * the implicit connection(s) drbd-utils forms when none is written.
 */
public final class Topology {
    private Topology() {
    }

    /** The peer side of one of this node's connections. */
    public record Peer(Host host, List<Address[]> paths, List<Opt> net, Connection conn) {
    }

    /** This node's host section: by name, else a floating section with one of our addresses. */
    public static Optional<Host> me(Resource r, String hostname) {
        var hList = r.hosts();
        for (int hIndex = 0; hIndex < hList.size(); hIndex++) {
            Host h = hList.get(hIndex);
            if ((h.kind() == HostKind.ON || h.kind() == HostKind.THIS_HOST || h.kind() == HostKind.STACKED)
                    && h.matches(hostname)) {
                return Optional.of(h);
            }
        }
        for (int hIndex = 0; hIndex < hList.size(); hIndex++) {
            Host h = hList.get(hIndex);
            if (h.kind() == HostKind.FLOATING && h.address() != null
                    && io.drbdctl.adm.cmd.IpCheck.haveIp(h.address().addr())) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    static Optional<Host> byName(Resource r, String name) {
        return r.hosts().stream().filter(h -> h.matches(name)).findFirst();
    }

    public static List<Peer> peers(Resource r, Host me, List<Opt> resNet) {
        List<Peer> out = new ArrayList<>();
        var cList = r.connections();
        for (int cIndex = 0; cIndex < cList.size(); cIndex++) {
            Connection c = cList.get(cIndex);
            if (c.paths().isEmpty()) {
                continue;
            }
            List<Address[]> paths = new ArrayList<>();
            Host peer = null;
            var pList = c.paths();
            for (int pIndex = 0; pIndex < pList.size(); pIndex++) {
                PathDef p = pList.get(pIndex);
                Address mine = null;
                Address theirs = null;
                Address viaProxy = null;
                var haList = p.hosts();
                for (int haIndex = 0; haIndex < haList.size(); haIndex++) {
                    HostAddr ha = haList.get(haIndex);
                    Optional<Host> h = ha.name() == null ? Optional.empty() : byName(r, ha.name());
                    Address a = ha.address() != null ? ha.address() : h.map(Host::address).orElse(null);
                    if (a != null && ha.port() != null) {
                        a = new Address(a.af(), a.addr(), ha.port(), a.pos());
                    }
                    if (h.isPresent() && h.get() == me) {
                        mine = a;
                        if (ha.proxy() != null && ha.proxy().inside() != null) {
                            viaProxy = ha.proxy().inside();
                        }
                    } else {
                        theirs = a;
                        if (h.isPresent()) {
                            peer = h.get();
                        }
                    }
                }
                if (mine == null) {
                    paths.clear();
                    peer = null;
                    break;
                }
                paths.add(new Address[] {mine, viaProxy != null ? viaProxy : theirs});
            }
            if (peer != null) {
                out.add(new Peer(peer, paths, Inherit.expand(resNet, c.net()), c));
            }
        }
        for (Mesh m : r.meshes()) {
            if (m.hosts().stream().noneMatch(me::matches)) {
                continue;
            }
            for (String n : m.hosts()) {
                Optional<Host> h = byName(r, n);
                if (h.isEmpty() || h.get() == me || out.stream().anyMatch(p -> p.host() == h.get())) {
                    continue;
                }
                List<Address[]> paths = new ArrayList<>();
                paths.add(new Address[] {me.address(), h.get().address()});
                out.add(new Peer(h.get(), paths, Inherit.expand(resNet, Inherit.expand(m.net(), List.of())), null));
            }
        }
        if (r.connections().isEmpty() && r.meshes().isEmpty()) {
            var hList = r.hosts();
            for (int hIndex = 0; hIndex < hList.size(); hIndex++) {
                Host h = hList.get(hIndex);
                if (h == me) {
                    continue;
                }
                List<Address[]> paths = new ArrayList<>();
                paths.add(new Address[] {me.address(), h.address()});
                out.add(new Peer(h, paths, Inherit.expand(resNet, List.of()), null));
            }
        }
        return out;
    }
}
