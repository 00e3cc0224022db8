package io.drbdctl.setup.cli;

import io.drbdctl.setup.command.CommandDef;
import io.drbdctl.setup.command.Ctx;
import io.drbdctl.setup.command.ExtraOption;
import io.drbdctl.setup.command.OptionField;
import io.drbdctl.setup.command.Positional;

/** "xml-help": a command's arguments and options as XML, from the command table. */
public final class XmlUsage {
    private XmlUsage() {
    }

    public static String command(CommandDef c) {
        StringBuilder b = new StringBuilder("<command name=\"" + c.name() + "\">\n");
        int ctx = c.has(Ctx.RESOURCE_AND_CONNECTION) ? Ctx.RESOURCE | Ctx.CONNECTION : c.ctxKey();
        int objects = ctx & (Ctx.RESOURCE | Ctx.MINOR | Ctx.ALL);
        if (objects != 0) {
            boolean group = Integer.bitCount(objects) > 1;
            String indent = group ? "\t\t" : "\t";
            if (group) {
                b.append("\t<group>\n");
            }
            if ((ctx & Ctx.RESOURCE) != 0) {
                b.append(indent).append("<argument>resource</argument>\n");
            }
            if ((ctx & Ctx.MINOR) != 0) {
                b.append(indent).append("<argument>minor</argument>\n");
            }
            if ((ctx & Ctx.ALL) != 0) {
                b.append(indent).append("<argument>all</argument>\n");
            }
            if (group) {
                b.append("\t</group>\n");
            }
        }
        if ((ctx & Ctx.CONNECTION) != 0) {
            b.append("\t<argument>local_addr</argument>\n\t<argument>remote_addr</argument>\n");
        }
        for (Positional p : c.args()) {
            b.append("\t<argument>").append(p.name()).append("</argument>\n");
        }
        for (ExtraOption o : c.options()) {
            b.append("\t<option name=\"").append(o.name()).append("\" type=\"")
                    .append(o.hasArg() ? "string" : "flag").append("\">\n\t</option>\n");
        }
        if (c.setDefaults()) {
            b.append("\t<option name=\"set-defaults\" type=\"flag\">\n\t</option>\n");
        }
        for (OptionField f : c.fields()) {
            b.append(field(f));
        }
        return b.append("</command>\n").toString();
    }

    private static String field(OptionField f) {
        String open = "\t<option name=\"" + f.name() + "\" type=\"";
        return switch (f.type()) {
            case NUMERIC -> open + "numeric\">\n\t\t<min>" + f.min() + "</min>\n\t\t<max>" + f.max()
                    + "</max>\n\t\t<default>" + (f.def() == null ? 0 : f.def()) + "</default>\n\t\t<unit_prefix>"
                    + f.scale() + "</unit_prefix>\n" + (f.unit().isEmpty() ? "" : "\t\t<unit>" + f.unit() + "</unit>\n")
                    + "\t</option>\n";
            case BOOLEAN, FLAG -> open + "boolean\">\n\t\t<default>" + (f.def() != null && f.def() != 0 ? "yes" : "no")
                    + "</default>\n\t</option>\n";
            case STRING -> open + "string\">\n\t</option>\n";
            case ADDRESS -> open + "address\">\n\t</option>\n";
            case ENUM -> {
                StringBuilder s = new StringBuilder(open + "handler\">\n");
                f.enumByWire().forEach(n -> s.append("\t\t<handler>").append(n).append("</handler>\n"));
                yield s.append("\t</option>\n").toString();
            }
        };
    }
}
