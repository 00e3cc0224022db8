package io.drbdctl.config.model;

/**
 * One option as written. {@code value} is null for a proxy plugin line (then {@code name}
 * holds the whole line).
 */
public record Opt(String name, String value, Pos pos) {
}
