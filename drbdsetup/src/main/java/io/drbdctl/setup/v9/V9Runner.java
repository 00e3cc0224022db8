package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Binary;
import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.DiskOptions;
import io.drbdctl.genl.drbd2.Path;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.genl.drbd2.Resource;
import io.drbdctl.genl.drbd2.Role;
import io.drbdctl.netlink.NetlinkErrnoException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs one checked 9-dialect command over drbd2; kernel refusals propagate as exceptions.
 * Like 9.22, deleted minors and resources are forgotten in the registry drbdadm and drbdmeta
 * read (del-minor, del-resource, down).
 */
final class V9Runner {
    private final Drbd2Control k;
    private final Registry registry;

    /** The registry of configured minors and resources (/var/lib/drbd). */
    interface Registry {
        void forgetMinor(long minor);

        void forgetResource(String name);
    }

    V9Runner(Drbd2Control k, Registry registry) {
        this.k = k;
        this.registry = registry;
    }

    int run(V9Call c) {
        List<String> a = c.args();
        switch (c.cmd().name()) {
            case "new-resource" -> {
                Resource.Builder b = Resource.builder().name(a.get(0)).nodeId(num(c, "node_id", a.get(1)));
                V9OptionRequests.resourceOptions(c).ifPresent(b::options);
                k.newResource(b.build());
            }
            case "new-minor" -> k.newDevice(a.get(0), num(c, "minor", a.get(1)), num(c, "volume", a.get(2)));
            case "del-minor" -> {
                long minor = num(c, "minor", a.get(0));
                k.delDevice(minor);
                registry.forgetMinor(minor);
            }
            case "del-resource" -> {
                k.delResource(a.get(0));
                registry.forgetResource(a.get(0));
            }
            case "primary" -> k.setRole(a.get(0), Role.PRIMARY, c.flag("force"));
            case "secondary" -> k.setRole(a.get(0), Role.SECONDARY, false);
            case "attach" -> {
                return attach(c);
            }
            case "detach" -> {
                try {
                    k.detach(num(c, "minor", a.get(0)), c.flag("force"));
                } catch (NetlinkErrnoException e) {
                    if (e.errno() != Drbd2Failure.ENODEV) {
                        throw e;
                    }
                    // diskless already: nothing to do, as 9.22's SS_NOTHING_TO_DO
                }
            }
            case "new-peer" -> {
                Connection.Builder b = Connection.builder().resource(a.get(0))
                        .peerNodeId(num(c, "peer_node_id", a.get(1)));
                Optional.ofNullable(c.opts().get("_name")).ifPresent(b::name);
                V9OptionRequests.netOptions(c).ifPresent(b::netOptions);
                k.newConnection(b.build());
            }
            case "del-peer" -> k.delConnection(a.get(0), num(c, "peer_node_id", a.get(1)));
            case "new-path", "del-path" -> {
                Path p = path(c);
                if (c.cmd().name().equals("new-path")) {
                    k.newPath(p);
                } else {
                    k.delPath(p);
                }
            }
            case "connect" -> k.connect(a.get(0), num(c, "peer_node_id", a.get(1)));
            case "disconnect" -> k.disconnect(a.get(0), num(c, "peer_node_id", a.get(1)));
            case "peer-device-options" -> k.setPeerDeviceOptions(PeerDevice.builder().resource(a.get(0))
                    .peerNodeId(num(c, "peer_node_id", a.get(1))).volume(num(c, "volume", a.get(2)))
                    .options(V9OptionRequests.peerDeviceOptions(c)).build());
            case "resource-options" -> V9OptionRequests.resource(k, c);
            case "disk-options" -> V9OptionRequests.disk(k, c, num(c, "minor", a.get(0)));
            case "net-options" -> V9OptionRequests.net(k, c, num(c, "peer_node_id", a.get(1)));
            case "down" -> {
                return down(c);
            }
            case "status", "show" -> {
                return report(c);
            }
            default -> {
                if (SyncCommands.handles(c.cmd().name())) {
                    return SyncCommands.run(c, k);
                }
                if (StateQueries.handles(c.cmd().name())) {
                    return StateQueries.run(c, k);
                }
                throw new IllegalStateException("no runner for " + c.cmd().name());
            }
        }
        return 0;
    }

    private static long num(V9Call c, String what, String text) {
        return c.argument(what, text);
    }

    private static Path path(V9Call c) {
        List<String> a = c.args();
        byte[] my = address(c, a.get(2));
        byte[] peer = address(c, a.get(3));
        return Path.builder().resource(a.get(0)).peerNodeId(num(c, "peer_node_id", a.get(1)))
                .myAddr(Binary.of(my)).peerAddr(Binary.of(peer)).build();
    }

    private static byte[] address(V9Call c, String text) {
        return Addresses.parse(text).orElseThrow(() -> {
            c.err().print(c.program() + " " + c.cmd().name() + ": invalid address '" + text
                    + "' (expected [ipv4:]ADDR:PORT or ipv6:[ADDR]:PORT)\n");
            return new V9Exit(20);
        });
    }

    /** attach MINOR LOWER META IDX; IDX is internal, flexible (flex-external) or a number. */
    private int attach(V9Call c) {
        List<String> a = c.args();
        long minor = num(c, "minor", a.get(0));
        String idxText = a.get(3);
        int idx;
        switch (idxText) {
            case "internal" -> idx = -1;
            case "flexible", "flex-external" -> idx = -2;
            case "flex-internal" -> idx = -3;
            default -> {
                OptionalLong v = V9Call.number(idxText);
                if (v.isEmpty() || v.getAsLong() > Integer.MAX_VALUE) {
                    c.err().print(c.program() + " attach: invalid meta_data_index '" + idxText
                            + "' (internal, flexible or a number)\n");
                    return 20;
                }
                idx = (int) v.getAsLong();
            }
        }
        String meta = a.get(2).equals("internal") ? a.get(1) : a.get(2);
        Optional<DiskOptions> opts = V9OptionRequests.diskOptions(c);
        if (opts.isPresent()) {
            k.attach(minor, a.get(1), meta, idx, opts.get());
        } else {
            k.attach(minor, a.get(1), meta, idx);
        }
        return 0;
    }

    /**
     * down: secondary, every connection deleted (drbd2 disconnects first), every device
     * detached and deleted, the resource deleted. An unknown resource is no error (9.22).
     */
    private int down(V9Call c) {
        String name = c.args().get(0);
        List<Resource> rs = k.resources().stream()
                .filter(r -> name.equals("all") || r.name().orElse("").equals(name)).toList();
        for (Resource r : rs) {
            String n = r.name().orElse("");
            if (r.role().orElse(0) == Role.PRIMARY.value()) {
                k.setRole(n, Role.SECONDARY, false);
            }
            for (Connection conn : k.connections(n)) {
                k.delConnection(n, conn.peerNodeId().orElse(0));
            }
            for (Device d : k.devices(n)) {
                long minor = d.minor().orElse(0);
                if (d.diskState().orElse(0) != 0) {
                    k.detach(minor, false);
                }
                k.delDevice(minor);
                registry.forgetMinor(minor);
            }
            k.delResource(n);
            registry.forgetResource(n);
        }
        return 0;
    }

    private int report(V9Call c) {
        String name = c.args().isEmpty() ? "all" : c.args().get(0);
        List<ResourceView> views = ResourceView.read(k, name);
        if (views.isEmpty() && !name.equals("all")) {
            c.err().print(name + ": No such resource\n");
            return 10;
        }
        if (c.cmd().name().equals("status")) {
            if (views.isEmpty()) {
                c.out().print("# No currently configured DRBD found.\n");
            }
            c.out().print(StatusText.format(views, c.tty()));
        } else {
            c.out().print(ShowText.format(views, c.flag("show-defaults")));
        }
        return 0;
    }
}
