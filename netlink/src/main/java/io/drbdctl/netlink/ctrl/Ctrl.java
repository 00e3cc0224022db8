package io.drbdctl.netlink.ctrl;

/** Constants of the generic netlink controller family "nlctrl" (linux/genetlink.h). */
public final class Ctrl {
    private Ctrl() {
    }

    public static final String FAMILY_NAME = "nlctrl";
    /** GENL_ID_CTRL: the only family id that is fixed. */
    public static final int GENL_ID_CTRL = 16;
    public static final int VERSION = 2;
    /** GENL_NAMSIZ: family names are at most 15 bytes plus NUL. */
    public static final int GENL_NAMSIZ = 16;

    public static final int CTRL_CMD_GETFAMILY = 3;
    public static final int CTRL_CMD_GETPOLICY = 10;

    public static final int CTRL_ATTR_FAMILY_ID = 1;
    public static final int CTRL_ATTR_FAMILY_NAME = 2;
    public static final int CTRL_ATTR_VERSION = 3;
    public static final int CTRL_ATTR_HDRSIZE = 4;
    public static final int CTRL_ATTR_MAXATTR = 5;
    public static final int CTRL_ATTR_OPS = 6;
    public static final int CTRL_ATTR_MCAST_GROUPS = 7;
    public static final int CTRL_ATTR_POLICY = 8;
    public static final int CTRL_ATTR_OP_POLICY = 9;
    public static final int CTRL_ATTR_OP = 10;

    public static final int CTRL_ATTR_OP_ID = 1;
    public static final int CTRL_ATTR_OP_FLAGS = 2;

    public static final int CTRL_ATTR_MCAST_GRP_NAME = 1;
    public static final int CTRL_ATTR_MCAST_GRP_ID = 2;

    /** Operation flags (GENL_*). */
    public static final int GENL_ADMIN_PERM = 0x01;
    public static final int GENL_CMD_CAP_DO = 0x02;
    public static final int GENL_CMD_CAP_DUMP = 0x04;
    public static final int GENL_CMD_CAP_HASPOL = 0x08;
    public static final int GENL_UNS_ADMIN_PERM = 0x10;
}
