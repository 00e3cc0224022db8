package io.drbdctl.config.options;

/** Value types of configuration options. */
public enum OptionType {
    BOOLEAN, NUMERIC, STRING, ENUM, ENUM_NUM, HANDLER;

    static OptionType parse(String s) {
        return switch (s) {
            case "boolean" -> BOOLEAN;
            case "numeric" -> NUMERIC;
            case "string" -> STRING;
            case "enum" -> ENUM;
            case "enum-num" -> ENUM_NUM;
            case "handler" -> HANDLER;
            default -> throw new IllegalArgumentException("unknown option type " + s);
        };
    }
}
