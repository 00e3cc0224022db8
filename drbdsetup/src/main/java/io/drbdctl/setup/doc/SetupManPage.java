package io.drbdctl.setup.doc;

import io.drbdctl.config.options.OptionTable;
import io.drbdctl.setup.command.CommandDef;
import io.drbdctl.setup.command.Commands;
import io.drbdctl.setup.command.Ctx;
import io.drbdctl.setup.command.ExtraOption;
import io.drbdctl.setup.command.OptionField;
import io.drbdctl.setup.command.Positional;
import io.drbdctl.setup.v9.V9Command;
import io.drbdctl.setup.v9.V9Commands;
import io.drbdctl.setup.v9.V9Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders drbdsetup(8) from the command definitions and the option table. {@code main(path)}
 * writes the page; a test keeps the checked-in man/drbdsetup.8 equal to the rendering.
 */
public final class SetupManPage {
    private SetupManPage() {
    }

    private static final Map<String, String> WHAT = Map.ofEntries(
            Map.entry("primary", "Promote the device to the primary role."),
            Map.entry("secondary", "Demote the device to the secondary role."),
            Map.entry("attach", "Attach a backing device and its meta data to the device."),
            Map.entry("disk-options", "Change the disk options of an attached device."),
            Map.entry("detach", "Detach the backing device."),
            Map.entry("connect", "Configure the connection of a resource and start connecting."),
            Map.entry("net-options", "Change the net options of a connection, named by its addresses."),
            Map.entry("disconnect", "Take a connection down, named by its addresses."),
            Map.entry("resize", "Re-examine the backing device size and resize the device."),
            Map.entry("resource-options", "Change the options of a resource."),
            Map.entry("new-current-uuid", "Generate a new current UUID."),
            Map.entry("invalidate", "Replace the local data with the peer's by a full resync."),
            Map.entry("invalidate-remote", "Replace the peer's data with the local data by a full resync."),
            Map.entry("pause-sync", "Pause the resync of the device."),
            Map.entry("resume-sync", "Resume a paused resync."),
            Map.entry("suspend-io", "Suspend application I/O on the device."),
            Map.entry("resume-io", "Resume application I/O."),
            Map.entry("outdate", "Mark the local data as outdated."),
            Map.entry("verify", "Start an online verify against the peer."),
            Map.entry("down", "Take a resource down: disconnect, detach, delete its devices and itself."),
            Map.entry("state", "Deprecated name of role."),
            Map.entry("role", "Print the local and the peer's role."),
            Map.entry("sh-status", "Print the state of devices as shell variable assignments."),
            Map.entry("cstate", "Print the connection state."),
            Map.entry("dstate", "Print the local and the peer's disk state."),
            Map.entry("show-gi", "Print the generation identifiers with explanations."),
            Map.entry("get-gi", "Print the generation identifiers."),
            Map.entry("show", "Print the configuration in drbd.conf syntax."),
            Map.entry("status", "Print the state of resources in the DRBD 9 style."),
            Map.entry("check-resize", "Remember the backing device size for a later resize of internal meta data."),
            Map.entry("events", "Print the state and its changes, one line per event."),
            Map.entry("events2", "Print the state of resources and its changes in the DRBD 9 style, one line per object."),
            Map.entry("wait-connect", "Wait until the device is connected."),
            Map.entry("wait-sync", "Wait until the device is connected and in sync."),
            Map.entry("new-resource", "Create a resource."),
            Map.entry("new-minor", "Create a device (minor) as a volume of a resource."),
            Map.entry("del-minor", "Delete a device that is neither attached nor connected."),
            Map.entry("del-resource", "Delete a resource without devices."));

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args.length > 0 ? args[0] : "man/drbdsetup.8"),
                render(Commands.of(OptionTable.load())), StandardCharsets.UTF_8);
    }

    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("-", "\\-");
    }

    public static String render(Commands commands) {
        StringBuilder b = new StringBuilder();
        b.append(".\\\" drbdsetup(8) of drbdctl, generated from the command table and the option table by "
                + "SetupManPage\n");
        b.append(".TH DRBDSETUP 8 \"2026\" \"drbdctl 0.1\" \"System Administration\"\n");
        b.append(".SH NAME\ndrbdsetup \\- configure the DRBD kernel module\n");
        b.append(".SH SYNOPSIS\n.B drbdsetup\n[\\fB\\-\\-family=drbd2\\fR|\\fBdrbd\\fR]\n"
                + ".I command object arguments options\n");
        b.append(".SH DESCRIPTION\n.B drbdsetup\ntalks to the DRBD kernel module over the legacy generic "
                + "netlink family \\fBdrbd\\fR (the 8.4 API); it takes the command lines, prints the texts and "
                + "returns the exit codes of drbd\\-utils' \\fBdrbdsetup\\-84\\fR. \\fBdrbdadm\\fR(8) "
                + "normally drives it from the configuration file. The object is a minor number (or "
                + "\\fB/dev/drbd\\fR\\fIN\\fR), a resource name, or \\fBall\\fR, as each command says. A boolean "
                + "option given without a value means yes. A number may carry a unit suffix (\\fBK\\fR, "
                + "\\fBM\\fR, \\fBG\\fR, \\fBs\\fR for 512\\-byte sectors); a bare number is in the option's "
                + "scale.\n");
        b.append(".SS Families and dialects\n"
                + "If the kernel registers the \\fBdrbd2\\fR generic netlink family (the project's module), "
                + "drbdsetup speaks it with the DRBD 9 command set of drbd\\-utils 9.22 (see \\fBCOMMANDS OVER "
                + "DRBD2\\fR); otherwise it speaks the legacy \\fBdrbd\\fR family with the 8.4 command set "
                + "(see \\fBCOMMANDS\\fR). The global option \\fB\\-\\-family=drbd2\\fR|\\fBdrbd\\fR before "
                + "the command, or else the environment variable \\fBDRBDCTL_FAMILY\\fR, chooses the family; "
                + "a family chosen so that the kernel does not register is an error (exit 20). With "
                + "neither family registered drbdsetup prints one line and exits 20 (\\fBdown\\fR, "
                + "\\fBsecondary\\fR, \\fBdisconnect\\fR and \\fBdetach\\fR exit 0, as in drbd\\-utils "
                + "9.22). \\fBdrbdadm\\fR(8) runs its plan's dialect and honours \\fBDRBDCTL_FAMILY\\fR.\n");
        b.append(".SH COMMANDS\n");
        for (CommandDef c : commands.all()) {
            b.append(".TP\n.B ").append(esc(c.name())).append(synopsis(c)).append('\n');
            b.append(esc(WHAT.getOrDefault(c.name(), ""))).append('\n');
            for (ExtraOption o : c.options()) {
                b.append(".RS\n.TP\n.B \\-\\-").append(esc(o.name())).append(o.hasArg() ? "=\\fIvalue\\fR" : "")
                        .append("\n.RE\n");
            }
            if (c.setDefaults()) {
                b.append(".RS\n.TP\n.B \\-\\-set\\-defaults\nOptions not given are reset to their defaults.\n"
                        + ".RE\n");
            }
            for (OptionField f : c.fields()) {
                b.append(".RS\n.TP\n.B \\-\\-").append(esc(f.name())).append('\n').append(describe(f))
                        .append("\n.RE\n");
            }
        }
        b.append(".SH COMMANDS OVER DRBD2\n"
                + "The DRBD 9 command set, argument syntax as drbd\\-utils 9.22's drbdsetup; the options come "
                + "from the option table (its DRBD 9 resource, net, disk and peer\\-device options) and are sent "
                + "as the drbd2 attributes of the same names. Values are checked before the kernel is asked "
                + "(exit 20); numbers take the unit suffixes K, M, G and s. \\fB\\-\\-set\\-defaults\\fR "
                + "sends every option not given at its default. Addresses are \\fB[ipv4:]\\fIaddr\\fB:\\fIport\\fR "
                + "or \\fBipv6:[\\fIaddr\\fB]:\\fIport\\fR (numeric). \\fBstatus\\fR and \\fBshow\\fR print "
                + "drbd\\-utils 9.22's formats for what the kernel reports. \\fBevents2\\fR prints 9.22's "
                + "exists/create/change/destroy lines from drbd2's \\fBevents\\fR multicast group (fields drbd2 "
                + "does not report have the values of a node without a data plane); the \\fBwait\\-*\\fR "
                + "commands follow the same notifications and exit 5 when their timeout runs out.\n");
        for (V9Command c : V9Commands.all()) {
            b.append(".TP\n.B ").append(esc(c.name()));
            c.args().forEach(a -> b.append(" \\fI").append(esc(a)).append("\\fR"));
            if (c.optionalResource()) {
                b.append(" [\\fIresource\\fR|\\fBall\\fR]");
            }
            b.append('\n').append(esc(c.summary())).append('\n');
            for (V9Option o : c.options()) {
                b.append(".RS\n.TP\n.B ").append(esc(o.synopsis())).append('\n').append(esc(o.help()))
                        .append(".\n.RE\n");
            }
        }
        b.append(".SH ENVIRONMENT\n.TP\n.B DRBDCTL_FAMILY\n\\fBdrbd2\\fR or \\fBdrbd\\fR: the family (and "
                + "dialect) to use, unless \\fB\\-\\-family\\fR is given.\n");
        b.append(".SH EXIT STATUS\n0 on success; 10 when the kernel refused a request; 11, 16, 17 or 5 when "
                + "it refused a state change; 20 for local errors and usage errors; 5 when a wait timed out.\n"
                + ".PP\nOver drbd2 the kernel answers with a negative errno and an extended\\-ack message; "
                + "drbdsetup prints one line (command, arguments, errno text and name, the kernel's message) "
                + "and exits as drbd\\-utils 9.22 does for that class of failure: 17 for a promotion without "
                + "up\\-to\\-date data (ENODATA), 11 for another refused role or disk change (primary, "
                + "secondary, detach, outdate, invalidate, invalidate\\-remote, verify; an unknown object or "
                + "a value out of range there is 10), 20 when netlink itself refused the request "
                + "(EPERM, EACCES), 10 for "
                + "every other errno (unknown object, exists, in use, out of range, ...). \\fBstatus\\fR of an "
                + "unknown resource exits 10, \\fBdown\\fR of one 0.\n");
        b.append(".SH SEE ALSO\n.BR drbdadm (8),\n.BR drbd.conf (5),\n.BR drbdmeta (8)\n");
        return b.toString();
    }

    private static String synopsis(CommandDef c) {
        StringBuilder s = new StringBuilder();
        int ctx = c.has(Ctx.RESOURCE_AND_CONNECTION) ? Ctx.RESOURCE | Ctx.CONNECTION : c.ctxKey();
        StringBuilder obj = new StringBuilder();
        if ((ctx & Ctx.RESOURCE) != 0) {
            obj.append("|resource");
        }
        if ((ctx & Ctx.MINOR) != 0) {
            obj.append("|minor");
        }
        if ((ctx & Ctx.ALL) != 0) {
            obj.append("|all");
        }
        if (obj.length() > 0) {
            s.append(" \\fI").append(obj.substring(1)).append("\\fR");
        }
        if ((ctx & Ctx.CONNECTION) != 0) {
            s.append(" \\fIlocal_addr remote_addr\\fR");
        }
        for (Positional p : c.args()) {
            s.append(" \\fI").append(esc(p.name())).append("\\fR");
        }
        return s.toString();
    }

    private static String describe(OptionField f) {
        StringBuilder s = new StringBuilder(f.type().name().toLowerCase());
        if (!f.enumNames().isEmpty()) {
            s.append("; values: ").append(esc(String.join(" | ", f.enumByWire())));
        }
        if (f.type() == io.drbdctl.setup.command.FieldType.NUMERIC) {
            s.append("; range ").append(f.min()).append("..").append(f.max());
            if (f.scale() != '1') {
                s.append("; scale ").append(f.scale());
            }
        }
        if (!f.unit().isEmpty()) {
            s.append("; unit ").append(esc(f.unit()));
        }
        if (f.def() != null && f.type() != io.drbdctl.setup.command.FieldType.FLAG) {
            String d = switch (f.type()) {
                case BOOLEAN -> f.def() != 0 ? "yes" : "no";
                case ENUM -> f.enumName(f.def()).orElse("?");
                default -> Long.toString(f.def());
            };
            s.append("; default ").append(esc(d));
        }
        f.attr().ifPresent(a -> s.append("; sent as ").append(esc(f.set())).append(' ').append(esc(a.name())));
        return s.append('.').toString();
    }
}
