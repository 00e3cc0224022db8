package io.drbdctl.netlink;

/**
 * Datagram transport to the kernel. {@code NetlinkSocket} is the real implementation; tests
 * substitute canned datagrams.
 */
public interface NetlinkTransport extends AutoCloseable {

    /** The port id the kernel assigned to this socket (nl_pid after bind). */
    int portId();

    /** Sends one datagram to the kernel. */
    void send(byte[] datagram);

    /**
     * Receives one whole datagram, blocking.
     *
     * @throws NetlinkTimeoutException if a receive timeout is set and expires
     */
    byte[] receive();

    @Override
    void close();
}
