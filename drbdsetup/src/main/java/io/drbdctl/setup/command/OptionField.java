package io.drbdctl.setup.command;

import io.drbdctl.genl.v8.AttrInfo;
import java.util.List;
import java.util.Optional;

/**
 * One option a configuration command takes, as the option table describes it, bound to the
 * field of the legacy family's attribute set it is sent in.
 *
 * @param name       option name without "--"
 * @param set        the genl attribute set (e.g. disk-conf)
 * @param attr       the spec's description of the field; empty if the family lacks it
 * @param type       value type
 * @param min        numeric minimum
 * @param max        numeric maximum
 * @param def        default: numeric value, 0/1 for booleans, enum wire value; null if none
 * @param signed     numeric is signed
 * @param scale      unit of a bare number: '1', 'k', 's', ...
 * @param unit       unit label shown by "show" (may be empty)
 * @param enumNames  enum value names in table order
 * @param enumWire   enum wire numbers, parallel to enumNames
 * @param nocase     enum names compare case-insensitively
 */
public record OptionField(String name, String set, Optional<AttrInfo> attr, FieldType type, long min,
                          long max, Long def, boolean signed, char scale, String unit,
                          List<String> enumNames, List<Long> enumWire, boolean nocase) {

    public OptionField {
        enumNames = List.copyOf(enumNames);
        enumWire = List.copyOf(enumWire);
    }

    /** Booleans and flags may be given without a value ("--force" means yes). */
    public boolean argumentOptional() {
        return type == FieldType.BOOLEAN || type == FieldType.FLAG;
    }

    /** The enum name of a wire value, if known. */
    public Optional<String> enumName(long wire) {
        int i = enumWire.indexOf(wire);
        return i < 0 ? Optional.empty() : Optional.of(enumNames.get(i));
    }

    /** The wire value of an enum name, if known. */
    public Optional<Long> enumWire(String value) {
        for (int i = 0; i < enumNames.size(); i++) {
            String n = enumNames.get(i);
            if (nocase ? n.equalsIgnoreCase(value) : n.equals(value)) {
                return Optional.of(enumWire.get(i));
            }
        }
        return Optional.empty();
    }

    /** The usage text of the option, e.g. {@code [--al-extents=(67 ... 65534)]}. */
    public String usage() {
        return switch (type) {
            case NUMERIC -> "[--" + name + "=(" + min + " ... " + max + ")]";
            case BOOLEAN, FLAG -> "[--" + name + "={yes|no}]";
            case STRING -> "[--" + name + "=<str>]";
            case ADDRESS -> "[--" + name + "=[{af}:]{local_addr}[:{port}]]";
            case ENUM -> "[--" + name + "={" + String.join("|", enumByWire()) + "}]";
        };
    }

    /** Enum names sorted by wire value (the order drbdsetup lists them). */
    public List<String> enumByWire() {
        return enumWire.stream().sorted().map(w -> enumNames.get(enumWire.indexOf(w))).toList();
    }
}
