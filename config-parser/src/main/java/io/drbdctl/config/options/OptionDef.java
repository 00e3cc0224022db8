package io.drbdctl.config.options;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the option table.
 *
 * @param section  the drbd.conf section: disk, peer-device, net, options, startup, handlers, proxy
 * @param name     option name as written in drbd.conf
 * @param type     value type
 * @param min      minimum (numeric types), null if unbounded
 * @param max      maximum (numeric types), null if unbounded
 * @param def      default as text, null if none
 * @param scale    default unit of a bare number: '1' none, 'k' KiB, 's' sectors, 'M', 'G'
 * @param unit     human unit label for documentation ("bytes", "1/10 seconds", ...)
 * @param enumValues allowed values (enum types)
 * @param dialects dialects that know the option
 */
public record OptionDef(String section, String name, OptionType type, Long min, Long max, String def,
                        char scale, String unit, List<String> enumValues, Set<Dialect> dialects) {

    public OptionDef {
        enumValues = List.copyOf(enumValues);
        dialects = Set.copyOf(dialects);
    }

    public boolean in(Dialect d) {
        return dialects.contains(d);
    }

    // equals and hashCode written out: the record's generated ones are bound through
    // invokedynamic at their first use, which costs a drbdadm run milliseconds of start-up

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionDef d && section.equals(d.section) && name.equals(d.name) && type == d.type
                && Objects.equals(min, d.min) && Objects.equals(max, d.max) && Objects.equals(def, d.def)
                && scale == d.scale && Objects.equals(unit, d.unit) && enumValues.equals(d.enumValues)
                && dialects.equals(d.dialects);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * section.hashCode() + name.hashCode()) + type.hashCode();
    }
}
