package io.drbdctl.config.model;

import java.util.List;

/** {@code volume N { disk { ... } }} inside a connection. */
public record PeerDevice(int vnr, List<Opt> pdOptions, Pos pos) {
    public PeerDevice {
        pdOptions = List.copyOf(pdOptions);
    }
}
