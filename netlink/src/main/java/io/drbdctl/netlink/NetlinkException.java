package io.drbdctl.netlink;

/**
 * Base of every error raised by the netlink layer. Unchecked throughout the module: every
 * public operation documents which subclasses it throws.
 */
public class NetlinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NetlinkException(String message) {
        super(message);
    }

    public NetlinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
