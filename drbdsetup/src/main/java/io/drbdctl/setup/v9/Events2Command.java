package io.drbdctl.setup.v9;

import io.drbdctl.netlink.NetlinkTransport;
import io.drbdctl.setup.format.EventTimestamp;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code drbdsetup events2 [{resource}|all] [--now] [--timestamps] [--statistics] [--full]}
 * over drbd2: the initial state ("exists" lines, then "exists -"), then with no --now the
 * create/change/destroy lines of every later notification until killed (see
 * {@link Events2Model}, {@link Drbd2Events}).
 */
final class Events2Command {
    private Events2Command() {
    }

    static int run(V9Call c, Drbd2Control k, Supplier<NetlinkTransport> events) {
        String name = c.args().isEmpty() ? "all" : c.args().get(0);
        Events2Model model = new Events2Model(name, c.flag("statistics"), c.flag("full"));
        boolean ts = c.flag("timestamps");
        if (c.flag("now")) {
            print(c, ts, model.exists(ResourceView.read(k, name)));
            print(c, ts, List.of("exists -"));
            return 0;
        }
        Optional<Drbd2Events> sub = Drbd2Events.subscribe(events.get(), k);
        if (sub.isEmpty()) {
            c.err().print(name + ": unable to join drbd events multicast group\n");
            return 20;
        }
        try (Drbd2Events e = sub.get()) {
            print(c, ts, model.exists(e.snapshot(k, name)));
            print(c, ts, List.of("exists -"));
            while (true) {
                Optional<List<Drbd2Events.Notification>> in = e.next(null);
                if (in.isEmpty()) {
                    continue;
                }
                for (Drbd2Events.Notification n : in.get()) {
                    print(c, ts, model.apply(n.op(), n.attrs()));
                }
                if (c.out().checkError()) {
                    return 0;
                }
            }
        }
    }

    private static void print(V9Call c, boolean ts, List<String> lines) {
        for (String l : lines) {
            if (ts) {
                c.out().print(EventTimestamp.prefix(ZonedDateTime.now()));
            }
            c.out().print(l + "\n");
        }
        c.out().flush();
    }
}
