package io.drbdctl.config.model;

import java.util.List;

/** A resource (or the common section, named "common") as written, before inheritance. */
public record Resource(String name, Pos pos, List<Volume> volumes, List<Host> hosts,
                       List<Connection> connections, List<Mesh> meshes, Sections sections,
                       boolean stackedTimeouts, String templateFile) {
    public Resource {
        volumes = List.copyOf(volumes);
        hosts = List.copyOf(hosts);
        connections = List.copyOf(connections);
        meshes = List.copyOf(meshes);
    }

    public boolean stacked() {
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i).kind() == HostKind.STACKED) {
                return true;
            }
        }
        return false;
    }
}
