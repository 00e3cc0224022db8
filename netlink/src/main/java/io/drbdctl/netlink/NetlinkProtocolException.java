package io.drbdctl.netlink;

/**
 * Malformed or unexpected input: truncated headers, attributes whose length does not fit,
 * payloads of the wrong size for their type, unexpected sequence numbers or port ids.
 */
public class NetlinkProtocolException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public NetlinkProtocolException(String message) {
        super(message);
    }
}
