package io.drbdctl.setup.family;

import java.util.Optional;

/** The generic netlink families drbdsetup speaks, each with its command dialect. */
public enum Family {
    /** The modern family of the project's module: the DRBD 9 command set. */
    DRBD2("drbd2"),
    /** The legacy family (DRBD 8.4 API, version 1): the drbdsetup-84 command set. */
    LEGACY("drbd");

    private final String genlName;

    Family(String genlName) {
        this.genlName = genlName;
    }

    /** The family's generic netlink name. */
    public String genlName() {
        return genlName;
    }

    /** The family of a generic netlink name ("drbd2" or "drbd"). */
    public static Optional<Family> ofName(String name) {
        for (Family f : values()) {
            if (f.genlName.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
