package io.drbdctl.config.model;

import java.util.List;

/** The option sections of a resource or of common. */
public record Sections(List<Opt> options, List<Opt> net, List<Opt> disk, List<Opt> peerDevice,
                       List<Opt> startup, List<Opt> proxy, List<Opt> proxyPlugins, List<Opt> handlers) {
    public Sections {
        options = List.copyOf(options);
        net = List.copyOf(net);
        disk = List.copyOf(disk);
        peerDevice = List.copyOf(peerDevice);
        startup = List.copyOf(startup);
        proxy = List.copyOf(proxy);
        proxyPlugins = List.copyOf(proxyPlugins);
        handlers = List.copyOf(handlers);
    }

    public static Sections empty() {
        return new Sections(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }
}
