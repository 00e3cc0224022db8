package io.drbdctl.netlink;

import java.util.List;

/**
 * The parts of a dump.
 *
 * @param messages    every data message, in order
 * @param interrupted NLM_F_DUMP_INTR was seen on some part: the set changed during the dump,
 *                    the result may be inconsistent and the caller should retry
 * @param multipart   the kernel answered with NLM_F_MULTI parts terminated by NLMSG_DONE
 * @param datagrams   number of datagrams the dump arrived in
 * @param extAck      extended-ack TLVs that came with a successful NLMSG_DONE (usually none)
 */
public record DumpResult(List<GenlMessage> messages, boolean interrupted, boolean multipart,
                         int datagrams, ExtAck extAck) {

    public DumpResult {
        messages = List.copyOf(messages);
    }
}
