package io.drbdctl.netlink;

/** No datagram arrived within the socket's receive timeout (SO_RCVTIMEO). */
public class NetlinkTimeoutException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public NetlinkTimeoutException(String message) {
        super(message);
    }
}
