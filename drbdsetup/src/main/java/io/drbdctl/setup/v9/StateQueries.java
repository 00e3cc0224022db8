package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.genl.drbd2.Resource;
import java.util.List;
import java.util.Optional;

/**
 * drbdsetup 9.22's one-word state queries over drbd2: {@code role RESOURCE}, {@code cstate
 * RESOURCE PEER_NODE_ID} and {@code dstate MINOR} (the local disk state, then "/" and the peer
 * disk state of each peer device of that volume). An unknown object is one line on standard
 * error and exit 10, in 9.22's words.
 */
final class StateQueries {
    private StateQueries() {
    }

    static final List<V9Command> COMMANDS = List.of(
            new V9Command("role", List.of("resource"), List.of(), "Show the role of a resource."),
            new V9Command("cstate", List.of("resource", "peer_node_id"), List.of(),
                    "Show the state of a connection."),
            new V9Command("dstate", List.of("minor"), List.of(),
                    "Show the disk state of a device and of its peers' disks."));

    static boolean handles(String name) {
        return COMMANDS.stream().anyMatch(c -> c.name().equals(name));
    }

    static int run(V9Call c, Drbd2Control k) {
        String arg = c.args().get(0);
        return switch (c.cmd().name()) {
            case "role" -> k.resources().stream().filter(r -> r.name().orElse("").equals(arg)).findFirst()
                    .map(r -> print(c, StateNames.role(r.role())))
                    .orElseGet(() -> fail(c, arg + ": Unknown resource"));
            case "cstate" -> cstate(c, k, arg, c.argument("peer_node_id", c.args().get(1)));
            default -> dstate(c, k, arg, c.argument("minor", arg));
        };
    }

    private static int cstate(V9Call c, Drbd2Control k, String resource, long peer) {
        boolean known = k.resources().stream().map(Resource::name).anyMatch(n -> n.orElse("").equals(resource));
        Optional<Connection> conn = known ? k.connections(resource).stream()
                .filter(x -> x.peerNodeId().orElse(-1) == peer).findFirst() : Optional.empty();
        return conn.map(x -> print(c, StateNames.connection(x.cstate())))
                .orElseGet(() -> fail(c, resource + ": No such connection"));
    }

    private static int dstate(V9Call c, Drbd2Control k, String arg, long minor) {
        Optional<Device> dev = k.devices().stream().filter(d -> d.minor().orElse(-1) == minor).findFirst();
        if (dev.isEmpty()) {
            return fail(c, arg + ": No such device");
        }
        Device d = dev.get();
        StringBuilder b = new StringBuilder(StateNames.disk(d.diskState()));
        long volume = d.volume().orElse(0);
        for (PeerDevice pd : k.peerDevices(d.resource().orElse(""))) {
            if (pd.volume().orElse(-1) == volume) {
                b.append('/').append(StateNames.disk(pd.peerDiskState()));
            }
        }
        return print(c, b.toString());
    }

    private static int print(V9Call c, String line) {
        c.out().print(line + "\n");
        return 0;
    }

    private static int fail(V9Call c, String line) {
        c.err().print(line + "\n");
        return 10;
    }
}
