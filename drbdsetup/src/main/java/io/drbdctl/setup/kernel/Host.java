package io.drbdctl.setup.kernel;

import io.drbdctl.netlink.NetlinkTransport;
import java.io.PrintStream;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What drbdsetup needs from the machine besides netlink: the module check, device nodes,
 * lock files and the files under /var/lib/drbd and /var/run/drbd. Tests substitute a fake.
 */
public interface Host {

    /** Whether /proc/drbd exists (the module is loaded). */
    boolean moduleLoaded();

    /**
     * Tries to load the DRBD module (modprobe); prints the reference's complaint and returns
     * false if /proc/drbd still does not exist.
     */
    boolean loadModule(PrintStream err);

    /** Opens a generic netlink socket. */
    NetlinkTransport openTransport();

    /**
     * Checks that {@code path} opens read-write and is a block device; on failure the full
     * error line to print (e.g. "Can not open device '/x': No such file or directory").
     */
    Optional<String> checkBlockDevice(String path);

    /** The minor of a DRBD device node (block device with major 147). */
    OptionalInt drbdMinorOfNode(String path);

    /** The size of a block device in bytes. */
    OptionalLong blockDeviceSize(String path);

    /**
     * Takes the per-minor lock file drbdsetup and drbdmeta share; empty (after printing the
     * reason) if it cannot be taken.
     */
    Optional<AutoCloseable> lockMinor(long minor, PrintStream err);

    /** Forgets a minor in the registry of configured devices. */
    void unregisterMinor(long minor);

    /** Forgets a resource in the registry. */
    void unregisterResource(String name);

    /** The last known backing device of a minor (check-resize): size and name. */
    Optional<LkBdev> loadLkBdev(long minor);

    void saveLkBdev(long minor, LkBdev bdev, PrintStream err);

    void deleteLkBdev(long minor, PrintStream err);

    /** Remembered size and name of a minor's backing device. */
    record LkBdev(long size, String name) {
    }
}
