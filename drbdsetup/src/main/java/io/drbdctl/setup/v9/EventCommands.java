package io.drbdctl.setup.v9;

import static io.drbdctl.setup.v9.V9Option.flag;

import io.drbdctl.netlink.NetlinkTransport;
import java.util.List;
import java.util.function.Supplier;

/** The commands built on drbd2's events: events2 and the wait-* family (table rows and runner). */
final class EventCommands {
    private EventCommands() {
    }

    /**
     * 9.22's wait-* options: the startup section's timeouts and wait-after-sb, named and described
     * by the option table; their ranges are checked by {@link WaitCommand} with 9.22's own wording
     * ("wfc_timeout => N out of range [0..300000]"), so they are not bound to the table's checks.
     */
    private static final List<V9Option> WAIT_OPTIONS = V9OptionGroups.STARTUP.stream()
            .filter(t -> List.of("wfc-timeout", "degr-wfc-timeout", "outdated-wfc-timeout", "wait-after-sb")
                    .contains(t.name()))
            .map(V9Option::of).map(o -> new V9Option(o.name(), o.kind(), o.choices(), o.help())).toList();

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
