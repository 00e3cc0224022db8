package io.drbdctl.config.model;

/** Source position: file as given to the loader (canonical), 1-based line and column. */
public record Pos(String file, int line, int col) {
}
