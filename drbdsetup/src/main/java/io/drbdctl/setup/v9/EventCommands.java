package io.drbdctl.setup.v9;

import static io.drbdctl.setup.v9.V9Option.flag;
import static io.drbdctl.setup.v9.V9Option.number;

import io.drbdctl.netlink.NetlinkTransport;
import java.util.List;
import java.util.function.Supplier;

/** The commands built on drbd2's events: events2 and the wait-* family (table rows and runner). */
final class EventCommands {
    private EventCommands() {
    }

    private static final List<V9Option> WAIT_OPTIONS = List.of(
            number("wfc-timeout", "seconds to wait, 0 = forever (0..300000, default 0)"),
            number("degr-wfc-timeout", "seconds to wait after a degraded primary (0..300000)"),
            number("outdated-wfc-timeout", "seconds to wait when the peer is outdated (0..300000)"),
            flag("wait-after-sb", "keep waiting when a connection went StandAlone"));

    /** The rows of {@link V9Commands}. */
    static final List<V9Command> COMMANDS = List.of(
            new V9Command("events2", List.of(), List.of(
                    flag("now", "print the current state and exit"),
                    flag("timestamps", "prefix each line with the time"),
                    flag("statistics", "include the statistics fields"),
                    flag("full", "print every field of changed objects (implies --statistics)")),
                    "Show the current state and all state changes of a resource, or of all resources."),
            new V9Command("wait-connect-volume", List.of("resource", "peer_node_id", "volume"), WAIT_OPTIONS,
                    "Wait until a device on a peer is visible."),
            new V9Command("wait-connect-connection", List.of("resource", "peer_node_id"), WAIT_OPTIONS,
                    "Wait until all peer volumes of a connection are visible."),
            new V9Command("wait-connect-resource", List.of("resource"), WAIT_OPTIONS,
                    "Wait until all connections are established."),
            new V9Command("wait-sync-volume", List.of("resource", "peer_node_id", "volume"), WAIT_OPTIONS,
                    "Wait until resync finished on a volume."),
            new V9Command("wait-sync-connection", List.of("resource", "peer_node_id"), WAIT_OPTIONS,
                    "Wait until resync finished on all volumes of a connection."),
            new V9Command("wait-sync-resource", List.of("resource"), WAIT_OPTIONS,
                    "Wait until resync finished on all volumes."));

    static boolean handles(String command) {
        return COMMANDS.stream().anyMatch(c -> c.name().equals(command));
    }

    /**
     * Runs one of them.
     *
     * @param events opens the socket the notifications come on
     */
    static int run(V9Call c, Drbd2Control k, Supplier<NetlinkTransport> events) {
        return c.cmd().name().equals("events2") ? Events2Command.run(c, k, events) : WaitCommand.run(c, k, events);
    }
}
