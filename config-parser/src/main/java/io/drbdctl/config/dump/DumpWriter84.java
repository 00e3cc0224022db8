package io.drbdctl.config.dump;

import io.drbdctl.config.model.Address;
import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.Effective;
import io.drbdctl.config.model.Global;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.HostKind;
import io.drbdctl.config.model.HostNames;
import io.drbdctl.config.model.Opt;
import io.drbdctl.config.model.ProxyInfo;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.model.Sections;
import io.drbdctl.config.model.Volume;
import java.util.ArrayList;
import java.util.List;

/** {@code drbdadm dump} in the 8.4 format ({@code drbdadm-84} of drbd-utils 9.22). */
public final class DumpWriter84 {
    private final Printer p = new Printer();
    private final String hostname;
    private final Config cfg;

    private DumpWriter84(String hostname, Config cfg) {
        this.hostname = hostname;
        this.cfg = cfg;
    }

    public static String dump(Config cfg, List<Resource> selected, String hostname) {
        return dump(cfg, selected, hostname, true);
    }

    /** {@code header}: the file name, global and common, printed when all resources are dumped. */
    public static String dump(Config cfg, List<Resource> selected, String hostname, boolean header) {
        DumpWriter84 w = new DumpWriter84(hostname, cfg);
        if (header) {
            w.p.raw("# " + cfg.file() + "\n");
            w.global(cfg.global());
        }
        if (header && cfg.common() != null) {
            w.p.line("common {");
            w.p.indent++;
            w.sections(cfg.common().sections(), cfg.common().stackedTimeouts());
            w.p.indent--;
            w.p.raw("}\n\n");
        }
        if (selected.isEmpty()) {
            w.p.line("# no resources configured");
        }
        for (Resource r : selected) {
            w.resource(r);
        }
        return w.p.toString();
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
        // drbdadm-84 initialises the medium timeout twice (to the long default) and the long one
        // never, so unset timeouts show as 600 and 0 (reference quirk, reproduced for identical output)
        int shortT = g.cmdTimeoutShort() == null ? 5 : g.cmdTimeoutShort();
        int mediumT = g.cmdTimeoutMedium() == null ? 600 : g.cmdTimeoutMedium();
        int longT = g.cmdTimeoutLong() == null ? 0 : g.cmdTimeoutLong();
        if (shortT != 5) {
            p.line("cmd-timeout-short " + shortT + ";");
        }
        if (mediumT != 121) {
            p.line("cmd-timeout-medium " + mediumT + ";");
        }
        if (longT != 600) {
            p.line("cmd-timeout-long " + longT + ";");
        }
        p.indent--;
        p.line("}");
        p.raw("\n");
    }

    private void options(String name, List<Opt> opts, List<Opt> plugins) {
        if (opts.isEmpty() && plugins.isEmpty()) {
            return;
        }
        p.line(name + " {");
        p.indent++;
        for (Opt o : opts) {
            if (o.value() != null) {
                p.attr(o.name(), Printer.esc(o.value()));
            } else {
                p.line(o.name() + ";");
            }
        }
        if (!plugins.isEmpty()) {
            options("plugin", plugins, List.of());
        }
        p.indent--;
        p.line("}");
    }

    private void sections(Sections s, boolean stackedTimeouts) {
        options("options", s.options(), List.of());
        options("net", s.net(), List.of());
        List<Opt> disk = new ArrayList<>(s.disk());
        disk.addAll(s.peerDevice());
        options("disk", disk, List.of());
        List<Opt> startup = new ArrayList<>(s.startup());
        if (stackedTimeouts) {
            startup.add(new Opt("stacked-timeouts", null, null));
        }
        options("startup", startup, List.of());
        options("proxy", s.proxy(), s.proxyPlugins());
        options("handlers", s.handlers(), List.of());
    }

    private void address(String name, Address a) {
        String addr = "ipv6".equals(a.af()) ? "[" + a.addr() + "]" : a.addr();
        p.line(Printer.pad(name, -16) + " " + a.af() + " " + addr + ":" + a.port() + ";");
    }

    private void proxy(ProxyInfo pi) {
        p.line("proxy on " + String.join(" ", pi.onHosts()) + " {");
        p.indent++;
        if (pi.inside() != null) {
            address("inside", pi.inside());
        }
        if (pi.outside() != null) {
            address("outside", pi.outside());
        }
        options("options", pi.options(), pi.plugins());
        p.indent--;
        p.line("}");
    }

    private void volume(boolean hasLower, boolean implicit, Effective.Vol v, List<Opt> diskOptions) {
        if (!implicit) {
            p.line("volume " + v.vnr() + " {");
            p.indent++;
        }
        options("disk", diskOptions, List.of());
        p.indentOnly();
        p.raw("device" + Printer.pad("", -19 + 4 * p.indent));
        if (v.device() != null) {
            p.raw(Printer.esc(v.device()) + " ");
        }
        p.raw("minor " + v.minor() + ";\n");
        if (!hasLower) {
            p.attr("disk", Printer.esc(v.disk()));
            String mi = v.metaIdx() == null ? "internal" : v.metaIdx();
            if (mi.equals("flexible")) {
                p.line(Printer.pad("meta-disk", -16) + " " + Printer.esc(v.metaDisk()) + ";");
            } else if (mi.equals("internal")) {
                p.attr("meta-disk", "internal");
            } else {
                p.line(Printer.pad("meta-disk", -16) + " " + Printer.esc(v.metaDisk()) + " [" + mi + "];");
            }
        }
        if (!implicit) {
            p.indent--;
            p.line("}");
        }
    }

    private List<String> lowerHosts(Host h) {
        List<String> names = new ArrayList<>();
        cfg.resource(h.lower()).ifPresent(l -> l.hosts().forEach(x -> names.addAll(x.names())));
        return names;
    }

    private void host(Resource r, Host h) {
        if (h.kind() == HostKind.STACKED) {
            p.line("stacked-on-top-of " + Printer.esc(h.lower()) + " {");
            p.indent++;
            List<String> names = lowerHosts(h);
            p.line("# on " + (names.isEmpty() ? "UNKNOWN" : String.join(" ", names)) + " ");
        } else if (h.kind() == HostKind.FLOATING) {
            Address a = h.address();
            p.line("ipv6".equals(a.af()) ? "floating ipv6 [" + a.addr() + "]:" + a.port() + " {"
                    : "floating " + a.af() + " " + a.addr() + ":" + a.port() + " {");
            p.indent++;
        } else {
            p.line("on " + String.join(" ", h.names()) + " {");
            p.indent++;
        }
        options("options", h.resOptions(), List.of());
        List<Effective.Vol> vols = Effective.volumes(cfg, r, h);
        boolean implicit = vols.size() == 1 && vols.get(0).vnr() == 0 && allImplicit(r, h);
        for (Effective.Vol v : vols) {
            List<Opt> own = h.volumes().stream().filter(x -> x.vnr() == v.vnr()).findFirst()
                    .map(Volume::diskOptions).orElse(List.of());
            volume(h.kind() == HostKind.STACKED, implicit, v, own);
        }
        if (h.kind() != HostKind.FLOATING && h.address() != null) {
            address("address", h.address());
        }
        if (h.proxy() != null) {
            proxy(h.proxy());
        }
        p.indent--;
        p.line("}");
    }

    private static boolean allImplicit(Resource r, Host h) {
        return h.volumes().stream().allMatch(Volume::implicit) && r.volumes().stream().allMatch(Volume::implicit);
    }

    private void resource(Resource r) {
        boolean stacked = false;
        boolean ignored = true;
        for (Host h : r.hosts()) {
            boolean mine = h.kind() == HostKind.STACKED
                    ? lowerHosts(h).stream().anyMatch(n -> HostNames.equal(n, hostname)) : h.matches(hostname);
            if (mine) {
                ignored = false;
                stacked = h.kind() == HostKind.STACKED;
                break;
            }
        }
        p.line("# resource " + Printer.esc(r.name()) + " on " + hostname + ": " + (ignored ? "ignored" : "not ignored")
                + ", " + (stacked ? "stacked" : "not stacked"));
        p.line("# defined at " + r.pos().file() + ":" + r.pos().line());
        p.line("resource " + Printer.esc(r.name()) + " {");
        p.indent++;
        for (Host h : r.hosts()) {
            host(r, h);
        }
        sections(r.sections(), r.stackedTimeouts());
        p.indent--;
        p.raw("}\n\n");
    }
}
