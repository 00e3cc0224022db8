package io.drbdctl.config.parse;

import io.drbdctl.config.diag.Diagnostics;
import io.drbdctl.config.grammar.DrbdConfParser.*;
import io.drbdctl.config.model.Address;
import io.drbdctl.config.model.Connection;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.HostAddr;
import io.drbdctl.config.model.HostKind;
import io.drbdctl.config.model.Mesh;
import io.drbdctl.config.model.Opt;
import io.drbdctl.config.model.PathDef;
import io.drbdctl.config.model.PeerDevice;
import io.drbdctl.config.model.Pos;
import io.drbdctl.config.model.ProxyInfo;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.model.Sections;
import io.drbdctl.config.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Builds one {@link Resource} (or common) from its statements. */
final class ResourceReader {
    private final OptionReader opts;
    private final HostReader hosts;
    private final Diagnostics diags;
    private final String file;

    ResourceReader(OptionReader opts, HostReader hosts, Diagnostics diags, String file) {
        this.opts = opts;
        this.hosts = hosts;
        this.diags = diags;
        this.file = file;
    }

    Resource read(String name, Pos pos, List<ResStmtContext> stmts, boolean isCommon) {
        TreeMap<Integer, VolumeBuilder> vols = new TreeMap<>();
        List<Host> hs = new ArrayList<>();
        List<Connection> conns = new ArrayList<>();
        List<Mesh> meshes = new ArrayList<>();
        List<Opt> o = new ArrayList<>(), net = new ArrayList<>(), disk = new ArrayList<>(), pd = new ArrayList<>();
        List<Opt> startup = new ArrayList<>(), proxy = new ArrayList<>(), plugins = new ArrayList<>();
        List<Opt> handlers = new ArrayList<>();
        boolean stackedTimeouts = false;
        String template = null;
        for (int sIndex = 0; sIndex < stmts.size(); sIndex++) {
            ResStmtContext s = stmts.get(sIndex);
            if (s instanceof OnHostContext h) {
                hs.add(host(HostKind.ON, HostReader.words(h.hostNames().word()), null, hostStmts(h), h.start));
            } else if (s instanceof ThisHostContext h) {
                hs.add(host(HostKind.THIS_HOST, List.of("_this_host"), null, h.hostStmt(), h.start));
            } else if (s instanceof FloatingHostContext h) {
                Address a = hosts.address(h.address());
                String fake = "ipv6".equals(a.af()) ? "ipv6 [" + a.addr() + "]:" + a.port() : a.addr() + ":" + a.port();
                hs.add(host(HostKind.FLOATING, List.of(fake), a, h.hostStmt(), h.start));
            } else if (s instanceof StackedOnContext h) {
                hs.add(stacked(h));
            } else if (s instanceof ResNetContext n) {
                net.addAll(opts.read("net", n.optionBlock()).main());
            } else if (s instanceof ResSyncerContext n) {
                OptionReader.Read r = opts.read("syncer", n.optionBlock());
                net.addAll(r.main());
                disk.addAll(r.second());
                o.addAll(r.plugins());
            } else if (s instanceof ResStartupContext n) {
                OptionReader.Read r = opts.read("startup", n.optionBlock());
                startup.addAll(r.main());
                stackedTimeouts |= r.stackedTimeouts();
            } else if (s instanceof ResHandlersContext n) {
                handlers.addAll(opts.read("handlers", n.optionBlock()).main());
            } else if (s instanceof ResProxyContext n) {
                OptionReader.Read r = opts.read("proxy", n.optionBlock());
                proxy.addAll(r.main());
                plugins.addAll(r.plugins());
            } else if (s instanceof ResOptionsContext n) {
                o.addAll(opts.read("options", n.optionBlock()).main());
            } else if (s instanceof ConnectionContext c) {
                conns.add(connection(c));
            } else if (s instanceof ConnectionMeshContext m) {
                meshes.add(mesh(m));
            } else if (s instanceof TemplateFileContext t) {
                template = OptionReader.unquote(t.word().getText());
            } else if (s instanceof ResVolumeContext v) {
                VolumeBuilder vb = new VolumeBuilder(vnr(v.NUM().getSymbol()), false, opts.pos(v.start));
                v.volumeStmt().forEach(x -> hosts.volumeStmt(x, vb));
                vols.put(vb.vnr, vb);
            } else if (s instanceof ResVolumeStmtContext v) {
                VolumeStmtContext vs = v.volumeStmt();
                if (vs instanceof VSkipContext && opts.dialect() == io.drbdctl.config.options.Dialect.V84) {
                    diags.error(file, vs.start.getLine(), vs.start.getCharPositionInLine() + 1,
                            "'skip' is not allowed inside a resource in the 8.4 dialect");
                }
                if (vs instanceof VDiskOptionsContext d) {
                    OptionReader.Read r = opts.read("disk", d.optionBlock());
                    disk.addAll(r.main());
                    pd.addAll(r.second());
                } else if (!(vs instanceof VSkipContext)) {
                    hosts.volumeStmt(vs, implicitVolume(vols, vs));
                }
            } else if (s instanceof ResProtocolContext p) {
                if (!p.STRING().getText().equals("protocol")) {
                    diags.error(file, p.start.getLine(), p.start.getCharPositionInLine() + 1,
                            "unexpected '" + p.STRING().getText() + "' in resource section"
                                    + io.drbdctl.config.diag.Suggest.hint(p.STRING().getText(),
                                    List.of("protocol", "on", "disk", "net", "startup", "handlers", "options",
                                            "connection", "volume", "device", "meta-disk", "floating")));
                } else {
                    String v = p.value().getText();
                    String problem = io.drbdctl.config.parse.ValueCheck.check(
                            opts.protocolDef(), v);
                    if (problem != null) {
                        diags.error(file, p.value().start.getLine(), p.value().start.getCharPositionInLine() + 1,
                                problem);
                    }
                    net.add(new Opt("protocol", v, opts.pos(p.start)));
                }
            }
        }
        if (isCommon && !hs.isEmpty()) {
            Pos hp = hs.get(0).pos();
            diags.error(hp.file(), hp.line(), hp.col(), "in the common section, there are no host sections allowed");
        }
        List<Volume> vl = build(vols);
        return new Resource(name, pos, vl, hs, conns, meshes,
                new Sections(o, net, disk, pd, startup, proxy, plugins, handlers), stackedTimeouts, template);
    }

    /** {@code h.hostStmt()} by a plain type test per child (see {@link ConfigVisitor#resStmts}). */
    private static List<HostStmtContext> hostStmts(OnHostContext h) {
        List<HostStmtContext> out = new ArrayList<>(h.getChildCount());
        for (int i = 0; i < h.getChildCount(); i++) {
            if (h.getChild(i) instanceof HostStmtContext s) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<Volume> build(TreeMap<Integer, VolumeBuilder> vols) {
        if (vols.isEmpty()) {
            return List.of();
        }
        Volume[] out = new Volume[vols.size()];
        int i = 0;
        for (VolumeBuilder b : vols.values()) {
            out[i++] = b.build();
        }
        return List.of(out);
    }

    private VolumeBuilder implicitVolume(TreeMap<Integer, VolumeBuilder> vols, VolumeStmtContext at) {
        VolumeBuilder v = vols.get(0);
        if (v == null && vols.isEmpty()) {
            v = new VolumeBuilder(0, true, opts.pos(at.start));
            vols.put(0, v);
        } else if (v == null || !v.implicit || vols.size() > 1) {
            diags.error(file, at.start.getLine(), at.start.getCharPositionInLine() + 1,
                    "mixing explicit and implicit volumes is not allowed");
            return new VolumeBuilder(0, true, opts.pos(at.start));
        }
        return v;
    }

    private int vnr(org.antlr.v4.runtime.Token t) {
        Long n = ValueCheck.scaled(t.getText(), '1');
        if (n == null || n > 65535 || !ValueCheck.isDigits(t.getText())) {
            diags.error(file, t.getLine(), t.getCharPositionInLine() + 1, "invalid volume number '" + t.getText() + "'");
            return 0;
        }
        return n.intValue();
    }

    private Host host(HostKind kind, List<String> names, Address floating, List<HostStmtContext> stmts,
                      org.antlr.v4.runtime.Token start) {
        hosts.enterHosts(kind == HostKind.ON ? names : null);
        try {
            return readHost(kind, names, floating, stmts, start);
        } finally {
            hosts.enterHosts(null);
        }
    }

    private Host readHost(HostKind kind, List<String> names, Address floating, List<HostStmtContext> stmts,
                          org.antlr.v4.runtime.Token start) {
        TreeMap<Integer, VolumeBuilder> vols = new TreeMap<>();
        Address addr = floating;
        String nodeId = null;
        List<Opt> ro = new ArrayList<>();
        ProxyInfo proxy = null;
        for (int sIndex = 0; sIndex < stmts.size(); sIndex++) {
            HostStmtContext s = stmts.get(sIndex);
            if (s instanceof HostAddrStmtContext a) {
                if (kind == HostKind.FLOATING) {
                    diags.error(file, a.start.getLine(), a.start.getCharPositionInLine() + 1,
                            "address statement not allowed for floating {} host sections");
                }
                addr = hosts.address(a.address());
            } else if (s instanceof HostProxyContext p) {
                proxy = hosts.proxy(p.proxySection());
            } else if (s instanceof HostVolumeContext v) {
                if (vols.values().stream().anyMatch(x -> x.implicit)) {
                    diags.error(file, v.start.getLine(), v.start.getCharPositionInLine() + 1,
                            "mixing explicit and implicit volumes is not allowed");
                }
                VolumeBuilder vb = new VolumeBuilder(vnr(v.NUM().getSymbol()), false, opts.pos(v.start));
                v.volumeStmt().forEach(x -> hosts.volumeStmt(x, vb));
                vols.put(vb.vnr, vb);
            } else if (s instanceof HostNodeIdContext n) {
                nodeId = n.NUM().getText();
                Long id = ValueCheck.scaled(nodeId, '1');
                if (id == null || id > 32 || !ValueCheck.isDigits(nodeId)) {
                    org.antlr.v4.runtime.Token t = n.NUM().getSymbol();
                    diags.error(file, t.getLine(), t.getCharPositionInLine() + 1,
                            "node-id " + nodeId + " out of range [0..32]");
                }
            } else if (s instanceof HostOptionsContext o) {
                ro.addAll(opts.read("options", o.optionBlock()).main());
            } else if (s instanceof HostVolumeStmtContext v && !(v.volumeStmt() instanceof VSkipContext)) {
                hosts.volumeStmt(v.volumeStmt(), implicitVolume(vols, v.volumeStmt()));
            }
        }
        List<Volume> vl = build(vols);
        return new Host(kind, names, null, nodeId, addr, ro, vl, proxy, opts.pos(start));
    }

    private Host stacked(StackedOnContext h) {
        TreeMap<Integer, VolumeBuilder> vols = new TreeMap<>();
        Address addr = null;
        String nodeId = null;
        ProxyInfo proxy = null;
        var sList = h.stackedStmt();
        for (int sIndex = 0; sIndex < sList.size(); sIndex++) {
            StackedStmtContext s = sList.get(sIndex);
            if (s instanceof SDeviceContext d) {
                VolumeBuilder v = vols.computeIfAbsent(0, k -> new VolumeBuilder(0, true, opts.pos(d.start)));
                hosts.device(d.word(), d.NUM(), d.start, v);
                v.parsedDevice = false;
                v.metaDisk = "internal";
                v.metaIndex = "internal";
            } else if (s instanceof SAddressContext a) {
                addr = hosts.address(a.address());
            } else if (s instanceof SProxyContext p) {
                proxy = hosts.proxy(p.proxySection());
            } else if (s instanceof SVolumeContext sv) {
                VolumeBuilder vb = new VolumeBuilder(vnr(sv.NUM().getSymbol()), false, opts.pos(sv.start));
                var xList = sv.stackedVolStmt();
                for (int xIndex = 0; xIndex < xList.size(); xIndex++) {
                    StackedVolStmtContext x = xList.get(xIndex);
                    if (x instanceof SvDeviceContext d) {
                        hosts.device(d.word(), d.NUM(), d.start, vb);
                        vb.parsedDevice = false;
                    } else if (x instanceof SvDiskContext d) {
                        OptionReader.Read r = opts.read("disk", d.optionBlock());
                        vb.diskOptions.addAll(r.main());
                        vb.pdOptions.addAll(r.second());
                    }
                }
                vols.put(vb.vnr, vb);
            } else if (s instanceof SNodeIdContext n) {
                nodeId = n.NUM().getText();
            }
        }
        List<Volume> vl = build(vols);
        return new Host(HostKind.STACKED, List.of(), OptionReader.unquote(h.word().getText()), nodeId, addr,
                List.of(), vl, proxy, opts.pos(h.start));
    }

    private Connection connection(ConnectionContext c) {
        List<PathDef> paths = new ArrayList<>();
        List<HostAddr> implicitHosts = new ArrayList<>();
        List<Opt> net = new ArrayList<>(), pd = new ArrayList<>();
        List<PeerDevice> pds = new ArrayList<>();
        boolean standalone = false;
        String peerNodeId = null;
        var sList = c.connStmt();
        for (int sIndex = 0; sIndex < sList.size(); sIndex++) {
            ConnStmtContext s = sList.get(sIndex);
            if (s instanceof CHostContext h) {
                implicitHosts.add(hostAddr(h.hostAddress()));
            } else if (s instanceof CPathContext p) {
                List<HostAddr> ha = new ArrayList<>();
                p.hostAddress().forEach(x -> ha.add(hostAddr(x)));
                if (ha.size() > 2) {
                    diags.error(file, p.start.getLine(), p.start.getCharPositionInLine() + 1,
                            "only two 'host' keywords per path allowed");
                }
                paths.add(new PathDef(false, ha, opts.pos(p.start)));
            } else if (s instanceof CNetContext n) {
                net.addAll(opts.read("net", n.optionBlock()).main());
            } else if (s instanceof CDiskContext d) {
                pd.addAll(opts.read("peer-device", d.optionBlock()).main());
            } else if (s instanceof CVolumeContext v) {
                pds.add(new PeerDevice(vnr(v.NUM().getSymbol()), opts.read("peer-device", v.optionBlock()).main(),
                        opts.pos(v.start)));
            } else if (s instanceof CStandaloneContext) {
                standalone = true;
            } else if (s instanceof CPeerNodeIdContext p) {
                peerNodeId = p.NUM().getText();
            }
        }
        if (!implicitHosts.isEmpty()) {
            if (!paths.isEmpty()) {
                diags.error(file, c.start.getLine(), c.start.getCharPositionInLine() + 1,
                        "explicit and implicit paths not allowed");
            }
            if (implicitHosts.size() > 2) {
                Pos p = implicitHosts.get(2).pos();
                diags.error(p.file(), p.line(), p.col(), "only two 'host' keywords per connection allowed");
            }
            paths.add(0, new PathDef(true, implicitHosts, implicitHosts.get(0).pos()));
        }
        String name = c.word() == null ? null : OptionReader.unquote(c.word().getText());
        return new Connection(name, false, paths, net, pd, pds, standalone, peerNodeId, opts.pos(c.start));
    }

    private HostAddr hostAddr(HostAddressContext h) {
        String kind = h.kind == null ? "host" : h.kind.getText();
        String name = h.word() != null ? OptionReader.unquote(h.word().getText()) : kind.equals("address") ? null : kind;
        Address a = hosts.address(h.address());
        String port = h.NUM() != null ? h.NUM().getText() : null;
        if (h.NUM() != null) {
            hosts.checkPort(h.NUM().getSymbol());
        }
        ProxyInfo p = h.proxySection() != null ? hosts.proxy(h.proxySection()) : null;
        return new HostAddr(kind, name, a, port, p, opts.pos(h.start));
    }

    private Mesh mesh(ConnectionMeshContext m) {
        List<String> hs = new ArrayList<>();
        List<Opt> net = new ArrayList<>();
        var sList = m.meshStmt();
        for (int sIndex = 0; sIndex < sList.size(); sIndex++) {
            MeshStmtContext s = sList.get(sIndex);
            if (s instanceof MeshHostsContext h) {
                hs.addAll(HostReader.words(h.word()));
            } else if (s instanceof MeshNetContext n) {
                net.addAll(opts.read("net", n.optionBlock()).main());
            }
        }
        return new Mesh(hs, net, opts.pos(m.start));
    }
}
