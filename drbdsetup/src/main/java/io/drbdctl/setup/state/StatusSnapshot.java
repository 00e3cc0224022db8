package io.drbdctl.setup.state;

import io.drbdctl.genl.v8.ConnectionInfo;
import io.drbdctl.genl.v8.ConnectionStatistics;
import io.drbdctl.genl.v8.DeviceInfo;
import io.drbdctl.genl.v8.DeviceStatistics;
import io.drbdctl.genl.v8.DrbdCfgContext;
import io.drbdctl.genl.v8.PeerDeviceInfo;
import io.drbdctl.genl.v8.PeerDeviceStatistics;
import io.drbdctl.genl.v8.ResourceInfo;
import io.drbdctl.genl.v8.ResourceStatistics;
import io.drbdctl.setup.kernel.KernelReply;
import java.util.List;
import java.util.Optional;

/** One resource as the DRBD 9 style dumps describe it: the input of "status". */
public record StatusSnapshot(Resource resource, List<Device> devices, List<Connection> connections,
                             List<PeerDevice> peerDevices) {

    public StatusSnapshot {
        devices = List.copyOf(devices);
        connections = List.copyOf(connections);
        peerDevices = List.copyOf(peerDevices);
    }

    public record Resource(String name, ResourceInfo info, Optional<ResourceStatistics> statistics) {
        public static Optional<Resource> of(KernelReply r) {
            var a = r.attrs();
            return a.cfgContext().flatMap(DrbdCfgContext::ctxResourceName).map(n -> new Resource(n,
                    a.resourceInfo().orElse(ResourceInfo.builder().build()), a.resourceStatistics()));
        }
    }

    public record Device(long minor, long volume, DeviceInfo info, Optional<DeviceStatistics> statistics) {
        public static Optional<Device> of(KernelReply r) {
            var a = r.attrs();
            return a.cfgContext().filter(c -> c.ctxVolume().isPresent()).map(c -> new Device(r.minor(),
                    c.ctxVolume().getAsLong(), a.deviceInfo().orElse(DeviceInfo.builder().build()),
                    a.deviceStatistics()));
        }
    }

    public record Connection(DrbdCfgContext context, ConnectionInfo info, Optional<ConnectionStatistics> statistics) {
        public static Optional<Connection> of(KernelReply r) {
            var a = r.attrs();
            return a.cfgContext().filter(c -> c.ctxResourceName().isPresent()).map(c -> new Connection(c,
                    a.connectionInfo().orElse(ConnectionInfo.builder().build()), a.connectionStatistics()));
        }
    }

    public record PeerDevice(DrbdCfgContext context, PeerDeviceInfo info, Optional<PeerDeviceStatistics> statistics) {
        public static Optional<PeerDevice> of(KernelReply r) {
            var a = r.attrs();
            return a.cfgContext().filter(c -> c.ctxResourceName().isPresent()).map(c -> new PeerDevice(c,
                    a.peerDeviceInfo().orElse(PeerDeviceInfo.builder().build()), a.peerDeviceStatistics()));
        }

        public long volume() {
            return context.ctxVolume().orElse(0xffffffffL);
        }
    }
}
