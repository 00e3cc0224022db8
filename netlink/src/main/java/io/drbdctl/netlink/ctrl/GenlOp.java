package io.drbdctl.netlink.ctrl;

/** One operation of a family: command id and GENL_* capability flags. */
public record GenlOp(int id, int flags) {

    public boolean canDo() {
        return (flags & Ctrl.GENL_CMD_CAP_DO) != 0;
    }

    public boolean canDump() {
        return (flags & Ctrl.GENL_CMD_CAP_DUMP) != 0;
    }

    public boolean hasPolicy() {
        return (flags & Ctrl.GENL_CMD_CAP_HASPOL) != 0;
    }

    public boolean adminOnly() {
        return (flags & (Ctrl.GENL_ADMIN_PERM | Ctrl.GENL_UNS_ADMIN_PERM)) != 0;
    }
}
