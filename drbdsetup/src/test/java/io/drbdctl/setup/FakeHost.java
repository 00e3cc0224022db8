package io.drbdctl.setup;

import io.drbdctl.netlink.NetlinkTransport;
import io.drbdctl.setup.kernel.Host;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The scenarios' guest as far as drbdsetup sees it: loop devices, a read-only root, locks. */
final class FakeHost implements Host {
    private final NetlinkTransport transport;
    private final Map<Long, LkBdev> lkbd = new HashMap<>();
    /** Minors and resources forgotten in the registry, in order ("minor 0", "resource r0"). */
    final java.util.List<String> forgotten = new java.util.ArrayList<>();

    FakeHost(NetlinkTransport transport) {
        this.transport = transport;
    }

    @Override
    public boolean moduleLoaded() {
        return true;
    }

    @Override
    public boolean loadModule(PrintStream err) {
        return true;
    }

    @Override
    public NetlinkTransport openTransport() {
        return transport;
    }

    @Override
    public Optional<String> checkBlockDevice(String path) {
        if (path.startsWith("/dev/loop")) {
            return Optional.empty();
        }
        if (path.startsWith("/etc/")) {
            return Optional.of("Can not open device '" + path + "': Read-only file system");
        }
        return Optional.of("Can not open device '" + path + "': No such file or directory");
    }

    @Override
    public OptionalInt drbdMinorOfNode(String path) {
        return OptionalInt.empty();
    }

    @Override
    public OptionalLong blockDeviceSize(String path) {
        return OptionalLong.of(48L << 20);
    }

    @Override
    public Optional<AutoCloseable> lockMinor(long minor, PrintStream err) {
        return Optional.of(() -> { });
    }

    @Override
    public void unregisterMinor(long minor) {
        forgotten.add("minor " + minor);
    }

    @Override
    public void unregisterResource(String name) {
        forgotten.add("resource " + name);
    }

    @Override
    public Optional<LkBdev> loadLkBdev(long minor) {
        return Optional.ofNullable(lkbd.get(minor));
    }

    @Override
    public void saveLkBdev(long minor, LkBdev bdev, PrintStream err) {
        lkbd.put(minor, bdev);
    }

    @Override
    public void deleteLkBdev(long minor, PrintStream err) {
        lkbd.remove(minor);
    }
}
