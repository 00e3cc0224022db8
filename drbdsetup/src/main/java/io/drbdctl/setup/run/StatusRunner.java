package io.drbdctl.setup.run;

import io.drbdctl.genl.v8.DrbdOp;
import io.drbdctl.netlink.NetlinkErrnoException;
import io.drbdctl.setup.cli.GetOpt;
import io.drbdctl.setup.cli.Usage;
import io.drbdctl.setup.command.Commands;
import io.drbdctl.setup.format.StatusFormatter;
import io.drbdctl.setup.kernel.KernelReply;
import io.drbdctl.setup.kernel.V8Control;
import io.drbdctl.setup.state.StatusSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** "status": resources, then per resource its devices, connections and peer devices. */
public final class StatusRunner {
    private final V8Control control;
    private final Commands commands;

    public StatusRunner(V8Control control, Commands commands) {
        this.control = control;
        this.commands = commands;
    }

    public int run(Invocation inv) {
        boolean verbose = false;
        boolean statistics = false;
        for (GetOpt.Opt o : inv.opts()) {
            switch (o.name()) {
                case "verbose" -> verbose = true;
                case "statistics" -> statistics = true;
                case "color" -> {
                    String v = o.value();
                    if (v != null && !List.of("always", "never", "auto").contains(v)) {
                        inv.out().print(Usage.general(commands, "unknown --color argument"));
                        return 20;
                    }
                }
                default -> { }
            }
        }
        List<StatusSnapshot.Resource> resources = new ArrayList<>(list(DrbdOp.GET_RESOURCES, Optional.empty(),
                StatusSnapshot.Resource::of));
        resources.sort(Comparator.comparing(StatusSnapshot.Resource::name));
        StatusFormatter f = new StatusFormatter(verbose, statistics);
        boolean found = false;
        for (StatusSnapshot.Resource r : resources) {
            if (!inv.objName().equals("all") && !inv.objName().equals(r.name())) {
                continue;
            }
            Optional<String> name = Optional.of(r.name());
            var devices = list(DrbdOp.GET_DEVICES, name, StatusSnapshot.Device::of);
            var connections = list(DrbdOp.GET_CONNECTIONS, name, StatusSnapshot.Connection::of);
            List<StatusSnapshot.PeerDevice> peers = !devices.isEmpty() && !connections.isEmpty()
                    ? list(DrbdOp.GET_PEER_DEVICES, name, StatusSnapshot.PeerDevice::of) : List.of();
            f.resource(new StatusSnapshot(r, devices, connections, peers));
            found = true;
        }
        inv.out().print(f.text());
        if (!found && !inv.objName().equals("all")) {
            inv.err().print(inv.objName() + ": No such resource\n");
            return 10;
        }
        return 0;
    }

    private <T> List<T> list(DrbdOp op, Optional<String> resource, Function<KernelReply, Optional<T>> map) {
        List<T> out = new ArrayList<>();
        try {
            for (KernelReply r : control.dump(op, resource)) {
                if (r.retCode() != 101) {
                    return List.of();
                }
                map.apply(r).ifPresent(out::add);
            }
        } catch (NetlinkErrnoException | io.drbdctl.netlink.NetlinkTimeoutException e) {
            return List.of();
        }
        return out;
    }
}
