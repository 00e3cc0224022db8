package io.drbdctl.netlink;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The extended-ack TLVs of an NLMSG_ERROR or NLMSG_DONE message (NLMSGERR_ATTR_*). Immutable
 * view over the decoded attributes; absent TLVs yield empty optionals.
 */
public record ExtAck(NlAttrs attrs) {

    public static final ExtAck NONE = new ExtAck(NlAttrs.EMPTY);

    public boolean isEmpty() {
        return attrs.isEmpty();
    }

    /** NLMSGERR_ATTR_MSG: the kernel's human-readable message. */
    public Optional<String> message() {
        return attrs.first(Netlink.NLMSGERR_ATTR_MSG).map(NlAttr::asString);
    }

    /** NLMSGERR_ATTR_OFFS: offset of the offending attribute from the request's nlmsghdr. */
    public OptionalInt offset() {
        return u32(Netlink.NLMSGERR_ATTR_OFFS);
    }

    /** NLMSGERR_ATTR_MISS_TYPE: type of a missing required attribute. */
    public OptionalInt missingType() {
        return u32(Netlink.NLMSGERR_ATTR_MISS_TYPE);
    }

    /** NLMSGERR_ATTR_MISS_NEST: offset of the nest in which an attribute is missing. */
    public OptionalInt missingNest() {
        return u32(Netlink.NLMSGERR_ATTR_MISS_NEST);
    }

    /** NLMSGERR_ATTR_POLICY: the policy of the rejected attribute, raw (a nest). */
    public Optional<byte[]> policy() {
        return attrs.first(Netlink.NLMSGERR_ATTR_POLICY).map(NlAttr::payload);
    }

    /** NLMSGERR_ATTR_COOKIE: subsystem-specific cookie. */
    public Optional<byte[]> cookie() {
        return attrs.first(Netlink.NLMSGERR_ATTR_COOKIE).map(NlAttr::payload);
    }

    private OptionalInt u32(int type) {
        Optional<NlAttr> a = attrs.first(type);
        return a.isPresent() ? OptionalInt.of((int) a.get().asU32()) : OptionalInt.empty();
    }

    /**
     * Text for the user: the message, then {@code [offset N]},
     * {@code [missing attribute T]} / {@code [missing attribute T in nest at offset N]}.
     * Empty if nothing is known.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        message().ifPresent(sb::append);
        offset().ifPresent(o -> sb.append(sb.length() > 0 ? " " : "").append("[offset ")
                .append(Integer.toUnsignedString(o)).append(']'));
        missingType().ifPresent(t -> {
            sb.append(sb.length() > 0 ? " " : "").append("[missing attribute ").append(t);
            missingNest().ifPresent(n -> sb.append(" in nest at offset ").append(n));
            sb.append(']');
        });
        return sb.toString();
    }
}
