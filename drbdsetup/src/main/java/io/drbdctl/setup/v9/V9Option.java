package io.drbdctl.setup.v9;

import java.util.List;

/**
 * An option of a 9-dialect command: {@code --name=VALUE} (also {@code --name VALUE}); a flag
 * is {@code --name} or {@code --name=yes|no}.
 *
 * @param name    the long option name without dashes
 * @param kind    what its value is
 * @param choices the allowed words of an enum option (else empty)
 * @param help    one line for the usage text and the man page
 */
public record V9Option(String name, Kind kind, List<String> choices, String help) {

    /** Value kinds. */
    public enum Kind {
        FLAG, NUMBER, BOOLEAN, WORD, STRING
    }

    public V9Option {
        choices = List.copyOf(choices);
    }

    static V9Option flag(String name, String help) {
        return new V9Option(name, Kind.FLAG, List.of(), help);
    }

    static V9Option number(String name, String help) {
        return new V9Option(name, Kind.NUMBER, List.of(), help);
    }

    static V9Option bool(String name, String help) {
        return new V9Option(name, Kind.BOOLEAN, List.of("yes", "no"), help);
    }

    static V9Option word(String name, List<String> choices, String help) {
        return new V9Option(name, Kind.WORD, choices, help);
    }

    static V9Option string(String name, String help) {
        return new V9Option(name, Kind.STRING, List.of(), help);
    }

    /** How the usage text shows it, e.g. {@code --protocol={A|B|C}}. */
    public String synopsis() {
        return switch (kind) {
            case FLAG -> "--" + name;
            case NUMBER -> "--" + name + "=(number)";
            case BOOLEAN, WORD -> "--" + name + "={" + String.join("|", choices) + "}";
            case STRING -> "--" + name + "=(string)";
        };
    }
}
