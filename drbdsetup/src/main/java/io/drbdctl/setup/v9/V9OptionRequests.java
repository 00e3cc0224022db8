package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.DiskOptions;
import io.drbdctl.genl.drbd2.NetOptions;
import io.drbdctl.genl.drbd2.PeerDeviceOptions;
import io.drbdctl.genl.drbd2.Resource;
import io.drbdctl.genl.drbd2.ResourceOptions;
import io.drbdctl.netlink.NlAttrs;
import java.util.Optional;

/**
 * The option nests of a checked call (its command's table options; {@code --set-defaults}
 * adds every other one at its default) and the three *-options commands over drbd2:
 * resource-options (resource-set-options), disk-options (device-set-disk-options) and
 * net-options (connection-set-options). The kernel keeps the values of options not sent.
 */
final class V9OptionRequests {
    private V9OptionRequests() {
    }

    private static NlAttrs nest(V9Call c) {
        return V9OptionNest.encode(c.cmd().options(), c.opts(), c.flag("set-defaults"));
    }

    /** Only when an option was given (else the kernel's defaults apply). */
    private static Optional<NlAttrs> given(V9Call c) {
        return V9OptionNest.any(c.cmd().options(), c.opts()) ? Optional.of(nest(c)) : Optional.empty();
    }

    static Optional<ResourceOptions> resourceOptions(V9Call c) {
        return given(c).map(ResourceOptions::decode);
    }

    static Optional<NetOptions> netOptions(V9Call c) {
        return given(c).map(NetOptions::decode);
    }

    static Optional<DiskOptions> diskOptions(V9Call c) {
        return given(c).map(DiskOptions::decode);
    }

    static PeerDeviceOptions peerDeviceOptions(V9Call c) {
        return PeerDeviceOptions.decode(nest(c));
    }

    /** resource-options RESOURCE. */
    static void resource(Drbd2Control k, V9Call c) {
        k.setResourceOptions(Resource.builder().name(c.args().get(0))
                .options(ResourceOptions.decode(nest(c))).build());
    }

    /** disk-options MINOR. */
    static void disk(Drbd2Control k, V9Call c, long minor) {
        k.setDiskOptions(Device.builder().minor(minor).diskOptions(DiskOptions.decode(nest(c))).build());
    }

    /** net-options RESOURCE PEER_NODE_ID. */
    static void net(Drbd2Control k, V9Call c, long peer) {
        k.setConnectionOptions(Connection.builder().resource(c.args().get(0)).peerNodeId(peer)
                .netOptions(NetOptions.decode(nest(c))).build());
    }
}
