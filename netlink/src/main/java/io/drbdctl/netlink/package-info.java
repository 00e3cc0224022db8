/**
 * Generic netlink core: message framing ({@link io.drbdctl.netlink.NlMessage},
 * {@link io.drbdctl.netlink.GenlMessage}), attributes ({@link io.drbdctl.netlink.NlAttr},
 * {@link io.drbdctl.netlink.NlAttrs}, {@link io.drbdctl.netlink.NlAttrBuilder}), acks with
 * extended-ack TLVs ({@link io.drbdctl.netlink.NlAck}, {@link io.drbdctl.netlink.ExtAck}) and
 * the request/response logic ({@link io.drbdctl.netlink.GenlClient}) over a
 * {@link io.drbdctl.netlink.NetlinkTransport}. Knows nothing of DRBD. All errors are
 * subclasses of the unchecked {@link io.drbdctl.netlink.NetlinkException}.
 */
package io.drbdctl.netlink;
