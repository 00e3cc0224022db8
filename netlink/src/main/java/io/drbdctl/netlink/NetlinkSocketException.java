package io.drbdctl.netlink;

/** A socket system call (socket, bind, setsockopt, sendto, recv, ...) failed with errno. */
public class NetlinkSocketException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final String syscall;
    private final int errno;

    public NetlinkSocketException(String syscall, int errno, Throwable cause) {
        super(syscall + ": " + Errno.describe(errno), cause);
        this.syscall = syscall;
        this.errno = errno;
    }

    /** Name of the failed system call. */
    public String syscall() {
        return syscall;
    }

    /** Positive errno value. */
    public int errno() {
        return errno;
    }

    /** Symbolic errno name, e.g. {@code ENOBUFS}. */
    public String errnoName() {
        return Errno.name(errno);
    }
}
