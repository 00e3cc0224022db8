package io.drbdctl.netlink;

import java.util.Optional;

/**
 * The kernel answered a request with a negative errno (in NLMSG_ERROR or NLMSG_DONE). Carries
 * the errno, the extended ack and the request that caused it. Message text looks like
 * {@code EINVAL (22): Attribute failed policy validation [offset 20]}; without an extack
 * message the errno's strerror text is used.
 */
public class NetlinkErrnoException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final transient ExtAck extAck;
    private final transient NlMessage request;

    public NetlinkErrnoException(int errno, ExtAck extAck, NlMessage request) {
        super(format(errno, extAck));
        this.errno = Math.abs(errno);
        this.extAck = extAck;
        this.request = request;
    }

    private static String format(int errno, ExtAck extAck) {
        String kernel = extAck.describe();
        if (extAck.message().isEmpty()) {
            kernel = Errno.text(errno) + (kernel.isEmpty() ? "" : " " + kernel);
        }
        return Errno.label(errno) + ": " + kernel;
    }

    /** Positive errno value, e.g. 22. */
    public int errno() {
        return errno;
    }

    /** Symbolic name, e.g. {@code EINVAL}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    public ExtAck extAck() {
        return extAck;
    }

    /** The kernel's extack message, if it sent one. */
    public Optional<String> kernelMessage() {
        return extAck.message();
    }

    /** The request message as it was sent (with seq and port id). */
    public NlMessage request() {
        return request;
    }

    /** The request attribute the extack offset points at, if any. */
    public Optional<NlAttr> offendingAttribute() {
        if (request == null || extAck.offset().isEmpty()) {
            return Optional.empty();
        }
        return NlAttrs.decodeAt(request.toBytes(), extAck.offset().getAsInt());
    }
}
