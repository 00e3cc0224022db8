package io.drbdctl.config.model;

import java.util.List;

/** {@code connection-mesh { hosts ...; net { ... } }}. */
public record Mesh(List<String> hosts, List<Opt> net, Pos pos) {
    public Mesh {
        hosts = List.copyOf(hosts);
        net = List.copyOf(net);
    }
}
