package io.drbdctl.setup.v9;

import java.util.List;
import java.util.Optional;

/**
 * An option of a 9-dialect command: {@code --name=VALUE} (also {@code --name VALUE}); a flag
 * or boolean is {@code --name} (yes) or {@code --name=yes|no}.
 *
 * @param name    the long option name without dashes
 * @param kind    what its value is
 * @param choices the allowed words of an enum option (else empty)
 * @param help    one line for the usage text and the man page
 * @param table   the option table's description, for options from the table
 */
public record V9Option(String name, Kind kind, List<String> choices, String help, Optional<V9TableOption> table) {

    /** Value kinds. */
    public enum Kind {
        FLAG, NUMBER, BOOLEAN, WORD, STRING
    }

    public V9Option {
        choices = List.copyOf(choices);
    }

    V9Option(String name, Kind kind, List<String> choices, String help) {
        this(name, kind, choices, help, Optional.empty());
    }

    /** An option from the option table. */
    static V9Option of(V9TableOption t) {
        Kind k = switch (t.type()) {
            case NUMERIC -> Kind.NUMBER;
            case BOOLEAN -> Kind.BOOLEAN;
            case ENUM, ENUM_NUM -> Kind.WORD;
            default -> Kind.STRING;
        };
        return new V9Option(t.name(), k, t.enumNames(), t.help(), Optional.of(t));
    }

    static V9Option flag(String name, String help) {
        return new V9Option(name, Kind.FLAG, List.of(), help);
    }

    /** A command's own option (not a configuration option of the table), e.g. verify's --start. */
    static V9Option number(String name, String help) {
        return new V9Option(name, Kind.NUMBER, List.of(), help);
    }

    static V9Option bool(String name, String help) {
        return new V9Option(name, Kind.BOOLEAN, List.of("yes", "no"), help);
    }

    static V9Option string(String name, String help) {
        return new V9Option(name, Kind.STRING, List.of(), help);
    }

    /** How the usage text shows it, e.g. {@code --protocol={A|B|C}}. */
    public String synopsis() {
        if (table.isPresent()) {
            return table.get().synopsis();
        }
        return switch (kind) {
            case FLAG -> "--" + name;
            case NUMBER -> "--" + name + "=(number)";
            case BOOLEAN, WORD -> "--" + name + "={" + String.join("|", choices) + "}";
            case STRING -> "--" + name + "=(string)";
        };
    }
}
