package io.drbdctl.config.parse;

import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.HostKind;
import io.drbdctl.config.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A stacked-on-top-of section runs on the hosts of the lower resource: it takes their names. */
final class StackedHosts {
    private StackedHosts() {
    }

    static List<Resource> apply(List<Resource> resources) {
        boolean any = false;
        for (int i = 0; i < resources.size() && !any; i++) {
            any = resources.get(i).stacked();
        }
        if (!any) {
            return resources;
        }
        Map<String, Resource> byName = new HashMap<>();
        resources.forEach(r -> byName.putIfAbsent(r.name(), r));
        List<Resource> out = new ArrayList<>();
        for (Resource r : resources) {
            if (!r.stacked()) {
                out.add(r);
                continue;
            }
            List<Host> hosts = new ArrayList<>();
            for (Host h : r.hosts()) {
                Resource lower = h.kind() == HostKind.STACKED ? byName.get(h.lower()) : null;
                if (lower == null || !h.names().isEmpty()) {
                    hosts.add(h);
                    continue;
                }
                List<String> names = new ArrayList<>();
                lower.hosts().stream().filter(x -> x.kind() == HostKind.ON).forEach(x -> names.addAll(x.names()));
                hosts.add(new Host(h.kind(), names, h.lower(), h.nodeId(), h.address(), h.resOptions(), h.volumes(),
                        h.proxy(), h.pos()));
            }
            out.add(new Resource(r.name(), r.pos(), r.volumes(), hosts, r.connections(), r.meshes(), r.sections(),
                    r.stackedTimeouts(), r.templateFile()));
        }
        return out;
    }
}
