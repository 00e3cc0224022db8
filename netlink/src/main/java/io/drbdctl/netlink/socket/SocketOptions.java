package io.drbdctl.netlink.socket;

import io.drbdctl.netlink.Netlink;
import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link NetlinkSocket} is set up. Immutable; start from {@link #defaults()}.
 *
 * @param protocol           netlink protocol, NETLINK_GENERIC by default
 * @param socketReceiveBuffer SO_RCVBUF request in bytes (the kernel may cap it)
 * @param readBufferSize     initial user-space read buffer; grows for bigger datagrams.
 *                           The kernel sizes dump datagrams after it (32 KiB recommended)
 * @param receiveTimeout     SO_RCVTIMEO, empty to block forever
 * @param extAck             enable NETLINK_EXT_ACK
 * @param capAck             enable NETLINK_CAP_ACK (error acks do not echo the request)
 */
public record SocketOptions(int protocol, int socketReceiveBuffer, int readBufferSize,
                            Optional<Duration> receiveTimeout, boolean extAck, boolean capAck) {

    public SocketOptions {
        if (socketReceiveBuffer < 0 || readBufferSize < 1) {
            throw new IllegalArgumentException("bad buffer sizes");
        }
        if (receiveTimeout.isPresent()
                && (receiveTimeout.get().isNegative() || receiveTimeout.get().isZero())) {
            throw new IllegalArgumentException("receive timeout must be positive");
        }
    }

    public static SocketOptions defaults() {
        return new SocketOptions(Netlink.NETLINK_GENERIC, 1 << 20, 32 * 1024, Optional.empty(),
                true, true);
    }

    public SocketOptions withProtocol(int p) {
        return new SocketOptions(p, socketReceiveBuffer, readBufferSize, receiveTimeout, extAck,
                capAck);
    }

    public SocketOptions withSocketReceiveBuffer(int bytes) {
        return new SocketOptions(protocol, bytes, readBufferSize, receiveTimeout, extAck, capAck);
    }

    public SocketOptions withReadBufferSize(int bytes) {
        return new SocketOptions(protocol, socketReceiveBuffer, bytes, receiveTimeout, extAck,
                capAck);
    }

    public SocketOptions withReceiveTimeout(Duration timeout) {
        return new SocketOptions(protocol, socketReceiveBuffer, readBufferSize,
                Optional.of(timeout), extAck, capAck);
    }

    public SocketOptions withExtAck(boolean on) {
        return new SocketOptions(protocol, socketReceiveBuffer, readBufferSize, receiveTimeout, on,
                capAck);
    }

    public SocketOptions withCapAck(boolean on) {
        return new SocketOptions(protocol, socketReceiveBuffer, readBufferSize, receiveTimeout,
                extAck, on);
    }
}
