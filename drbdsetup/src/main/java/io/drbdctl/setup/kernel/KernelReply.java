package io.drbdctl.setup.kernel;

import io.drbdctl.genl.v8.Drbd;
import io.drbdctl.genl.v8.DrbdGenlmsghdrReply;
import io.drbdctl.netlink.GenlMessage;
import java.util.List;
import java.util.Optional;

/**
 * One message from the legacy family: a reply, a dump object or a notification.
 *
 * @param cmd     genl command number
 * @param seq     nlmsg sequence number (notifications: the kernel's event counter)
 * @param minor   the drbd header's minor (0xffffffff for none)
 * @param retCode the drbd header's ret_code (drbd_ret_code or drbd_state_rv)
 * @param attrs   the decoded top-level attributes
 */
public record KernelReply(int cmd, long seq, long minor, int retCode, Drbd attrs) {

    public static KernelReply of(GenlMessage m) {
        DrbdGenlmsghdrReply h = DrbdGenlmsghdrReply.decode(m.familyHeader());
        return new KernelReply(m.cmd(), Integer.toUnsignedLong(m.header().seq()), h.minor(), h.retCode(),
                Drbd.decode(m.attrs()));
    }

    /** A reply that never came (or carried nothing): "error receiving config reply". */
    public static final int NO_REPLY = Integer.MIN_VALUE;

    /** The info_text lines of the cfg-reply, if the kernel sent a cfg-reply. */
    public Optional<List<String>> infoText() {
        return attrs.cfgReply().map(r -> r.infoText().stream().toList());
    }
}
