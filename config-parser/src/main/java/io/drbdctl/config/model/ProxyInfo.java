package io.drbdctl.config.model;

import java.util.List;

/** {@code proxy on HOST... { inside ...; outside ...; options {...} }}. */
public record ProxyInfo(List<String> onHosts, Address inside, Address outside, List<Opt> options,
                        List<Opt> plugins, Pos pos) {
    public ProxyInfo {
        onHosts = List.copyOf(onHosts);
        options = List.copyOf(options);
        plugins = List.copyOf(plugins);
    }
}
