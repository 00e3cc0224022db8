package io.drbdctl.config.model;

import java.util.List;

/** A path; implicit when the host statements were written directly in the connection. */
public record PathDef(boolean implicit, List<HostAddr> hosts, Pos pos) {
    public PathDef {
        hosts = List.copyOf(hosts);
    }
}
