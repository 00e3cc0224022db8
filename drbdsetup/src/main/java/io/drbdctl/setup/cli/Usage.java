package io.drbdctl.setup.cli;

import io.drbdctl.setup.command.CommandDef;
import io.drbdctl.setup.command.Commands;
import io.drbdctl.setup.command.Ctx;
import io.drbdctl.setup.command.ExtraOption;
import io.drbdctl.setup.command.OptionField;
import io.drbdctl.setup.command.Positional;

/** The usage texts of drbdsetup, generated from the command definitions and the option table. */
public final class Usage {
    private Usage() {
    }

    /** The program name usage shows. */
    public static final String PROGRAM = "drbdsetup-84";

    /** The full usage of one command ("USAGE:" and its synopsis, wrapped at 80 columns). */
    public static String command(CommandDef c) {
        Wrapper w = new Wrapper();
        w.print(0, "USAGE:\n");
        w.print(1, PROGRAM + " " + c.name());
        int ctx = c.ctxKey();
        if (ctx != 0) {
            if (c.has(Ctx.RESOURCE_AND_CONNECTION)) {
                ctx = Ctx.RESOURCE | Ctx.CONNECTION;
            }
            if ((ctx & (Ctx.RESOURCE | Ctx.MINOR | Ctx.ALL)) != 0) {
                boolean first = true;
                w.print(4, " {");
                if ((ctx & Ctx.RESOURCE) != 0) {
                    w.print(4, first ? "resource" : "|resource");
                    first = false;
                }
                if ((ctx & Ctx.MINOR) != 0) {
                    w.print(4, first ? "minor" : "|minor");
                    first = false;
                }
                if ((ctx & Ctx.ALL) != 0) {
                    w.print(4, first ? "all" : "|all");
                }
                w.print(4, "}");
            }
            if ((ctx & Ctx.CONNECTION) != 0) {
                w.print(4, " [{af}:]{local_addr}[:{port}]");
                w.print(4, " [{af}:]{remote_addr}[:{port}]");
            }
        }
        for (Positional p : c.args()) {
            w.print(4, " {" + p.name() + "}");
        }
        for (ExtraOption o : c.options()) {
            w.print(4, " " + o.usage());
        }
        if (c.setDefaults()) {
            w.print(4, " [--set-defaults]");
        }
        for (OptionField f : c.fields()) {
            w.print(4, " " + f.usage());
        }
        w.print(4, "\n");
        return w.text();
    }

    /** The general usage: the command list; {@code addInfo} is appended when not null. */
    public static String general(Commands commands, String addInfo) {
        StringBuilder b = new StringBuilder();
        b.append("\nUSAGE: ").append(PROGRAM).append(" command device arguments options\n\n")
                .append("Device is usually /dev/drbdX or /dev/drbd/X.\n\nCommands are:\n");
        Wrapper w = new Wrapper();
        for (CommandDef c : commands.all()) {
            w.print(4, String.format("%-18s  ", c.name()));
        }
        b.append(w.text());
        b.append("\n\nTo get more details about a command issue 'drbdsetup help cmd'.\n\n");
        if (addInfo != null) {
            b.append('\n').append(addInfo).append('\n');
        }
        return b.toString();
    }
}
