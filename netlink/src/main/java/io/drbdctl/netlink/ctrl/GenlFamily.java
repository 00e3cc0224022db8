package io.drbdctl.netlink.ctrl;

import io.drbdctl.netlink.GenlMessage;
import io.drbdctl.netlink.NlAttr;
import io.drbdctl.netlink.NlAttrs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A generic netlink family as described by nlctrl's CTRL_CMD_GETFAMILY. Immutable. */
public record GenlFamily(int id, String name, int version, int hdrSize, int maxAttr,
                         List<GenlOp> ops, List<McastGroup> mcastGroups) {

    public GenlFamily {
        ops = List.copyOf(ops);
        mcastGroups = List.copyOf(mcastGroups);
    }

    public Optional<McastGroup> mcastGroup(String groupName) {
        return mcastGroups.stream().filter(g -> g.name().equals(groupName)).findFirst();
    }

    public Optional<GenlOp> op(int cmd) {
        return ops.stream().filter(o -> o.id() == cmd).findFirst();
    }

    /**
     * Decodes a CTRL_CMD_NEWFAMILY reply. Id and name are required; the numbers default to 0
     * when absent. Unknown attributes are ignored.
     */
    public static GenlFamily decode(GenlMessage msg) {
        NlAttrs a = msg.attrs();
        int id = a.require(Ctrl.CTRL_ATTR_FAMILY_ID).asU16();
        String name = a.require(Ctrl.CTRL_ATTR_FAMILY_NAME).asString();
        int version = (int) a.first(Ctrl.CTRL_ATTR_VERSION).map(NlAttr::asU32).orElse(0L)
                .longValue();
        int hdrSize = (int) a.first(Ctrl.CTRL_ATTR_HDRSIZE).map(NlAttr::asU32).orElse(0L)
                .longValue();
        int maxAttr = (int) a.first(Ctrl.CTRL_ATTR_MAXATTR).map(NlAttr::asU32).orElse(0L)
                .longValue();
        List<GenlOp> ops = new ArrayList<>();
        for (NlAttr nest : a.all(Ctrl.CTRL_ATTR_OPS)) {
            for (NlAttr op : nest.asNested()) {
                NlAttrs o = op.asNested();
                ops.add(new GenlOp((int) o.require(Ctrl.CTRL_ATTR_OP_ID).asU32(),
                        (int) o.first(Ctrl.CTRL_ATTR_OP_FLAGS).map(NlAttr::asU32).orElse(0L)
                                .longValue()));
            }
        }
        List<McastGroup> groups = new ArrayList<>();
        for (NlAttr nest : a.all(Ctrl.CTRL_ATTR_MCAST_GROUPS)) {
            for (NlAttr grp : nest.asNested()) {
                NlAttrs g = grp.asNested();
                groups.add(new McastGroup(g.require(Ctrl.CTRL_ATTR_MCAST_GRP_NAME).asString(),
                        (int) g.require(Ctrl.CTRL_ATTR_MCAST_GRP_ID).asU32()));
            }
        }
        return new GenlFamily(id, name, version, hdrSize, maxAttr, ops, groups);
    }
}
