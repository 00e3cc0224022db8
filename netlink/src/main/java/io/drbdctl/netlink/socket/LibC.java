package io.drbdctl.netlink.socket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * JNA direct mapping of the libc socket calls used here. {@code size_t}/{@code ssize_t} are
 * mapped to {@code long}, which requires a 64-bit platform (checked on first use).
 */
final class LibC {
    private LibC() {
    }

    static {
        if (Native.SIZE_T_SIZE != 8) {
            throw new UnsupportedOperationException("netlink via JNA needs a 64-bit platform");
        }
        Native.register(LibC.class, Platform.C_LIBRARY_NAME);
    }

    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SO_RCVTIMEO = 20;
    static final int MSG_PEEK = 0x2;
    static final int MSG_TRUNC = 0x20;

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int bind(int fd, byte[] addr, int addrlen) throws LastErrorException;

    static native int getsockname(int fd, byte[] addr, int[] addrlen) throws LastErrorException;

    static native int setsockopt(int fd, int level, int name, byte[] value, int len)
            throws LastErrorException;

    static native int getsockopt(int fd, int level, int name, byte[] value, int[] len)
            throws LastErrorException;

    static native long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrlen)
            throws LastErrorException;

    static native long recv(int fd, Pointer buf, long len, int flags) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;
}
