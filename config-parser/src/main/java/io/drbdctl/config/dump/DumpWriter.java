package io.drbdctl.config.dump;

import io.drbdctl.config.model.Address;
import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.Connection;
import io.drbdctl.config.model.Global;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.HostAddr;
import io.drbdctl.config.model.HostKind;
import io.drbdctl.config.model.Mesh;
import io.drbdctl.config.model.Opt;
import io.drbdctl.config.model.PathDef;
import io.drbdctl.config.model.PeerDevice;
import io.drbdctl.config.model.ProxyInfo;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.model.Sections;
import io.drbdctl.config.model.Volume;
import java.util.ArrayList;
import java.util.List;

/** {@code drbdadm dump} in the DRBD 9 format of drbd-utils 9.22. */
public final class DumpWriter {
    private final Printer p = new Printer();
    private final String hostname;
    private final Config cfg;

    public DumpWriter(String hostname, Config cfg) {
        this.hostname = hostname;
        this.cfg = cfg;
    }

    public static String dump(Config cfg, List<Resource> selected, String hostname) {
        return dump(cfg, selected, hostname, true);
    }

    /** {@code header}: the file name, global and common, printed when all resources are dumped. */
    public static String dump(Config cfg, List<Resource> selected, String hostname, boolean header) {
        StringBuilder b = new StringBuilder();
        dump(cfg, selected, hostname, header, b::append);
        return b.toString();
    }

    /** The text of {@code part}'s resources alone (a part of a dump, without its header). */
    public static String resources(Config cfg, List<Resource> part, String hostname) {
        DumpWriter w = new DumpWriter(hostname, cfg);
        for (int rIndex = 0; rIndex < part.size(); rIndex++) {
            Resource r = part.get(rIndex);
            w.resource(r);
        }
        return w.p.toString();
    }

    /**
     * {@link #dump(Config, List, String, boolean)} passed to {@code sink} in pieces (each valid
     * only during the call): the dump of a big configuration is never one string.
     */
    public static void dump(Config cfg, List<Resource> selected, String hostname, boolean header,
                            java.util.function.Consumer<CharSequence> sink) {
        DumpWriter w = new DumpWriter(hostname, cfg);
        if (header) {
            w.header(cfg);
        }
        if (selected.isEmpty()) {
            w.p.line("# no resources configured");
        }
        for (int rIndex = 0; rIndex < selected.size(); rIndex++) {
            Resource r = selected.get(rIndex);
            w.resource(r);
            if (w.p.length() > 1 << 15) {
                w.p.drainTo(sink);
            }
        }
        w.p.drainTo(sink);
    }

    void header(Config cfg) {
        p.raw("# " + cfg.file() + "\n");
        global(cfg.global());
        if (cfg.common() != null) {
            p.line("common {");
            p.indent++;
            sections(cfg.common().sections(), cfg.common().stackedTimeouts());
            p.indent--;
            p.raw("}\n\n");
        }
    }

    private void global(Global g) {
        if (g.minorCount() == 0 && !g.disableIpVerification() && g.dialogRefresh() == 1
                && g.usageCount().equals("ask")) {
            return;
        }
        p.line("global {");
        p.indent++;
        if (g.disableIpVerification()) {
            p.line("disable-ip-verification;");
        }
        if (g.minorCount() != 0) {
            p.line("minor-count " + g.minorCount() + ";");
        }
        if (g.dialogRefresh() != 1) {
            p.line("dialog-refresh " + g.dialogRefresh() + ";");
        }
        if (!g.usageCount().equals("ask")) {
            p.line("usage-count " + g.usageCount() + ";");
        }
        p.indent--;
        p.line("}");
        p.raw("\n");
    }

    private void options(String name, List<Opt> opts) {
        options2(name, opts, List.of(), false);
    }

    private void options2(String name, List<Opt> opts, List<Opt> inner, boolean innerIsPlugin) {
        if (opts.isEmpty() && inner.isEmpty()) {
            return;
        }
        p.line(name + " {");
        p.indent++;
        plain(opts);
        if (innerIsPlugin) {
            options("plugin", inner);
        } else {
            plain(inner);
        }
        p.indent--;
        p.line("}");
    }

    private void plain(List<Opt> opts) {
        for (int oIndex = 0; oIndex < opts.size(); oIndex++) {
            Opt o = opts.get(oIndex);
            if (o.value() != null) {
                p.attr(o.name(), Printer.esc(o.value()));
            } else {
                p.line(o.name() + ";");
            }
        }
    }

    private void sections(Sections s, boolean stackedTimeouts) {
        options("options", s.options());
        options("net", s.net());
        options2("disk", s.disk(), s.peerDevice(), false);
        List<Opt> startup = s.startup();
        if (stackedTimeouts) {
            startup = new ArrayList<>(startup);
            startup.add(new Opt("stacked-timeouts", null, null));
        }
        options("startup", startup);
        options2("proxy", s.proxy(), s.proxyPlugins(), true);
        options("handlers", s.handlers());
    }

    private void address(String name, Address a, String postfix) {
        p.indentOnly();
        String addr = "ipv6".equals(a.af()) ? "[" + a.addr() + "]" : a.addr();
        p.padded(name, -16);
        p.raw(" ");
        p.raw(a.af());
        p.raw(" ");
        p.raw(addr);
        p.raw(":");
        p.raw(a.port());
        p.raw(postfix);
    }

    private void proxy(String prefix, ProxyInfo pi) {
        p.line(prefix + "proxy on " + String.join(" ", pi.onHosts()) + " {");
        p.indent++;
        if (pi.inside() != null) {
            address("inside", pi.inside(), ";\n");
        }
        if (pi.outside() != null) {
            address("outside", pi.outside(), ";\n");
        }
        options2("options", pi.options(), pi.plugins(), true);
        p.indent--;
        p.line("}");
    }

    private void volume(boolean hasLower, Volume v) {
        if (!v.implicit()) {
            p.line("volume " + v.vnr() + " {");
            p.indent++;
        }
        boolean empty = v.minor() == -1 && v.device() == null && v.disk() == null && v.metaDisk() == null
                && v.metaIndex() == null;
        if (!empty) {
            options2("disk", v.diskOptions(), v.pdOptions(), false);
            if (v.parsedDevice()) {
                p.indentOnly();
                p.raw("device");
                p.padded("", -19 + 4 * p.indent);
                if (v.device() != null) {
                    p.raw(Printer.esc(v.device()) + " ");
                }
                p.raw("minor ");
                p.raw(Integer.toString(v.minor()));
                p.raw(";\n");
            }
            if (!hasLower && v.parsedDisk()) {
                p.attr("disk", Printer.esc(v.disk() == null ? "none" : v.disk()));
            }
            if (!hasLower && v.parsedMetaDisk() && v.metaDisk() != null) {
                if (v.metaIndex().equals("flexible")) {
                    p.line(Printer.pad("meta-disk", -16) + " " + Printer.esc(v.metaDisk()) + ";");
                } else if (v.metaIndex().equals("internal")) {
                    p.attr("meta-disk", "internal");
                } else {
                    p.line(Printer.pad("meta-disk", -16) + " " + Printer.esc(v.metaDisk()) + " [" + v.metaIndex()
                            + "];");
                }
            }
        }
        if (!v.implicit()) {
            p.indent--;
            p.line("}");
        }
    }

    private List<String> lowerHosts(Host h) {
        List<String> names = new ArrayList<>();
        if (cfg != null) {
            cfg.resource(h.lower()).ifPresent(l -> l.hosts().forEach(x -> names.addAll(x.names())));
        }
        return names;
    }

    private void host(Host h) {
        if (h.kind() == HostKind.STACKED) {
            p.line("stacked-on-top-of " + Printer.esc(h.lower()) + " {");
            p.indent++;
            List<String> names = lowerHosts(h);
            p.line("# on " + (names.isEmpty() ? "UNKNOWN" : String.join(" ", names)) + " ");
        } else if (h.kind() == HostKind.FLOATING) {
            address("floating", h.address(), " {\n");
            p.indent++;
        } else {
            p.line("on ", h.names().size() == 1 ? h.names().get(0) : String.join(" ", h.names()), " {");
            p.indent++;
        }
        p.line("node-id ", h.nodeId() == null ? "(null)" : h.nodeId(), ";");
        options("options", h.resOptions());
        var vList = h.volumes();
        for (int vIndex = 0; vIndex < vList.size(); vIndex++) {
            Volume v = vList.get(vIndex);
            if (v.parsedDevice() || v.parsedDisk() || v.parsedMetaDisk()) {
                volume(h.kind() == HostKind.STACKED, v);
            }
        }
        if (h.kind() != HostKind.FLOATING && h.address() != null) {
            address("address", h.address(), ";\n");
        }
        if (h.proxy() != null) {
            proxy("", h.proxy());
        }
        p.indent--;
        p.line("}");
    }

    private void hostAddrs(List<HostAddr> list) {
        for (int haIndex = 0; haIndex < list.size(); haIndex++) {
            HostAddr ha = list.get(haIndex);
            if (ha.kind().equals("address")) {
                address("address", ha.address(), (ha.proxy() != null ? " " : "; ") + "# on "
                        + (ha.name() == null ? "UNKNOWN" : ha.name()) + "\n");
            } else {
                p.indentOnly();
                p.raw("host " + ha.name());
                if (ha.address() != null) {
                    address(" address", ha.address(), "");
                } else if (ha.port() != null) {
                    p.raw(" port " + ha.port());
                }
            }
            if (ha.proxy() != null) {
                proxy(" via ", ha.proxy());
            } else {
                p.raw(";\n");
            }
        }
    }

    private void connection(Connection c) {
        if (c.implicit()) {
            return;
        }
        p.indentOnly();
        p.raw("connection");
        if (c.name() != null) {
            p.raw(" " + Printer.esc(c.name()));
        }
        p.raw(" {\n");
        p.indent++;
        if (!c.paths().isEmpty() && c.paths().get(0).implicit()) {
            hostAddrs(c.paths().get(0).hosts());
        } else {
            var pathList = c.paths();
            for (int pathIndex = 0; pathIndex < pathList.size(); pathIndex++) {
                PathDef path = pathList.get(pathIndex);
                p.line("path {");
                p.indent++;
                hostAddrs(path.hosts());
                p.indent--;
                p.line("}");
            }
        }
        options("net", c.net());
        options("disk", c.pdOptions());
        var pdList = c.peerDevices();
        for (int pdIndex = 0; pdIndex < pdList.size(); pdIndex++) {
            PeerDevice pd = pdList.get(pdIndex);
            p.line("volume " + pd.vnr() + " {");
            p.indent++;
            options("disk", pd.pdOptions());
            p.indent--;
            p.line("}");
        }
        p.indent--;
        p.line("}");
    }

    void resource(Resource r) {
        boolean stacked = false;
        boolean ignored = true;
        var hList = r.hosts();
        for (int hIndex = 0; hIndex < hList.size(); hIndex++) {
            Host h = hList.get(hIndex);
            boolean mine = h.kind() == HostKind.STACKED ? lowerHosts(h).stream()
                    .anyMatch(n -> io.drbdctl.config.model.HostNames.equal(n, hostname)) : h.matches(hostname);
            if (mine) {
                ignored = false;
                stacked = h.kind() == HostKind.STACKED;
                break;
            }
        }
        String name = Printer.esc(r.name());
        p.line("# resource ", name, " on ", hostname, ": ", ignored ? "ignored" : "not ignored", ", ",
                stacked ? "stacked" : "not stacked");
        p.line("# defined at ", r.pos().file(), ":", Integer.toString(r.pos().line()));
        p.line("resource ", name, " {");
        p.indent++;
        if (r.templateFile() != null) {
            p.line("template-file " + Printer.esc(r.templateFile()) + ";");
        }
        var vList = r.volumes();
        for (int vIndex = 0; vIndex < vList.size(); vIndex++) {
            Volume v = vList.get(vIndex);
            if (v.parsedDevice() || v.parsedDisk() || v.parsedMetaDisk()) {
                volume(r.stacked() && stacked, v);
            }
        }
        for (int hIndex = 0; hIndex < hList.size(); hIndex++) {
            host(hList.get(hIndex));
        }
        var cList = r.connections();
        for (int cIndex = 0; cIndex < cList.size(); cIndex++) {
            Connection c = cList.get(cIndex);
            connection(c);
        }
        var mList = r.meshes();
        for (int mIndex = 0; mIndex < mList.size(); mIndex++) {
            Mesh m = mList.get(mIndex);
            p.line("connection-mesh {");
            p.indent++;
            p.line("hosts" + (m.hosts().isEmpty() ? "" : " " + String.join(" ", m.hosts())) + ";");
            options("net", m.net());
            p.indent--;
            p.line("}");
        }
        sections(r.sections(), r.stackedTimeouts());
        p.indent--;
        p.raw("}\n\n");
    }
}
