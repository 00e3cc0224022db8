package io.drbdctl.config.parse;

import io.drbdctl.config.diag.Diagnostics;
import io.drbdctl.config.grammar.DrbdConfParser.AddressContext;
import io.drbdctl.config.grammar.DrbdConfParser.ProxyInsideContext;
import io.drbdctl.config.grammar.DrbdConfParser.ProxyOptionsContext;
import io.drbdctl.config.grammar.DrbdConfParser.ProxyOutsideContext;
import io.drbdctl.config.grammar.DrbdConfParser.ProxySectionContext;
import io.drbdctl.config.grammar.DrbdConfParser.ProxyStmtContext;
import io.drbdctl.config.grammar.DrbdConfParser.VDeviceContext;
import io.drbdctl.config.grammar.DrbdConfParser.VDiskContext;
import io.drbdctl.config.grammar.DrbdConfParser.VDiskOptionsContext;
import io.drbdctl.config.grammar.DrbdConfParser.VFlexMetaDiskContext;
import io.drbdctl.config.grammar.DrbdConfParser.VMetaDiskContext;
import io.drbdctl.config.grammar.DrbdConfParser.VolumeStmtContext;
import io.drbdctl.config.grammar.DrbdConfParser.WordContext;
import io.drbdctl.config.model.Address;
import io.drbdctl.config.model.Opt;
import io.drbdctl.config.model.ProxyInfo;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Reads addresses, proxy sections, device/disk/meta-disk statements. */
final class HostReader {
    private final OptionReader opts;
    private final Diagnostics diags;
    private final String file;
    private final String nodeName;
    /** Host names of the section being read (null at resource level). */
    private List<String> currentHosts;

    HostReader(OptionReader opts, Diagnostics diags, String file, String nodeName) {
        this.opts = opts;
        this.diags = diags;
        this.file = file;
        this.nodeName = nodeName;
    }

    void enterHosts(List<String> hosts) {
        this.currentHosts = hosts;
    }

    /**
     * Device-name checks apply to this node's sections only, as in drbd-utils; elsewhere they
     * are warnings.
     */
    private void deviceProblem(Token at, String msg) {
        boolean mine = nodeName == null || currentHosts == null
                || currentHosts.stream().anyMatch(h -> io.drbdctl.config.model.HostNames.equal(h, nodeName));
        if (mine) {
            diags.error(file, at.getLine(), at.getCharPositionInLine() + 1, msg);
        } else {
            diags.warning(file, at.getLine(), at.getCharPositionInLine() + 1, msg);
        }
    }

    Address address(AddressContext a) {
        if (a == null) {
            return null;
        }
        String af = a.af == null ? "ipv4" : a.af.getText().equals("sci") ? "ssocks" : a.af.getText();
        String addr = a.IPV4ADDR() != null ? a.IPV4ADDR().getText()
                : a.IPV6ADDR() != null ? a.IPV6ADDR().getText() : "";
        TerminalNode portTok = a.NUM();
        String port = portTok == null ? "" : portTok.getText();
        if (portTok != null) {
            checkPort(portTok.getSymbol());
        }
        return new Address(af, addr, port, opts.pos(a.start));
    }

    void checkPort(Token t) {
        Long p = ValueCheck.scaled(t.getText(), '1');
        if (p == null || p < 1 || p > 65535) {
            diags.error(file, t.getLine(), t.getCharPositionInLine() + 1,
                    "port " + t.getText() + " out of range [1..65535]");
        }
    }

    ProxyInfo proxy(ProxySectionContext p) {
        List<String> hosts = words(p.hostNames().word());
        Address inside = null;
        Address outside = null;
        List<Opt> o = new ArrayList<>();
        List<Opt> plugins = new ArrayList<>();
        var sList = p.proxyStmt();
        for (int sIndex = 0; sIndex < sList.size(); sIndex++) {
            ProxyStmtContext s = sList.get(sIndex);
            if (s instanceof ProxyInsideContext pi) {
                inside = address(pi.address());
            } else if (s instanceof ProxyOutsideContext po) {
                outside = address(po.address());
            } else if (s instanceof ProxyOptionsContext px) {
                OptionReader.Read r = opts.read("proxy", px.optionBlock());
                o.addAll(r.main());
                plugins.addAll(r.plugins());
            }
        }
        if (inside == null) {
            diags.error(file, p.start.getLine(), p.start.getCharPositionInLine() + 1,
                    "proxy section lacks the 'inside' address");
        }
        if (outside == null) {
            diags.error(file, p.start.getLine(), p.start.getCharPositionInLine() + 1,
                    "proxy section lacks the 'outside' address");
        }
        return new ProxyInfo(hosts, inside, outside, o, plugins, opts.pos(p.start));
    }

    static List<String> words(List<WordContext> ws) {
        List<String> out = new ArrayList<>();
        for (int wIndex = 0; wIndex < ws.size(); wIndex++) {
            WordContext w = ws.get(wIndex);
            out.add(OptionReader.unquote(w.getText()));
        }
        return out;
    }

    /** Applies one device/disk/meta-disk/skip statement to a volume. */
    void volumeStmt(VolumeStmtContext s, VolumeBuilder v) {
        if (s instanceof VDiskContext d) {
            v.disk = OptionReader.unquote(d.word().getText());
            v.parsedDisk = true;
        } else if (s instanceof VDiskOptionsContext d) {
            OptionReader.Read r = opts.read("disk", d.optionBlock());
            v.diskOptions.addAll(r.main());
            v.pdOptions.addAll(r.second());
            v.parsedDisk = true;
        } else if (s instanceof VDeviceContext d) {
            device(d.word(), d.NUM(), d.start, v);
        } else if (s instanceof VMetaDiskContext m) {
            v.metaDisk = OptionReader.unquote(m.word().getText());
            if (v.metaDisk.equals("internal")) {
                v.metaIndex = "internal";
                if (m.NUM() != null) {
                    diags.error(file, m.NUM().getSymbol().getLine(),
                            m.NUM().getSymbol().getCharPositionInLine() + 1,
                            "meta-disk internal takes no index");
                }
            } else {
                v.metaIndex = m.NUM() != null ? m.NUM().getText() : "flexible";
            }
            v.parsedMetaDisk = true;
        } else if (s instanceof VFlexMetaDiskContext m) {
            v.metaDisk = OptionReader.unquote(m.word().getText());
            v.metaIndex = v.metaDisk.equals("internal") ? "internal" : "flexible";
            v.parsedMetaDisk = true;
        }
    }

    void device(WordContext name, TerminalNode minor, Token start, VolumeBuilder v) {
        if (name != null) {
            String dev = OptionReader.unquote(name.getText());
            if (dev.startsWith("drbd")) {
                dev = "/dev/" + dev;
            }
            v.device = dev;
            if (!dev.startsWith("/dev/drbd")) {
                deviceProblem(name.start, "device name must start with /dev/drbd (/dev/ is optional)");
            }
        }
        if (minor != null) {
            Long m = ValueCheck.scaled(minor.getText(), '1');
            v.minor = m == null || m > Integer.MAX_VALUE ? -1 : m.intValue();
            if (v.device != null && v.device.length() > 9) {
                String tail = v.device.substring(9);
                if (ValueCheck.isDigits(tail)
                        && !tail.equals(String.valueOf(v.minor))) {
                    deviceProblem(minor.getSymbol(), "explicit minor number must match with device name (try \"device"
                            + " /dev/drbd" + v.minor + " minor " + v.minor + ";\")");
                } else if (!tail.isEmpty() && !ValueCheck.isDigits(tail) && tail.charAt(0) != '_') {
                    deviceProblem(name.start, "arbitrary device name must start with /dev/drbd_");
                }
            }
        } else if (v.device != null) {
            String tail = v.device.length() > 9 ? v.device.substring(9) : "";
            if (ValueCheck.isDigits(tail) && tail.length() < 10) {
                v.minor = Integer.parseInt(tail);
            } else {
                diags.error(file, start.getLine(), start.getCharPositionInLine() + 1,
                        "no minor given nor device name contains a minor number");
            }
        }
        v.parsedDevice = true;
    }
}
