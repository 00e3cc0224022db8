package io.drbdctl.netlink.ctrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.netlink.GenlMessage;
import io.drbdctl.netlink.GenlRequest;
import io.drbdctl.netlink.NetlinkProtocolException;
import io.drbdctl.netlink.NlAttrBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenlFamilyDecodeTest {

    private static GenlMessage reply(NlAttrBuilder attrs) {
        return GenlMessage.decode(GenlRequest.of(16, 1, 2, attrs).toMessage(0, 1, 1), 0);
    }

    @Test
    void decodesAllFields() {
        GenlFamily f = GenlFamily.decode(reply(new NlAttrBuilder()
                .string(Ctrl.CTRL_ATTR_FAMILY_NAME, "drbd2").u16(Ctrl.CTRL_ATTR_FAMILY_ID, 35)
                .u32(Ctrl.CTRL_ATTR_VERSION, 2).u32(Ctrl.CTRL_ATTR_HDRSIZE, 8)
                .u32(Ctrl.CTRL_ATTR_MAXATTR, 40)
                .nest(Ctrl.CTRL_ATTR_OPS, ops -> ops
                        .nest(1, o -> o.u32(Ctrl.CTRL_ATTR_OP_ID, 3).u32(Ctrl.CTRL_ATTR_OP_FLAGS,
                                Ctrl.GENL_CMD_CAP_DO | Ctrl.GENL_ADMIN_PERM))
                        .nest(2, o -> o.u32(Ctrl.CTRL_ATTR_OP_ID, 4).u32(Ctrl.CTRL_ATTR_OP_FLAGS,
                                Ctrl.GENL_CMD_CAP_DUMP)))
                .nest(Ctrl.CTRL_ATTR_MCAST_GROUPS, gs -> gs
                        .nest(1, g -> g.string(Ctrl.CTRL_ATTR_MCAST_GRP_NAME, "events")
                                .u32(Ctrl.CTRL_ATTR_MCAST_GRP_ID, 11)))
                .u32(99, 0))); // unknown attributes are ignored
        assertEquals(new GenlFamily(35, "drbd2", 2, 8, 40,
                List.of(new GenlOp(3, 3), new GenlOp(4, 4)), List.of(new McastGroup("events", 11))),
                f);
        assertTrue(f.op(3).orElseThrow().canDo());
        assertTrue(f.op(3).orElseThrow().adminOnly());
        assertTrue(f.op(4).orElseThrow().canDump());
        assertEquals(11, f.mcastGroup("events").orElseThrow().id());
        assertTrue(f.mcastGroup("nope").isEmpty());
    }

    @Test
    void missingIdIsAProtocolError() {
        GenlMessage m = reply(new NlAttrBuilder().string(Ctrl.CTRL_ATTR_FAMILY_NAME, "x"));
        assertThrows(NetlinkProtocolException.class, () -> GenlFamily.decode(m));
    }
}
