package io.drbdctl.setup.command;

/** Which objects a command addresses (drbdsetup's context keys, as bits). */
public final class Ctx {
    private Ctx() {
    }

    public static final int MINOR = 1;
    public static final int RESOURCE = 2;
    public static final int ALL = 4;
    public static final int CONNECTION = 8;
    public static final int RESOURCE_AND_CONNECTION = 16;
}
