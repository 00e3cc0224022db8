package io.drbdctl.config.model;

import java.util.List;

/** A connection section (explicit) or one formed from host sections (implicit). */
public record Connection(String name, boolean implicit, List<PathDef> paths, List<Opt> net,
                         List<Opt> pdOptions, List<PeerDevice> peerDevices, boolean standalone,
                         String peerNodeId, Pos pos) {
    public Connection {
        paths = List.copyOf(paths);
        net = List.copyOf(net);
        pdOptions = List.copyOf(pdOptions);
        peerDevices = List.copyOf(peerDevices);
    }
}
