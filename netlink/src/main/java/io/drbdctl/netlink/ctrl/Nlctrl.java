package io.drbdctl.netlink.ctrl;

import io.drbdctl.netlink.Errno;
import io.drbdctl.netlink.GenlClient;
import io.drbdctl.netlink.GenlMessage;
import io.drbdctl.netlink.GenlRequest;
import io.drbdctl.netlink.NetlinkErrnoException;
import io.drbdctl.netlink.NetlinkException;
import io.drbdctl.netlink.NetlinkProtocolException;
import io.drbdctl.netlink.NlAttrBuilder;
import io.drbdctl.netlink.socket.NetlinkSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Family and multicast-group resolution through the nlctrl family (CTRL_CMD_GETFAMILY). */
public final class Nlctrl {

    /** Dumps interrupted by NLM_F_DUMP_INTR are retried this often. */
    public static final int DUMP_ATTEMPTS = 5;

    private final GenlClient client;
    private final boolean ack;

    public Nlctrl(GenlClient client) {
        this(client, true);
    }

    /**
     * @param ack false to look families up without NLM_F_ACK (the reply alone answers), as
     *        tools built on older libraries do (drbd-utils' 8.4 drbdsetup)
     */
    public Nlctrl(GenlClient client, boolean ack) {
        this.client = client;
        this.ack = ack;
    }

    /**
     * Looks up one family by name.
     *
     * @throws NetlinkErrnoException with ENOENT if no such family is registered
     */
    public GenlFamily family(String name) {
        GenlRequest req = GenlRequest.of(Ctrl.GENL_ID_CTRL, Ctrl.CTRL_CMD_GETFAMILY, Ctrl.VERSION,
                new NlAttrBuilder().string(Ctrl.CTRL_ATTR_FAMILY_NAME, name));
        List<GenlMessage> replies = ack ? client.request(req) : client.requestNoAck(req);
        if (replies.size() != 1) {
            throw new NetlinkProtocolException("CTRL_CMD_GETFAMILY for '" + name + "' returned "
                    + replies.size() + " messages");
        }
        return GenlFamily.decode(replies.get(0));
    }

    /** Like {@link #family(String)}, but ENOENT yields an empty result. */
    public Optional<GenlFamily> findFamily(String name) {
        try {
            return Optional.of(family(name));
        } catch (NetlinkErrnoException e) {
            if (e.errno() == Errno.ENOENT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** All registered families, in the kernel's order (dump retried on NLM_F_DUMP_INTR). */
    public List<GenlFamily> families() {
        List<GenlFamily> out = new ArrayList<>();
        for (GenlMessage m : client.dumpConsistent(GenlRequest.of(Ctrl.GENL_ID_CTRL,
                Ctrl.CTRL_CMD_GETFAMILY, Ctrl.VERSION), DUMP_ATTEMPTS)) {
            out.add(GenlFamily.decode(m));
        }
        return List.copyOf(out);
    }

    /**
     * The id of multicast group {@code group} of family {@code family}.
     *
     * @throws NetlinkErrnoException ENOENT if the family is missing
     * @throws NetlinkException      if the family has no such group
     */
    public int mcastGroupId(String family, String group) {
        GenlFamily f = family(family);
        return f.mcastGroup(group).orElseThrow(() -> new NetlinkException("family '" + family
                + "' has no multicast group '" + group + "'")).id();
    }

    /** Resolves the group and subscribes {@code events} to it; returns the group id. */
    public int subscribe(NetlinkSocket events, String family, String group) {
        int id = mcastGroupId(family, group);
        events.addMembership(id);
        return id;
    }
}
