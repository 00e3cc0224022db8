package io.drbdctl.meta.io;

import com.sun.jna.LastErrorException;

import java.io.Closeable;
import java.nio.file.Path;

/**
 * An exclusive claim on a block device, as the reference takes it: a descriptor opened with
 * {@code O_EXCL}, held while drbdmeta works. The kernel refuses it (EBUSY) while the device is
 * mounted, used as swap, part of a device-mapper/md/DRBD stack, or claimed by another exclusive
 * opener; while we hold it, those are refused in turn. Java has no O_EXCL for existing files, so
 * this one call goes through JNA; the data itself is read and written through the usual channel.
 */
public final class ExclusiveClaim implements Closeable {
    private static final int EBUSY = 16;

    private final int fd;

    private ExclusiveClaim(int fd) {
        this.fd = fd;
    }

    /** Outcome of trying to claim a device. */
    public enum Result {
        CLAIMED, BUSY, UNAVAILABLE
    }

    /** A claim attempt: the result and, if claimed, the claim to close. */
    public record Attempt(Result result, ExclusiveClaim claim) {
    }

    /**
     * Tries to claim {@code device}. UNAVAILABLE when the open fails for another reason than
     * EBUSY (the normal open reports it) or native calls are not possible here.
     */
    public static Attempt tryClaim(Path device) {
        try {
            int fd = Libc.open(device.toString(), Libc.O_RDONLY | Libc.O_EXCL | Libc.O_CLOEXEC);
            return new Attempt(Result.CLAIMED, new ExclusiveClaim(fd));
        } catch (LastErrorException e) {
            return new Attempt(e.getErrorCode() == EBUSY ? Result.BUSY : Result.UNAVAILABLE, null);
        } catch (LinkageError | RuntimeException e) {
            return new Attempt(Result.UNAVAILABLE, null);
        }
    }

    @Override
    public void close() {
        try {
            Libc.close(fd);
        } catch (LastErrorException ignored) {
            // nothing useful to do
        }
    }
}
