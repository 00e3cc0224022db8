package io.drbdctl.config.model;

import java.util.List;

/**
 * A host section: {@code on NAME...}, {@code stacked-on-top-of LOWER}, {@code floating ADDR}
 * or {@code _this_host}. {@code names} are the host names (for floating: a synthetic
 * "addr:port" name, for _this_host: "_this_host").
 */
public record Host(HostKind kind, List<String> names, String lower, String nodeId, Address address,
                   List<Opt> resOptions, List<Volume> volumes, ProxyInfo proxy, Pos pos) {
    public Host {
        names = List.copyOf(names);
        resOptions = List.copyOf(resOptions);
        volumes = List.copyOf(volumes);
    }

    public boolean matches(String hostname) {
        if (kind == HostKind.THIS_HOST) {
            return true;
        }
        for (int nIndex = 0; nIndex < names.size(); nIndex++) {
            String n = names.get(nIndex);
            if (HostNames.equal(n, hostname)) {
                return true;
            }
        }
        return false;
    }
}
