package io.drbdctl.setup.v9;

import static io.drbdctl.setup.v9.V9Option.bool;
import static io.drbdctl.setup.v9.V9Option.flag;
import static io.drbdctl.setup.v9.V9Option.number;
import static io.drbdctl.setup.v9.V9Option.string;
import static io.drbdctl.setup.v9.V9Option.word;

import java.util.List;
import java.util.Optional;

/**
 * The commands drbdsetup runs over the drbd2 family, with drbd-utils 9.22's argument syntax.
 * Options are those the drbd2 specification has attributes for.
 */
public final class V9Commands {
    private V9Commands() {
    }

    private static final List<V9Option> RESOURCE_OPTIONS = List.of(
            string("cpu-mask", "hexadecimal CPU mask for the resource's threads"),
            word("on-no-data-accessible", List.of("io-error", "suspend-io"),
                    "what I/O does without up-to-date data"),
            bool("auto-promote", "promote on open for writing"));

    private static final List<V9Option> PEER_DEVICE_OPTIONS = List.of(
            number("resync-rate", "resync rate, KiB/s (1..8388608)"),
            number("c-plan-ahead", "resync controller plan-ahead, 1/10 s (0..300)"),
            number("c-delay-target", "resync controller delay target, 1/10 s (1..100)"),
            number("c-fill-target", "resync controller fill target, sectors (0..1048576)"),
            number("c-max-rate", "resync controller maximum rate, KiB/s (0..4194304)"),
            number("c-min-rate", "resync rate kept while application I/O runs, KiB/s (0..4194304)"),
            bool("bitmap", "keep a bitmap for this peer"));

    private static final List<V9Command> BASE = List.of(
            new V9Command("new-resource", List.of("resource", "node_id"), RESOURCE_OPTIONS,
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
                    List.of(), "Attach a lower-level device (meta data: internal, flexible or an index)."),
            new V9Command("detach", List.of("minor"), List.of(flag("force",
                    "detach even while primary")), "Detach the lower-level device of a replicated device."),
            new V9Command("new-peer", List.of("resource", "peer_node_id"), List.of(
                    string("_name", "the peer's name (required)"),
                    word("protocol", List.of("A", "B", "C"), "replication protocol"),
                    bool("allow-two-primaries", "allow both nodes to be primary")),
                    "Make a connection to a peer host."),
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
                    PEER_DEVICE_OPTIONS, "Change the resync options of a peer device."),
            new V9Command("down", List.of("resource"), List.of(),
                    "Take a resource down: secondary, connections, devices (detached), resource; "
                            + "'all' for every resource."),
            new V9Command("status", List.of(), List.of(),
                    "Show the state of a resource, or of all ('all' or no argument)."),
            new V9Command("show", List.of(), List.of(),
                    "Show the configuration of a resource, or of all ('all' or no argument)."));

    private static final List<V9Command> ALL = java.util.stream.Stream.of(BASE, SyncCommands.ALL)
            .flatMap(List::stream).toList();

    /** Every command, in the order of the usage text. */
    public static List<V9Command> all() {
        return ALL;
    }

    public static Optional<V9Command> find(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
