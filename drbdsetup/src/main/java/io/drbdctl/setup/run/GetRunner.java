package io.drbdctl.setup.run;

import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionDef;
import io.drbdctl.genl.v8.DrbdOp;
import io.drbdctl.netlink.NetlinkErrnoException;
import io.drbdctl.netlink.NetlinkTimeoutException;
import io.drbdctl.setup.cli.GetOpt;
import io.drbdctl.setup.command.Commands;
import io.drbdctl.setup.command.Ctx;
import io.drbdctl.setup.format.ConfigError;
import io.drbdctl.setup.kernel.Host;
import io.drbdctl.setup.kernel.KernelReply;
import io.drbdctl.setup.kernel.V8Control;
import io.drbdctl.setup.state.DeviceSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs the GET_STATUS based commands (show, sh-status, role, gi, events, wait-* ...). */
public final class GetRunner {
    private static final int ENODEV = 19;
    private final V8Control control;
    private final Host host;
    private final Commands commands;

    public GetRunner(V8Control control, Host host, Commands commands) {
        this.control = control;
        this.host = host;
        this.commands = commands;
    }

    public int run(Invocation inv) {
        GetOptions o = options(inv);
        if (!inv.args().isEmpty()) {
            inv.excess(inv.args());
            return 20;
        }
        long timeoutMs = -1;
        if (inv.cmd().waitTimeouts()) {
            long t = chooseTimeout(inv, o);
            if (t < 0) {
                return 20;
            }
            timeoutMs = t == 0 ? -1 : t * 1000;
        } else if (!inv.cmd().continuousPoll()) {
            timeoutMs = 120000;
        }
        ShowFn fn = ShowFns.of(inv, commands, host, o);
        return inv.cmd().continuousPoll() ? poll(inv, fn, timeoutMs) : get(inv, fn);
    }

    private GetOptions options(Invocation inv) {
        boolean showDefaults = false;
        boolean wait = false;
        boolean statistics = false;
        boolean timestamps = false;
        boolean now = false;
        long[] t = {timeoutDefault("wfc-timeout"), timeoutDefault("degr-wfc-timeout"),
            timeoutDefault("outdated-wfc-timeout")};
        List<String> names = List.of("wfc-timeout", "degr-wfc-timeout", "outdated-wfc-timeout");
        for (GetOpt.Opt opt : inv.opts()) {
            int i = names.indexOf(opt.name());
            if (i >= 0) {
                long v = (int) Values.strtoll(opt.value(), '1', inv.err());
                OptionDef d = row(opt.name());
                long min = d.min() == null ? 0 : d.min();
                long max = d.max() == null ? Integer.MAX_VALUE : d.max();
                if (v < min || v > max) {
                    inv.err().print(opt.name().replace('-', '_') + " => " + v + " out of range [" + min + ".."
                            + max + "]\n");
                    throw new SetupExit(20);
                }
                t[i] = v;
            } else if (opt.name().equals("wait-after-sb")) {
                wait = wait || opt.value() == null || opt.value().equals("yes");
            } else if (opt.name().equals("show-defaults")) {
                showDefaults = true;
            } else if (opt.name().equals("statistics")) {
                statistics = true;
            } else if (opt.name().equals("timestamps")) {
                timestamps = true;
            } else if (opt.name().equals("now")) {
                now = true;
            }
        }
        return new GetOptions(showDefaults, wait, t[0], t[1], t[2], statistics, timestamps, now);
    }

    private OptionDef row(String name) {
        return commands.table().find("startup", name, Dialect.V84).orElseThrow();
    }

    private long timeoutDefault(String name) {
        String d = row(name).def();
        return d == null ? 0 : Long.parseLong(d);
    }

    /** Seconds to wait (0: forever), or -1 after printing why it cannot be determined. */
    private long chooseTimeout(Invocation inv, GetOptions o) {
        long wfc = o.wfcTimeout();
        long degr = o.degrWfcTimeout();
        long outdated = o.outdatedWfcTimeout();
        if (0 < wfc && (wfc < degr || degr == 0)) {
            degr = wfc;
            inv.err().print("degr-wfc-timeout has to be shorter than wfc-timeout\n"
                    + "degr-wfc-timeout implicitly set to wfc-timeout (" + degr + "s)\n");
        }
        if (0 < degr && (degr < outdated || outdated == 0)) {
            outdated = wfc;
            inv.err().print("outdated-wfc-timeout has to be shorter than degr-wfc-timeout\n"
                    + "outdated-wfc-timeout implicitly set to degr-wfc-timeout (" + degr + "s)\n");
        }
        KernelReply r;
        try {
            r = control.getTimeoutType(inv.minor());
        } catch (NetlinkErrnoException e) {
            inv.err().print("error determining which timeout to use: " + io.drbdctl.netlink.Errno.text(e.errno())
                    + "\n");
            return -1;
        } catch (NetlinkTimeoutException e) {
            inv.err().print("error determining which timeout to use: timed out waiting for reply\n");
            return -1;
        }
        String desc;
        if (r.retCode() == 127) {
            desc = "minor not available";
        } else if (r.retCode() == KernelReply.NO_REPLY) {
            desc = "error receiving netlink reply";
        } else if (r.retCode() != ConfigError.NO_ERROR) {
            desc = "error receiving netlink reply";
        } else if (r.attrs().timeoutParms().isEmpty()
                || r.attrs().timeoutParms().get().timeoutType().isEmpty()) {
            desc = "reply did not validate - do you need to upgrade your userland tools?";
        } else {
            long type = r.attrs().timeoutParms().get().timeoutType().getAsLong();
            return type == 1 ? degr : type == 2 ? outdated : wfc;
        }
        inv.err().print("error determining which timeout to use: " + desc + "\n");
        return -1;
    }

    private Optional<String> filter(Invocation inv) {
        return inv.objName().equals("all") || inv.in(Ctx.MINOR) ? Optional.empty() : Optional.of(inv.objName());
    }

    /** A single GET_STATUS, or a dump; every object through {@code fn}, then its end. */
    private int get(Invocation inv, ShowFn fn) {
        List<KernelReply> replies;
        boolean dump = !inv.in(Ctx.MINOR);
        int errno = 0;
        if (dump) {
            try {
                replies = control.dump(DrbdOp.GET_STATUS, filter(inv));
            } catch (NetlinkErrnoException e) {
                replies = List.of();
                errno = e.errno();
            } catch (NetlinkTimeoutException e) {
                return 5;
            }
        } else {
            try {
                replies = List.of(control.getStatus(inv.minor()));
            } catch (NetlinkErrnoException e) {
                inv.err().print("received netlink error reply: " + io.drbdctl.netlink.Errno.text(e.errno()) + "\n");
                return 20;
            } catch (NetlinkTimeoutException e) {
                return 5;
            }
        }
        int rv = ConfigError.NO_ERROR;
        Optional<List<String>> info = Optional.empty();
        for (KernelReply r : replies) {
            rv = r.retCode();
            info = r.infoText();
            if (rv == 127 && inv.cmd().missingOk()) {
                rv = ConfigError.NO_ERROR;
            }
            if (rv != ConfigError.NO_ERROR) {
                return ConfigError.print(inv.err(), inv.objName(), rv, Optional.empty(), info);
            }
            int e = fn.show(r);
            if (e != 0) {
                return Math.max(e, 0);
            }
        }
        int e = fn.end();
        if (e != 0) {
            return e;
        }
        if (errno != 0 && (errno != ENODEV || !inv.cmd().missingOk())) {
            inv.err().print("received netlink error reply: " + io.drbdctl.netlink.Errno.text(errno) + "\n");
            return 20;
        }
        return 0;
    }

    /** events, wait-connect, wait-sync: the initial answer, then notifications until done. */
    private int poll(Invocation inv, ShowFn fn, long timeoutMs) {
        control.subscribe();
        if (timeoutMs < 0) {
            control.receiveTimeout(null);
        }
        long minor = inv.in(Ctx.MINOR) ? inv.minor() : V8Control.NO_MINOR;
        control.sendRequest(inv.cmd().op().orElseThrow(), minor,
                minor == V8Control.NO_MINOR ? filter(inv) : Optional.empty(), (int) (System.currentTimeMillis() / 1000));
        long deadline = timeoutMs < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMs;
        while (true) {
            if (timeoutMs >= 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return 5;
                }
                control.receiveTimeout(Duration.ofMillis(left));
            }
            List<V8Control.Incoming> in;
            try {
                in = control.receive();
            } catch (NetlinkTimeoutException e) {
                return 5;
            }
            for (V8Control.Incoming i : in) {
                if (i.message().isEmpty()) {
                    if (!i.done() && i.errno() != 0) {
                        inv.err().print("received netlink error reply: " + io.drbdctl.netlink.Errno.text(i.errno())
                                + "\n");
                        return 20;
                    }
                    continue;
                }
                KernelReply r = i.message().get();
                DeviceSnapshot d = DeviceSnapshot.of(r);
                if (d.context().isPresent()) {
                    if (inv.in(Ctx.MINOR) && r.minor() != inv.minor()) {
                        continue;
                    }
                    if (inv.context() == Ctx.RESOURCE && !inv.objName().equals(d.resourceName().orElse(""))) {
                        continue;
                    }
                }
                int rv = r.retCode() == 127 && inv.cmd().missingOk() ? ConfigError.NO_ERROR : r.retCode();
                if (rv != ConfigError.NO_ERROR) {
                    return ConfigError.print(inv.err(), inv.objName(), rv, Optional.empty(), r.infoText());
                }
                int e = fn.show(r);
                if (e != 0) {
                    return Math.max(e, 0);
                }
            }
        }
    }
}
