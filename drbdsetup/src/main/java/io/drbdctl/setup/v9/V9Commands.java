package io.drbdctl.setup.v9;

import static io.drbdctl.setup.v9.V9Option.flag;
import static io.drbdctl.setup.v9.V9OptionGroups.DISK;
import static io.drbdctl.setup.v9.V9OptionGroups.NET;
import static io.drbdctl.setup.v9.V9OptionGroups.PEER_DEVICE;
import static io.drbdctl.setup.v9.V9OptionGroups.RESOURCE;
import static io.drbdctl.setup.v9.V9OptionGroups.options;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The commands drbdsetup runs over the drbd2 family, with drbd-utils 9.22's argument syntax.
 * The option groups come from the option table ({@link V9OptionGroups}).
 */
public final class V9Commands {
    private V9Commands() {
    }

    private static final V9Option SET_DEFAULTS = flag("set-defaults",
            "options not given go back to their defaults");

    private static final List<V9Command> BASE = List.of(
            new V9Command("new-resource", List.of("resource", "node_id"), options(RESOURCE),
                    "Create a new resource with this node's id."),
            new V9Command("new-minor", List.of("resource", "minor", "volume"), List.of(),
                    "Create a new replicated device (volume) within a resource."),
            new V9Command("del-minor", List.of("minor"), List.of(),
                    "Remove a replicated device (diskless, not in use)."),
            new V9Command("del-resource", List.of("resource"), List.of(),
                    "Remove a resource without devices and connections."),
            new V9Command("primary", List.of("resource"), List.of(flag("force",
                    "promote without up-to-date data (makes it up-to-date)")),
                    "Change the role of a node in a resource to primary."),
            new V9Command("secondary", List.of("resource"), List.of(),
                    "Change the role of a node in a resource to secondary."),
            new V9Command("attach", List.of("minor", "lower_dev", "meta_data_dev", "meta_data_index"),
                    options(DISK), "Attach a lower-level device (meta data: internal, flexible or an index)."),
            new V9Command("detach", List.of("minor"), List.of(flag("force",
                    "detach even while primary")), "Detach the lower-level device of a replicated device."),
            new V9Command("new-peer", List.of("resource", "peer_node_id"), options(NET),
                    "Make a connection to a peer host (--_name, the peer's name, is required)."),
            new V9Command("del-peer", List.of("resource", "peer_node_id"), List.of(),
                    "Remove a connection to a peer host (disconnects first)."),
            new V9Command("new-path", List.of("resource", "peer_node_id", "local-addr", "remote-addr"),
                    List.of(), "Add a path (local and remote address) to a connection."),
            new V9Command("del-path", List.of("resource", "peer_node_id", "local-addr", "remote-addr"),
                    List.of(), "Remove a path from a connection."),
            new V9Command("connect", List.of("resource", "peer_node_id"), List.of(),
                    "Start connecting to a peer (the connection needs a path)."),
            new V9Command("disconnect", List.of("resource", "peer_node_id"), List.of(),
                    "Stop connecting to a peer; the connection and its paths stay."),
            new V9Command("peer-device-options", List.of("resource", "peer_node_id", "volume"),
                    withSetDefaults(options(PEER_DEVICE)), "Change the resync options of a peer device."),
            new V9Command("resource-options", List.of("resource"), withSetDefaults(options(RESOURCE)),
                    "Change the resource options of an existing resource."),
            new V9Command("disk-options", List.of("minor"), withSetDefaults(options(DISK, "size")),
                    "Change the disk options of an attached lower-level device."),
            new V9Command("net-options", List.of("resource", "peer_node_id"),
                    withSetDefaults(options(NET, "transport", "_name")),
                    "Change the network options of a connection."),
            new V9Command("down", List.of("resource"), List.of(),
                    "Take a resource down: secondary, connections, devices (detached), resource; "
                            + "'all' for every resource."),
            new V9Command("status", List.of(), ReportCommands.STATUS_OPTIONS,
                    "Show the state of a resource, or of all ('all' or no argument)."),
            new V9Command("show", List.of(), Stream.concat(Stream.of(flag("show-defaults",
                    "print every option, those at their defaults too")), ReportCommands.SHOW_OPTIONS.stream())
                    .toList(),
                    "Show the configuration of a resource, or of all ('all' or no argument)."));

    private static final List<V9Command> ALL = Stream.of(BASE, SyncCommands.ALL, StateQueries.COMMANDS,
            EventCommands.COMMANDS)
            .flatMap(List::stream).toList();

    private static List<V9Option> withSetDefaults(List<V9Option> group) {
        return Stream.concat(Stream.of(SET_DEFAULTS), group.stream()).toList();
    }

    /** Every command, in the order of the usage text. */
    public static List<V9Command> all() {
        return ALL;
    }

    public static Optional<V9Command> find(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
