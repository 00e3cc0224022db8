package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.AttributeSet;
import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.DiskOptions;
import io.drbdctl.genl.drbd2.Drbd2Op;
import io.drbdctl.genl.drbd2.Path;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.genl.drbd2.Resource;
import io.drbdctl.netlink.GenlClient;
import io.drbdctl.netlink.GenlMessage;
import io.drbdctl.netlink.NlAttrs;
import io.drbdctl.netlink.ctrl.GenlFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The only place that talks to the {@code drbd2} family: each operation as a typed method.
 * Do requests ask for an ACK; a refusal comes back as
 * {@link io.drbdctl.netlink.NetlinkErrnoException} (negative errno plus extack message).
 */
public final class Drbd2Control implements AutoCloseable {
    private final GenlClient client;
    private final GenlFamily family;

    public Drbd2Control(GenlClient client, GenlFamily family) {
        this.client = client;
        this.family = family;
    }

    public GenlFamily family() {
        return family;
    }

    List<NlAttrs> call(Drbd2Op op, AttributeSet attrs) {
        List<NlAttrs> out = new ArrayList<>();
        for (GenlMessage m : client.request(op.doRequest(family.id(), attrs))) {
            out.add(m.attrs());
        }
        return out;
    }

    private <T> List<T> dump(Drbd2Op op, AttributeSet filter, Function<NlAttrs, T> decode) {
        List<T> out = new ArrayList<>();
        for (GenlMessage m : client.dumpConsistent(op.dumpRequest(family.id(), filter), 5)) {
            out.add(decode.apply(m.attrs()));
        }
        return List.copyOf(out);
    }

    // ---- resources -------------------------------------------------------------------

    public void newResource(Resource r) {
        call(Drbd2Op.RESOURCE_NEW, r);
    }

    public void delResource(String name) {
        call(Drbd2Op.RESOURCE_DEL, Resource.builder().name(name).build());
    }

    public void setRole(String name, io.drbdctl.genl.drbd2.Role role, boolean force) {
        Resource.Builder b = Resource.builder().name(name).role(role);
        if (force) {
            b.force(true);
        }
        call(Drbd2Op.RESOURCE_SET_ROLE, b.build());
    }

    public List<Resource> resources() {
        return dump(Drbd2Op.RESOURCE_GET, Resource.builder().build(), Resource::decode);
    }

    public Optional<Resource> resource(String name) {
        return resources().stream().filter(r -> r.name().orElse("").equals(name)).findFirst();
    }

    // ---- devices ---------------------------------------------------------------------

    public void newDevice(String resource, long minor, long volume) {
        call(Drbd2Op.DEVICE_NEW, Device.builder().resource(resource).minor(minor).volume(volume).build());
    }

    public void delDevice(long minor) {
        call(Drbd2Op.DEVICE_DEL, Device.builder().minor(minor).build());
    }

    public void attach(long minor, String backing, String meta, int metaIdx) {
        call(Drbd2Op.DEVICE_ATTACH, Device.builder().minor(minor).backingDev(backing).metaDev(meta)
                .metaIdx(metaIdx).build());
    }

    /** Attach with disk options (those not given get their defaults). */
    public void attach(long minor, String backing, String meta, int metaIdx, DiskOptions options) {
        call(Drbd2Op.DEVICE_ATTACH, Device.builder().minor(minor).backingDev(backing).metaDev(meta)
                .metaIdx(metaIdx).diskOptions(options).build());
    }

    /** device-set-disk-options: the device's minor and disk options. */
    public void setDiskOptions(Device d) {
        call(Drbd2Op.DEVICE_SET_DISK_OPTIONS, d);
    }

    /** resource-set-options: the resource's name and options. */
    public void setResourceOptions(Resource r) {
        call(Drbd2Op.RESOURCE_SET_OPTIONS, r);
    }

    /** connection-set-options: the connection (resource, peer node id) and net options. */
    public void setConnectionOptions(Connection c) {
        call(Drbd2Op.CONNECTION_SET_OPTIONS, c);
    }

    public void detach(long minor, boolean force) {
        Device.Builder b = Device.builder().minor(minor);
        if (force) {
            b.force(true);
        }
        call(Drbd2Op.DEVICE_DETACH, b.build());
    }

    public List<Device> devices(String resource) {
        return dump(Drbd2Op.DEVICE_GET, Device.builder().resource(resource).build(), Device::decode);
    }

    public List<Device> devices() {
        return dump(Drbd2Op.DEVICE_GET, Device.builder().build(), Device::decode);
    }

    // ---- connections, paths, peer devices ----------------------------------------------

    public void newConnection(Connection c) {
        call(Drbd2Op.CONNECTION_NEW, c);
    }

    public void delConnection(String resource, long peer) {
        call(Drbd2Op.CONNECTION_DEL, Connection.builder().resource(resource).peerNodeId(peer).build());
    }

    public void connect(String resource, long peer) {
        call(Drbd2Op.CONNECTION_CONNECT, Connection.builder().resource(resource).peerNodeId(peer).build());
    }

    public void disconnect(String resource, long peer) {
        call(Drbd2Op.CONNECTION_DISCONNECT, Connection.builder().resource(resource).peerNodeId(peer).build());
    }

    public List<Connection> connections(String resource) {
        return dump(Drbd2Op.CONNECTION_GET, Connection.builder().resource(resource).build(),
                Connection::decode);
    }

    public void newPath(Path p) {
        call(Drbd2Op.PATH_NEW, p);
    }

    public void delPath(Path p) {
        call(Drbd2Op.PATH_DEL, p);
    }

    public List<Path> paths(String resource) {
        return dump(Drbd2Op.PATH_GET, Path.builder().resource(resource).build(), Path::decode);
    }

    public void setPeerDeviceOptions(PeerDevice pd) {
        call(Drbd2Op.PEER_DEVICE_SET_OPTIONS, pd);
    }

    public List<PeerDevice> peerDevices(String resource) {
        return dump(Drbd2Op.PEER_DEVICE_GET, PeerDevice.builder().resource(resource).build(),
                PeerDevice::decode);
    }

    @Override
    public void close() {
        client.close();
    }
}
