package io.drbdctl.netlink;

import java.util.List;

/**
 * The answer to a "do" request: the reply messages and the extended ack of the success ACK
 * (a kernel warning message or a cookie may come with success; usually empty).
 */
public record GenlReply(List<GenlMessage> messages, ExtAck extAck) {

    public GenlReply {
        messages = List.copyOf(messages);
    }
}
