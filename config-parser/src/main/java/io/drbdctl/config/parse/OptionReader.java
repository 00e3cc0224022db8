package io.drbdctl.config.parse;

import io.drbdctl.config.diag.Diagnostics;
import io.drbdctl.config.diag.Suggest;
import io.drbdctl.config.grammar.DrbdConfParser.OptionBlockContext;
import io.drbdctl.config.grammar.DrbdConfParser.OptionContext;
import io.drbdctl.config.grammar.DrbdConfParser.PluginLineContext;
import io.drbdctl.config.grammar.DrbdConfParser.PluginOptionContext;
import io.drbdctl.config.grammar.DrbdConfParser.PlainOptionContext;
import io.drbdctl.config.grammar.DrbdConfParser.ValueContext;
import io.drbdctl.config.model.Opt;
import io.drbdctl.config.model.Pos;
import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionDef;
import io.drbdctl.config.options.OptionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Token;

/** Reads {@code { name value; ... }} blocks against the option table, with diagnostics. */
final class OptionReader {
    private static final Map<String, String> SYNCER_ALIASES =
            Map.of("outdate-peer", "fence-peer", "rate", "resync-rate", "after", "resync-after");

    private final OptionTable table;
    private final Dialect dialect;
    private final Diagnostics diags;
    private final String file;

    OptionReader(OptionTable table, Dialect dialect, Diagnostics diags, String file) {
        this.table = table;
        this.dialect = dialect;
        this.diags = diags;
        this.file = file;
    }

    Dialect dialect() {
        return dialect;
    }

    OptionDef protocolDef() {
        return table.find("net", "protocol", dialect).orElseThrow();
    }

    Pos pos(Token t) {
        return new Pos(file, t.getLine(), t.getCharPositionInLine() + 1);
    }

    /** Result of reading a block: main options, peer-device options, plugins and flags. */
    record Read(List<Opt> main, List<Opt> second, List<Opt> plugins, boolean stackedTimeouts) {
    }

    /**
     * @param section  table section of the block ("disk", "net", "options", "startup", "handlers",
     *                 "proxy", "peer-device", "syncer")
     */
    Read read(String section, OptionBlockContext block) {
        List<Opt> main = new ArrayList<>();
        List<Opt> second = new ArrayList<>();
        List<Opt> plugins = new ArrayList<>();
        boolean stackedTimeouts = false;
        if (block == null) {
            return new Read(main, second, plugins, false);
        }
        var ocList = block.option();
        for (int ocIndex = 0; ocIndex < ocList.size(); ocIndex++) {
            OptionContext oc = ocList.get(ocIndex);
            if (oc instanceof PluginOptionContext pc) {
                if (!section.equals("proxy") || !pc.optName().getText().equals("plugin")) {
                    diags.error(file, pc.start.getLine(), pc.start.getCharPositionInLine() + 1,
                            "unexpected '{' after option '" + pc.optName().getText() + "'");
                    continue;
                }
                var plList = pc.pluginLine();
                for (int plIndex = 0; plIndex < plList.size(); plIndex++) {
                    PluginLineContext pl = plList.get(plIndex);
                    String line = pl.value().stream().map(v -> unquote(v.getText())).collect(Collectors.joining(" "));
                    plugins.add(new Opt(line, null, pos(pl.start)));
                }
                continue;
            }
            if (!(oc instanceof PlainOptionContext po)) {
                continue;
            }
            Token nameTok = po.optName().start;
            String name = nameTok.getText();
            List<ValueContext> values = po.value();
            if (section.equals("startup") && name.equals("become-primary-on") && dialect == Dialect.V9) {
                continue;
            }
            if (section.equals("startup") && name.equals("stacked-timeouts")) {
                stackedTimeouts = true;
                continue;
            }
            String sec = section;
            String lookup = name;
            if (section.equals("syncer")) {
                lookup = SYNCER_ALIASES.getOrDefault(name, name);
            }
            boolean noPrefix = false;
            Optional<OptionDef> def = findIn(sec, lookup);
            if (def.isEmpty() && lookup.startsWith("no-")) {
                def = findIn(sec, lookup.substring(3));
                noPrefix = def.isPresent();
            }
            if (def.isEmpty()) {
                unknown(section, name, nameTok);
                continue;
            }
            OptionDef d = def.get();
            String value;
            if (values.isEmpty()) {
                value = noPrefix ? "no" : "yes";
                if (d.type() == io.drbdctl.config.options.OptionType.HANDLER) {
                    // drbd-utils takes "yes" as the command here; almost certainly a mistake
                    diags.warning(file, nameTok.getLine(), nameTok.getCharPositionInLine() + 1,
                            "handler '" + d.name() + "' needs a command (drbd-utils would run 'yes')");
                } else if (d.type() != io.drbdctl.config.options.OptionType.BOOLEAN) {
                    diags.error(file, nameTok.getLine(), nameTok.getCharPositionInLine() + 1,
                            "option '" + d.name() + "' needs a value");
                    continue;
                }
            } else {
                if (values.size() > 1 && !d.name().equals("become-primary-on")) {
                    Token t = values.get(1).start;
                    diags.error(file, t.getLine(), t.getCharPositionInLine() + 1,
                            "expected ';' after the value of '" + d.name() + "'");
                }
                Token vt = values.get(0).start;
                value = values.stream().map(v -> unquote(v.getText())).collect(Collectors.joining(" "));
                String problem = ValueCheck.check(d, values.get(0).getText());
                if (problem != null && d.name().equals("al-extents") && problem.contains("out of range")) {
                    // the kernel clamps al-extents; drbd-utils accepts any number
                    diags.warning(file, vt.getLine(), vt.getCharPositionInLine() + 1, problem + "; it will be clamped");
                } else if (problem != null) {
                    diags.error(file, vt.getLine(), vt.getCharPositionInLine() + 1, problem);
                }
            }
            List<Opt> target = main;
            if (section.equals("disk") && d.section().equals("peer-device")) {
                target = second;
            }
            if (section.equals("syncer")) {
                target = d.section().equals("net") ? main : d.section().equals("options") ? plugins : second;
            }
            target.add(new Opt(d.name(), value, pos(nameTok)));
        }
        return new Read(main, second, plugins, stackedTimeouts);
    }

    private Optional<OptionDef> findIn(String section, String name) {
        return switch (section) {
            case "disk" -> table.find("disk", name, dialect).or(() -> table.find("peer-device", name, dialect));
            case "syncer" -> table.find("net", name, dialect).or(() -> table.find("disk", name, dialect))
                    .or(() -> table.find("peer-device", name, dialect))
                    .or(() -> table.find("options", name, dialect));
            default -> table.find(section, name, dialect);
        };
    }

    private void unknown(String section, String name, Token t) {
        List<String> names = new ArrayList<>();
        for (OptionDef d : table.all()) {
            if (d.in(dialect) && (d.section().equals(section)
                    || (section.equals("disk") && d.section().equals("peer-device")))) {
                names.add(d.name());
            }
        }
        String where = table.named(name).stream().filter(d -> d.in(dialect)).map(OptionDef::section)
                .filter(s -> !s.equals(section)).findFirst()
                .map(s -> " (it belongs in the '" + s + "' section)").orElse(Suggest.hint(name, names));
        diags.error(file, t.getLine(), t.getCharPositionInLine() + 1,
                "unknown option '" + name + "' in " + section + " section" + where);
    }

    /** Strips double quotes and backslash escapes as the reference's scanner does. */
    static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < s.length() - 1; i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() - 1) {
                    c = s.charAt(++i);
                }
                b.append(c);
            }
            return b.toString();
        }
        return s;
    }
}
