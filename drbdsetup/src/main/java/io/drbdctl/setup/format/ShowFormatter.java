package io.drbdctl.setup.format;

import io.drbdctl.genl.v8.AttributeSet;
import io.drbdctl.genl.v8.Binary;
import io.drbdctl.genl.v8.DrbdCfgContext;
import io.drbdctl.netlink.NlAttr;
import io.drbdctl.setup.command.OptionField;
import io.drbdctl.setup.run.Values;
import io.drbdctl.setup.state.DeviceSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * "show": the configuration of the minors in drbd.conf syntax, one resource block per
 * resource; minors of the same resource (consecutive objects) share the block. One instance
 * per command run.
 */
public final class ShowFormatter {
    private final StringBuilder out = new StringBuilder();
    private final List<OptionField> resourceFields;
    private final List<OptionField> netFields;
    private final List<OptionField> diskFields;
    private final boolean showDefaults;
    private String lastResource = "";
    private int calls;
    private int indent;

    public ShowFormatter(List<OptionField> resourceFields, List<OptionField> netFields,
                         List<OptionField> diskFields, boolean showDefaults) {
        this.resourceFields = List.copyOf(resourceFields);
        this.netFields = List.copyOf(netFields);
        this.diskFields = List.copyOf(diskFields);
        this.showDefaults = showDefaults;
    }

    private void line(String s) {
        out.append("    ".repeat(indent)).append(s);
    }

    /** Adds one minor's object; returns the text to print now. */
    public String add(DeviceSnapshot d) {
        out.setLength(0);
        calls++;
        String name = d.resourceName().orElse("");
        DrbdCfgContext ctx = d.context().orElse(DrbdCfgContext.builder().build());
        if (!name.equals(lastResource)) {
            if (!lastResource.isEmpty()) {
                --indent;
                line("}\n");
                --indent;
                line("}\n\n");
            }
            lastResource = name;
            line("resource " + name + " {\n");
            ++indent;
            d.resOpts().ifPresent(o -> options("options", o, resourceFields));
            d.net().ifPresent(n -> options("net", n, netFields));
            if (ctx.ctxPeerAddr().isPresent()) {
                line("_remote_host {\n");
                ++indent;
                address(ctx.ctxPeerAddr().get());
                --indent;
                line("}\n");
            }
            line("_this_host {\n");
            ++indent;
            ctx.ctxMyAddr().ifPresent(this::address);
        }
        if (d.volume() != 0xffffffffL) {
            line("volume " + (int) d.volume() + " {\n");
            ++indent;
            line("device\t\t\tminor " + (int) d.minor() + ";\n");
            d.disk().ifPresent(dc -> {
                String backing = dc.backingDev().orElse("");
                if (!backing.isEmpty()) {
                    line("disk\t\t\t\"" + backing + "\";\n");
                    line("meta-disk\t\t\t");
                    int idx = dc.metaDevIdx().orElse(0);
                    String meta = FieldText.quote(dc.metaDev().orElse(""));
                    out.append(switch (idx) {
                        case -1, -3 -> "internal;\n";
                        case -2 -> meta + ";\n";
                        default -> meta + " [ " + idx + " ];\n";
                    });
                }
                options("disk", dc, diskFields);
            });
            --indent;
            line("}\n");
        }
        return out.toString();
    }

    /** The end of the objects: closes the open blocks. */
    public String end() {
        out.setLength(0);
        if (calls > 0) {
            --indent;
            line("}\n");
            --indent;
            line("}\n");
        }
        return out.toString();
    }

    private void address(Binary a) {
        line("address\t\t\t" + Values.formatSockaddr(a.toArray()) + ";\n");
    }

    private void options(String section, AttributeSet set, List<OptionField> fields) {
        boolean opened = false;
        for (OptionField f : fields) {
            Optional<NlAttr> a = FieldText.find(set, f);
            if (a.isEmpty()) {
                continue;
            }
            if (!opened) {
                opened = true;
                line(section + " {\n");
                ++indent;
            }
            boolean isDefault = FieldText.isDefault(a.get(), f);
            if (isDefault && !showDefaults) {
                continue;
            }
            line(String.format("%-16s\t%s;", f.name(), FieldText.value(a.get(), f)));
            boolean unit = !f.unit().isEmpty();
            if (unit || isDefault) {
                out.append(" # ");
                if (unit) {
                    out.append(f.unit());
                }
                if (unit && isDefault) {
                    out.append(", ");
                }
                if (isDefault) {
                    out.append("default");
                }
            }
            out.append('\n');
        }
        if (opened) {
            --indent;
            line("}\n");
        }
    }
}
