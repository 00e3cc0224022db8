package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.Path;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.genl.drbd2.Resource;
import java.util.Comparator;
import java.util.List;

/**
 * One resource with its objects as the kernel reported them, in drbdsetup's order: devices by
 * volume, connections by name then peer node id.
 */
public record ResourceView(Resource resource, List<Device> devices, List<Connection> connections,
                           List<Path> paths, List<PeerDevice> peerDevices) {

    public ResourceView {
        devices = devices.stream().sorted(Comparator.comparingLong(d -> d.volume().orElse(0))).toList();
        connections = connections.stream().sorted(Comparator.comparing((Connection c) -> c.name().orElse(""))
                .thenComparingLong(c -> c.peerNodeId().orElse(0))).toList();
        paths = List.copyOf(paths);
        peerDevices = List.copyOf(peerDevices);
    }

    public String name() {
        return resource.name().orElse("");
    }

    /** Reads one resource's objects. */
    public static ResourceView read(Drbd2Control k, Resource r) {
        String n = r.name().orElse("");
        List<Connection> conns = k.connections(n);
        return new ResourceView(r, k.devices(n), conns, conns.isEmpty() ? List.of() : k.paths(n),
                conns.isEmpty() ? List.of() : k.peerDevices(n));
    }

    /** All resources (sorted by name), or only {@code name} unless it is "all". */
    public static List<ResourceView> read(Drbd2Control k, String name) {
        return k.resources().stream()
                .filter(r -> name.equals("all") || r.name().orElse("").equals(name))
                .sorted(Comparator.comparing(r -> r.name().orElse("")))
                .map(r -> read(k, r)).toList();
    }
}
