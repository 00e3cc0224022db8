package io.drbdctl.setup.run;

import io.drbdctl.genl.v8.DrbdOp;
import io.drbdctl.netlink.NetlinkErrnoException;
import io.drbdctl.setup.format.ConfigError;
import io.drbdctl.setup.kernel.Host;
import io.drbdctl.setup.kernel.KernelReply;
import io.drbdctl.setup.kernel.V8Control;
import io.drbdctl.setup.state.DeviceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** "down": remembers the resource's minors, takes the resource down, forgets them. */
public final class DownRunner {
    private final V8Control control;
    private final Host host;

    public DownRunner(V8Control control, Host host) {
        this.control = control;
        this.host = host;
    }

    public int run(Invocation inv) {
        if (!inv.args().isEmpty()) {
            inv.excess(inv.args());
            return ConfigError.OTHER_ERROR & 0xff;
        }
        List<Long> minors = new ArrayList<>();
        try {
            for (KernelReply r : control.dump(DrbdOp.GET_STATUS, Optional.of(inv.objName()))) {
                DeviceSnapshot d = DeviceSnapshot.of(r);
                if (d.volume() != 0xffffffffL) {
                    minors.add(r.minor());
                }
            }
        } catch (NetlinkErrnoException | io.drbdctl.netlink.NetlinkTimeoutException e) {
            minors.clear();
        }
        ConfigRunner.Outcome o = new ConfigRunner(control, host).send(inv);
        if (o.reply().isEmpty()) {
            return o.localExit();
        }
        KernelReply r = o.reply().get();
        int rv = r.retCode() == 158 ? ConfigError.NO_ERROR : r.retCode();
        if (rv >= 1 && rv < 100 || rv == ConfigError.NO_ERROR) {
            minors.forEach(host::unregisterMinor);
            host.unregisterResource(inv.objName());
            return 0;
        }
        return ConfigError.print(inv.err(), inv.objName(), rv, Optional.empty(), r.infoText());
    }
}
