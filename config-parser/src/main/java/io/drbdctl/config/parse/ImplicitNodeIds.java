package io.drbdctl.config.parse;

import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.HostKind;
import io.drbdctl.config.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * 8.4-style two-host resources without node-ids get node-ids as drbd-utils derives them: the
 * host whose address has the larger CRC32C (seed 0x1a656f21, compared as signed int) is 0.
 */
final class ImplicitNodeIds {
    private static final int[] TABLE = table();

    private ImplicitNodeIds() {
    }

    static Resource apply(Resource r) {
        if (!r.connections().isEmpty() || !r.meshes().isEmpty()) {
            return r;
        }
        int[] idx = new int[2];
        int n = 0;
        for (int i = 0; i < r.hosts().size(); i++) {
            Host h = r.hosts().get(i);
            if (h.kind() == HostKind.ON || h.kind() == HostKind.FLOATING) {
                if (n == 2) {
                    return r;
                }
                idx[n++] = i;
            }
        }
        if (n != 2) {
            return r;
        }
        Host a = r.hosts().get(idx[0]);
        Host b = r.hosts().get(idx[1]);
        if (a.nodeId() != null || b.nodeId() != null || a.address() == null || b.address() == null) {
            return r;
        }
        int ha = crc32c(0x1a656f21, a.address().addr());
        int hb = crc32c(0x1a656f21, b.address().addr());
        if (ha == hb) {
            return r;
        }
        List<Host> hosts = new ArrayList<>(r.hosts());
        hosts.set(idx[0], withId(a, ha > hb ? "0" : "1"));
        hosts.set(idx[1], withId(b, ha > hb ? "1" : "0"));
        return new Resource(r.name(), r.pos(), r.volumes(), hosts, r.connections(), r.meshes(), r.sections(),
                r.stackedTimeouts(), r.templateFile());
    }

    private static Host withId(Host h, String id) {
        return new Host(h.kind(), h.names(), h.lower(), id, h.address(), h.resOptions(), h.volumes(), h.proxy(), h.pos());
    }

    static int crc32c(int seed, String s) {
        int crc = seed;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            crc = TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
        }
        return crc;
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
            }
            t[i] = c;
        }
        return t;
    }
}
