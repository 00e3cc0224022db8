package io.drbdctl.config.options;

/** The two configuration languages drbd-utils 9.22 accepts. */
public enum Dialect {
    V84("8.4"), V9("9");

    private final String label;

    Dialect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Dialect fromLabel(String s) {
        for (Dialect d : values()) {
            if (d.label.equals(s)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dialect " + s);
    }
}
