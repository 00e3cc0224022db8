package io.drbdctl.config.doc;

import io.drbdctl.config.options.OptionDef;
import io.drbdctl.config.options.OptionTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders drbd.conf(5) from the option table. {@code main(path)} writes the page; a test keeps
 * the checked-in man/drbd.conf.5 equal to the rendering.
 */
public final class ConfManPage {
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("disk", "disk section");
        TITLES.put("peer-device", "peer-device options (disk section and connection disk sections, DRBD 9)");
        TITLES.put("net", "net section");
        TITLES.put("options", "options section (resource options)");
        TITLES.put("startup", "startup section");
        TITLES.put("handlers", "handlers section");
        TITLES.put("proxy", "proxy section");
    }

    private ConfManPage() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args.length > 0 ? args[0] : "man/drbd.conf.5"), render(OptionTable.load()),
                StandardCharsets.UTF_8);
    }

    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("-", "\\-");
    }

    public static String render(OptionTable table) {
        StringBuilder b = new StringBuilder();
        b.append(".\\\" drbd.conf(5) of drbdctl, generated from the option table by ConfManPage\n");
        b.append(".TH DRBD.CONF 5 \"2026\" \"drbdctl 0.1\" \"File Formats\"\n");
        b.append(".SH NAME\ndrbd.conf \\- configuration of DRBD resources for drbdadm\n");
        b.append(".SH SYNOPSIS\n.B /etc/drbd.conf\n");
        b.append(".SH DESCRIPTION\n");
        b.append("The file holds an optional \\fBglobal\\fR section, an optional \\fBcommon\\fR section, "
                + "\\fBresource\\fR sections, \\fBinclude\\fR statements (shell globs, relative to the including "
                + "file), \\fBskip\\fR blocks and \\fBrequire\\-drbd\\-module\\-version\\-\\fR{\\fBeq\\fR,\\fBne\\fR,"
                + "\\fBgt\\fR,\\fBge\\fR,\\fBlt\\fR,\\fBle\\fR} statements. The DRBD 9 and the 8.4 dialect are read; "
                + "the dialect follows the loaded kernel module.\n");
        b.append(".PP\nOptions of \\fBcommon\\fR are inherited by every resource; resource options by volumes, "
                + "connections and paths. Comments start with \\fB#\\fR. Words with other characters than "
                + "letters, digits and \\fB/._\\-\\fR are written in double quotes.\n");
        b.append(".SH SECTIONS\n");
        section(b, "global { ... }", "\\fBusage\\-count\\fR yes|no|ask, \\fBminor\\-count\\fR, "
                + "\\fBdialog\\-refresh\\fR, \\fBdisable\\-ip\\-verification\\fR, \\fBudev\\-always\\-use\\-vnr\\fR, "
                + "\\fBcmd\\-timeout\\-short\\fR|\\fB\\-medium\\fR|\\fB\\-long\\fR.");
        section(b, "resource \\fINAME\\fR { ... }", "Host sections, volumes, connections and option sections.");
        section(b, "on \\fIHOST\\fR... { ... }", "A host: \\fBdevice\\fR [\\fIPATH\\fR] [\\fBminor\\fR \\fIN\\fR], "
                + "\\fBdisk\\fR \\fIPATH\\fR|none, \\fBmeta\\-disk\\fR internal|\\fIPATH\\fR [\\fB[\\fR\\fIINDEX\\fR\\fB]\\fR], "
                + "\\fBaddress\\fR, \\fBnode\\-id\\fR, \\fBvolume\\fR, \\fBproxy\\fR, \\fBoptions\\fR. "
                + "Several host names may share a section (DRBD 9). __DRBD_NODE__ overrides the node name.");
        section(b, "floating \\fIADDRESS\\fR { ... }", "A host found by one of its own addresses.");
        section(b, "stacked\\-on\\-top\\-of \\fIRESOURCE\\fR { ... }", "A resource stacked on another one.");
        section(b, "volume \\fIN\\fR { ... }", "\\fBdevice\\fR, \\fBdisk\\fR, \\fBmeta\\-disk\\fR and a \\fBdisk\\fR "
                + "option section of one volume.");
        section(b, "connection { ... }", "\\fBhost\\fR \\fINAME\\fR [\\fBaddress\\fR \\fIADDR\\fR | \\fBport\\fR "
                + "\\fIN\\fR] [\\fBvia proxy on\\fR ...] statements or \\fBpath\\fR sections, \\fBnet\\fR and \\fBdisk\\fR "
                + "sections, \\fBvolume\\fR \\fIN\\fR { disk { ... } }. Without connections, every pair of hosts is "
                + "connected (implicit connections).");
        section(b, "connection\\-mesh { hosts ...; net { ... } }", "Connections between all listed hosts.");
        section(b, "_this_host, _remote_host, _peer_node_id", "The syntax drbdsetup show prints; read back by "
                + "\\fBadjust\\fR.");
        section(b, "address [ipv4|ipv6|ssocks|sdp] \\fIADDR\\fR:\\fIPORT\\fR", "IPv6 addresses in brackets.");
        b.append(".SH OPTIONS\nA bare number is in the unit given as scale; the suffixes K, M, G (powers of 1024) "
                + "and s (512\\-byte sectors) convert. A boolean option written without a value means yes, with "
                + "a \\fBno\\-\\fR prefix no.\n");
        for (Map.Entry<String, String> e : TITLES.entrySet()) {
            b.append(".SS ").append(e.getValue()).append('\n');
            Set<String> seen = new HashSet<>();
            for (OptionDef d : table.all()) {
                if (!d.section().equals(e.getKey()) || !seen.add(d.name() + d.dialects())) {
                    continue;
                }
                b.append(".TP\n.B ").append(esc(d.name())).append('\n').append(describe(d)).append('\n');
            }
        }
        b.append(".SH SEE ALSO\n.BR drbdadm (8)\n");
        return b.toString();
    }

    private static void section(StringBuilder b, String head, String text) {
        b.append(".TP\n.B ").append(head).append('\n').append(text).append('\n');
    }

    private static String describe(OptionDef d) {
        StringBuilder s = new StringBuilder(d.type().name().toLowerCase().replace('_', '-'));
        if (!d.enumValues().isEmpty()) {
            s.append("; values: ").append(esc(String.join(" | ", d.enumValues())));
        }
        if (d.min() != null || d.max() != null) {
            s.append("; range ").append(d.min() == null ? 0 : d.min()).append("..")
                    .append(d.max() == null ? "unbounded" : d.max());
        }
        if (d.scale() != '1') {
            s.append("; scale ").append(d.scale());
        }
        if (!d.unit().isEmpty()) {
            s.append("; unit ").append(esc(d.unit()));
        }
        if (d.def() != null) {
            s.append("; default ").append(esc(d.def()));
        }
        List<String> ds = d.dialects().stream().map(x -> x.label()).sorted().toList();
        s.append("; dialects ").append(String.join(", ", ds)).append('.');
        return s.toString();
    }
}
