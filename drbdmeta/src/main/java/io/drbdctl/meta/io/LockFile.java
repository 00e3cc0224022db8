package io.drbdctl.meta.io;

import io.drbdctl.meta.MetaException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The per-minor lock file {@code drbd-147-<minor>} that drbdmeta holds (POSIX write lock on the
 * whole file) while it works on a device. The file itself is left in place, as the reference does.
 */
public final class LockFile implements Closeable {
    /** Block major number of DRBD devices, part of the lock file name. */
    public static final int DRBD_MAJOR = 147;

    private final FileChannel ch;
    private final FileLock lock;

    private LockFile(FileChannel ch, FileLock lock) {
        this.ch = ch;
        this.lock = lock;
    }

    public static Path pathFor(Path lockDir, int minor) {
        return lockDir.resolve("drbd-" + DRBD_MAJOR + "-" + minor);
    }

    /** Creates (mode 0600) and locks the lock file, waiting for other holders. */
    public static LockFile acquire(Path lockDir, int minor) throws MetaException {
        Path p = pathFor(lockDir, minor);
        FileChannel c = null;
        try {
            Files.createDirectories(lockDir);
            if (!Files.exists(p)) {
                try {
                    Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (java.nio.file.FileAlreadyExistsException ignored) {
                    // created concurrently
                } catch (UnsupportedOperationException e) {
                    Files.createFile(p);
                }
            }
            c = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
            return new LockFile(c, c.lock());
        } catch (IOException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // ignore
                }
            }
            throw new MetaException(MetaException.EXIT_DEVICE, "Could not lock " + p + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            ch.close();
        } catch (IOException ignored) {
            // closing the channel drops the lock anyway
        }
    }
}
