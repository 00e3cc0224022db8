package io.drbdctl.setup.kernel;

import io.drbdctl.netlink.NetlinkTransport;
import io.drbdctl.netlink.socket.NetlinkSocket;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The real machine. */
public final class LocalHost implements Host {
    private static final int DRBD_MAJOR = 147;
    private static final Path PROC_DRBD = Path.of("/proc/drbd");
    private static final Path LOCK_DIR = Path.of("/var/lock");
    private static final Path RUN_DIR = Path.of("/var/run/drbd");
    private static final Path LIB_DIR = Path.of("/var/lib/drbd");

    @Override
    public boolean moduleLoaded() {
        return Files.exists(PROC_DRBD);
    }

    @Override
    public boolean loadModule(PrintStream err) {
        if (!Files.exists(PROC_DRBD)) {
            try {
                Process p = new ProcessBuilder("/sbin/modprobe", "drbd").redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                err.print(text);
                if (p.waitFor() == 0) {
                    for (int i = 0; i < 10 && !Files.exists(PROC_DRBD); i++) {
                        Thread.sleep(1);
                    }
                }
            } catch (IOException e) {
                err.print("sh: 1: /sbin/modprobe: not found\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!Files.exists(PROC_DRBD)) {
            err.print("Could not stat /proc/drbd: No such file or directory\n"
                    + "Make sure that the DRBD kernel module is installed and can be loaded!\n");
            return false;
        }
        return true;
    }

    @Override
    public NetlinkTransport openTransport() {
        return NetlinkSocket.openGeneric();
    }

    @Override
    public Optional<String> checkBlockDevice(String path) {
        Path p = Path.of(path);
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            if ((mode & 0170000) != 0060000) {
                return Optional.of(path + " is not a block device!");
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("Can not open device '" + path + "': " + strerror(e));
        }
    }

    /** The C library's text for the errno behind an I/O exception. */
    static String strerror(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null ? "Input/output error" : m;
    }

    @Override
    public OptionalInt drbdMinorOfNode(String path) {
        try {
            Path p = Path.of(path);
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            long rdev = (Long) Files.getAttribute(p, "unix:rdev");
            long major = ((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfffL);
            long minor = (rdev & 0xff) | ((rdev >> 12) & ~0xffL);
            if ((mode & 0170000) == 0060000 && major == DRBD_MAJOR) {
                return OptionalInt.of((int) minor);
            }
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    @Override
    public OptionalLong blockDeviceSize(String path) {
        try {
            long rdev = (Long) Files.getAttribute(Path.of(path), "unix:rdev");
            long major = ((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfffL);
            long minor = (rdev & 0xff) | ((rdev >> 12) & ~0xffL);
            String s = Files.readString(Path.of("/sys/dev/block/" + major + ":" + minor + "/size")).strip();
            return OptionalLong.of(Long.parseLong(s) * 512);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public Optional<AutoCloseable> lockMinor(long minor, PrintStream err) {
        Path p = LOCK_DIR.resolve("drbd-" + DRBD_MAJOR + "-" + minor);
        FileChannel c;
        try {
            c = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            err.print("open(" + p + "): " + strerror(e) + "\n");
            return Optional.empty();
        }
        try {
            long until = System.nanoTime() + 1_000_000_000L;
            do {
                FileLock l = c.tryLock();
                if (l != null) {
                    return Optional.of(c::close);
                }
                Thread.sleep(10);
            } while (System.nanoTime() < until);
            err.print("lock on " + p + " currently held by another process\n");
        } catch (IOException | OverlappingFileLockException e) {
            err.print("fcntl(" + p + ",...): Resource temporarily unavailable\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        return Optional.empty();
    }

    @Override
    public void unregisterMinor(long minor) {
        deleteQuietly(RUN_DIR.resolve("drbd-minor-" + minor + ".conf"));
    }

    @Override
    public void unregisterResource(String name) {
        deleteQuietly(RUN_DIR.resolve("drbd-resource-" + name + ".conf"));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the registry is a convenience; drbdsetup ignores failures too
        }
    }

    private static Path lkbd(long minor) {
        return LIB_DIR.resolve("drbd-minor-" + minor + ".lkbd");
    }

    @Override
    public Optional<LkBdev> loadLkBdev(long minor) {
        try {
            String[] f = Files.readString(lkbd(minor)).strip().split("\\s+", 2);
            return Optional.of(new LkBdev(Long.parseUnsignedLong(f[0]), f.length > 1 ? f[1] : ""));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void saveLkBdev(long minor, LkBdev bdev, PrintStream err) {
        try {
            Files.writeString(lkbd(minor), Long.toUnsignedString(bdev.size()) + "\t" + bdev.name() + "\n");
        } catch (IOException e) {
            err.print("lk_bdev_save(" + lkbd(minor) + ") failed: " + strerror(e) + "\n");
        }
    }

    @Override
    public void deleteLkBdev(long minor, PrintStream err) {
        try {
            Files.delete(lkbd(minor));
        } catch (NoSuchFileException e) {
            // nothing remembered
        } catch (IOException e) {
            err.print("lk_bdev_delete(" + lkbd(minor) + ") failed: " + strerror(e) + "\n");
        }
    }
}
