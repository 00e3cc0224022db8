package io.drbdctl.netlink.socket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.drbdctl.netlink.Errno;
import io.drbdctl.netlink.Netlink;
import io.drbdctl.netlink.NetlinkException;
import io.drbdctl.netlink.NetlinkProtocolException;
import io.drbdctl.netlink.NetlinkSocketException;
import io.drbdctl.netlink.NetlinkTimeoutException;
import io.drbdctl.netlink.NetlinkTransport;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * An AF_NETLINK socket bound to a kernel-assigned port id. Not thread-safe: use one socket per
 * thread, and separate sockets for requests and multicast notifications.
 */
public final class NetlinkSocket implements NetlinkTransport {

    private static final int SOCKADDR_NL_SIZE = 12;
    private static final int MAX_DATAGRAM = 64 * 1024 * 1024;

    private final SocketOptions options;
    private final int portId;
    private int fd;
    private Memory buffer;

    private NetlinkSocket(int fd, SocketOptions options) {
        this.fd = fd;
        this.options = options;
        this.buffer = new Memory(options.readBufferSize());
        this.portId = bindToKernelPort();
    }

    /**
     * Binds the native calls now (loads JNA and its library, which costs more than the rest of
     * a short command under emulation), so that a caller can do it on a second thread while it
     * does other work. The caller must not use JNA itself before this returns; a failure is left
     * for {@link #open} to report.
     */
    public static void preload() {
        try {
            Class.forName(LibC.class.getName(), true, NetlinkSocket.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // open() reports it
        }
    }

    /** A NETLINK_GENERIC socket with {@link SocketOptions#defaults()}. */
    public static NetlinkSocket openGeneric() {
        return open(SocketOptions.defaults());
    }

    /**
     * Opens, configures and binds a socket.
     *
     * @throws NetlinkSocketException if a system call fails
     */
    public static NetlinkSocket open(SocketOptions options) {
        int fd;
        try {
            fd = LibC.socket(Netlink.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC,
                    options.protocol());
        } catch (LastErrorException e) {
            throw new NetlinkSocketException("socket", e.getErrorCode(), e);
        }
        try {
            return new NetlinkSocket(fd, options);
        } catch (RuntimeException e) {
            try {
                LibC.close(fd);
            } catch (LastErrorException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    private int bindToKernelPort() {
        if (options.socketReceiveBuffer() > 0) {
            setIntOption(LibC.SOL_SOCKET, LibC.SO_RCVBUF, options.socketReceiveBuffer(),
                    "SO_RCVBUF");
        }
        if (options.extAck()) {
            setIntOption(Netlink.SOL_NETLINK, Netlink.NETLINK_EXT_ACK, 1, "NETLINK_EXT_ACK");
        }
        if (options.capAck()) {
            setIntOption(Netlink.SOL_NETLINK, Netlink.NETLINK_CAP_ACK, 1, "NETLINK_CAP_ACK");
        }
        options.receiveTimeout().ifPresent(this::setReceiveTimeout);
        try {
            LibC.bind(fd, sockaddr(0), SOCKADDR_NL_SIZE);
        } catch (LastErrorException e) {
            throw new NetlinkSocketException("bind", e.getErrorCode(), e);
        }
        byte[] addr = new byte[SOCKADDR_NL_SIZE];
        int[] len = {SOCKADDR_NL_SIZE};
        try {
            LibC.getsockname(fd, addr, len);
        } catch (LastErrorException e) {
            throw new NetlinkSocketException("getsockname", e.getErrorCode(), e);
        }
        ByteBuffer b = ByteBuffer.wrap(addr).order(ByteOrder.nativeOrder());
        if (len[0] < SOCKADDR_NL_SIZE || (b.getShort(0) & 0xffff) != Netlink.AF_NETLINK) {
            throw new NetlinkProtocolException("getsockname returned no sockaddr_nl");
        }
        return b.getInt(4);
    }

    private static byte[] sockaddr(int pid) {
        return ByteBuffer.allocate(SOCKADDR_NL_SIZE).order(ByteOrder.nativeOrder())
                .putShort((short) Netlink.AF_NETLINK).putShort((short) 0).putInt(pid).putInt(0)
                .array();
    }

    private void setOption(int level, int name, byte[] value, String what) {
        ensureOpen();
        try {
            LibC.setsockopt(fd, level, name, value, value.length);
        } catch (LastErrorException e) {
            throw new NetlinkSocketException("setsockopt(" + what + ")", e.getErrorCode(), e);
        }
    }

    private void setIntOption(int level, int name, int value, String what) {
        setOption(level, name, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder())
                .putInt(value).array(), what);
    }

    /** SO_RCVTIMEO: {@link #receive()} then throws {@link NetlinkTimeoutException}. */
    public void setReceiveTimeout(Duration timeout) {
        long micros = Math.max(1, timeout.toNanos() / 1000);
        byte[] tv = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
                .putLong(micros / 1_000_000).putLong(micros % 1_000_000).array();
        setOption(LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, tv, "SO_RCVTIMEO");
    }

    /** Effective SO_RCVBUF as reported by the kernel (twice the requested value, capped). */
    public int socketReceiveBuffer() {
        ensureOpen();
        byte[] v = new byte[4];
        int[] len = {4};
        try {
            LibC.getsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, v, len);
        } catch (LastErrorException e) {
            throw new NetlinkSocketException("getsockopt(SO_RCVBUF)", e.getErrorCode(), e);
        }
        return ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt();
    }

    /** NETLINK_ADD_MEMBERSHIP: receive notifications of multicast group {@code groupId}. */
    public void addMembership(int groupId) {
        setIntOption(Netlink.SOL_NETLINK, Netlink.NETLINK_ADD_MEMBERSHIP, groupId,
                "NETLINK_ADD_MEMBERSHIP");
    }

    /** NETLINK_DROP_MEMBERSHIP. */
    public void dropMembership(int groupId) {
        setIntOption(Netlink.SOL_NETLINK, Netlink.NETLINK_DROP_MEMBERSHIP, groupId,
                "NETLINK_DROP_MEMBERSHIP");
    }

    @Override
    public int portId() {
        return portId;
    }

    public SocketOptions options() {
        return options;
    }

    /** Current size of the user-space read buffer (grows for big datagrams). */
    public int readBufferSize() {
        return (int) buffer.size();
    }

    @Override
    public void send(byte[] datagram) {
        ensureOpen();
        byte[] kernel = sockaddr(0);
        try {
            long n = LibC.sendto(fd, datagram, datagram.length, 0, kernel, kernel.length);
            if (n != datagram.length) {
                throw new NetlinkProtocolException("sendto sent " + n + " of " + datagram.length
                        + " bytes");
            }
        } catch (LastErrorException e) {
            throw new NetlinkSocketException("sendto", e.getErrorCode(), e);
        }
    }

    /**
     * Receives one datagram. Peeks with MSG_PEEK|MSG_TRUNC to learn its real size first and
     * grows the read buffer when it would not fit, so nothing is ever truncated.
     */
    @Override
    public byte[] receive() {
        ensureOpen();
        while (true) {
            long size = recv(LibC.MSG_PEEK | LibC.MSG_TRUNC);
            if (size > buffer.size()) {
                if (size > MAX_DATAGRAM) {
                    throw new NetlinkProtocolException("datagram of " + size + " bytes");
                }
                buffer.close();
                buffer = new Memory(Netlink.align((int) size));
                continue;
            }
            long n = recv(LibC.MSG_TRUNC);
            if (n > buffer.size()) {
                // only possible if another thread read the same socket between peek and recv
                throw new NetlinkProtocolException("datagram of " + n + " bytes truncated to "
                        + buffer.size() + ": socket used by two readers");
            }
            return buffer.getByteArray(0, (int) n);
        }
    }

    private long recv(int flags) {
        while (true) {
            try {
                return LibC.recv(fd, buffer, buffer.size(), flags);
            } catch (LastErrorException e) {
                int errno = e.getErrorCode();
                if (errno == Errno.EINTR) {
                    continue;
                }
                if (errno == Errno.EAGAIN) {
                    throw new NetlinkTimeoutException("no netlink reply within "
                            + options.receiveTimeout().map(Duration::toString).orElse("timeout"));
                }
                throw new NetlinkSocketException("recv", errno, e);
            }
        }
    }

    private void ensureOpen() {
        if (fd < 0) {
            throw new NetlinkException("netlink socket is closed");
        }
    }

    public boolean isOpen() {
        return fd >= 0;
    }

    /** Closes the socket; idempotent. */
    @Override
    public void close() {
        if (fd < 0) {
            return;
        }
        int old = fd;
        fd = -1;
        buffer.close();
        try {
            LibC.close(old);
        } catch (LastErrorException e) {
            throw new NetlinkSocketException("close", e.getErrorCode(), e);
        }
    }
}
