package io.drbdctl.meta.io;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The libc calls Java has no API for (JNA direct mapping, 64-bit Linux): an O_EXCL open of a
 * block device, fallocate, lseek with SEEK_DATA. Loaded on first use only (block devices, large bitmaps): initialising
 * JNA costs more than most drbdmeta commands.
 */
final class Libc {
    static final int O_RDONLY = 0;
    static final int O_EXCL = 0200;
    static final int O_RDWR = 2;
    static final int O_CLOEXEC = 02000000;
    static final int FALLOC_FL_KEEP_SIZE = 0x01;
    static final int FALLOC_FL_PUNCH_HOLE = 0x02;
    static final int FALLOC_FL_ZERO_RANGE = 0x10;
    static final int SEEK_DATA = 3;
    static final int ENXIO = 6;

    static {
        // the symbols of the running process (libc is loaded already): naming "c" instead would
        // make JNA search for the library file and run "ldconfig -p" at every start
        Native.register(Libc.class, NativeLibrary.getProcess());
    }

    private Libc() {
    }

    static native int open(String path, int flags) throws LastErrorException;

    static native int fallocate(int fd, int mode, long offset, long len) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native long lseek(int fd, long offset, int whence) throws LastErrorException;
}
