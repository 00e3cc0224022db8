package io.drbdctl.setup.run;

import io.drbdctl.genl.v8.Drbd;
import io.drbdctl.genl.v8.DrbdCfgContext;
import io.drbdctl.genl.v8.DrbdOp;
import io.drbdctl.netlink.Errno;
import io.drbdctl.netlink.NetlinkErrnoException;
import io.drbdctl.netlink.NetlinkTimeoutException;
import io.drbdctl.setup.cli.GetOpt;
import io.drbdctl.setup.cli.Usage;
import io.drbdctl.setup.command.Ctx;
import io.drbdctl.setup.command.OptionField;
import io.drbdctl.setup.command.Positional;
import io.drbdctl.setup.format.ConfigError;
import io.drbdctl.setup.kernel.Host;
import io.drbdctl.setup.kernel.KernelReply;
import io.drbdctl.setup.kernel.V8Control;
import java.util.Optional;

/** Runs a configuration command: options and arguments into one request, the reply judged. */
public final class ConfigRunner {
    private final V8Control control;
    private final Host host;

    public ConfigRunner(V8Control control, Host host) {
        this.control = control;
        this.host = host;
    }

    /** The kernel's answer, or the exit code of a local failure. */
    public record Outcome(Optional<KernelReply> reply, int localExit) {
    }

    /** Runs the command and prints its result; returns the exit code. */
    public int run(Invocation inv) {
        Outcome o = send(inv);
        if (o.reply().isEmpty()) {
            return o.localExit();
        }
        return judge(inv, o.reply().get());
    }

    /** Prints the verdict on a reply; returns the exit code. */
    public static int judge(Invocation inv, KernelReply r) {
        int rv = r.retCode();
        Optional<String> desc = Optional.empty();
        if (rv == KernelReply.NO_REPLY) {
            rv = ConfigError.OTHER_ERROR;
            desc = Optional.of("error receiving config reply");
        } else if (rv == 158 && inv.cmd().missingOk()) {
            rv = ConfigError.NO_ERROR;
        }
        return ConfigError.print(inv.err(), inv.objName(), rv, desc, r.infoText());
    }

    /** Builds and sends the request; a local failure has already been printed. */
    public Outcome send(Invocation inv) {
        Drbd.Builder drbd = Drbd.builder();
        long minor = V8Control.NO_MINOR;
        int flags = 0;
        if (inv.in(Ctx.RESOURCE | Ctx.CONNECTION)) {
            DrbdCfgContext.Builder c = DrbdCfgContext.builder();
            if (inv.in(Ctx.RESOURCE)) {
                c.ctxResourceName(inv.objName());
            }
            if (inv.in(Ctx.CONNECTION)) {
                c.ctxMyAddr(io.drbdctl.genl.v8.Binary.of(Values.sockaddr(inv.localAddr(), inv.err())));
                c.ctxPeerAddr(io.drbdctl.genl.v8.Binary.of(Values.sockaddr(inv.peerAddr(), inv.err())));
            }
            drbd.cfgContext(c.build());
        } else if (inv.in(Ctx.MINOR)) {
            minor = inv.minor();
        }
        Nest nest = new Nest(inv.cmd().set().orElse(""));
        for (GetOpt.Opt o : inv.opts()) {
            if (o.name().equals("set-defaults")) {
                flags |= 1;
                continue;
            }
            OptionField f = inv.cmd().field(o.name()).orElseThrow();
            if (!put(nest, f, o.value(), inv)) {
                inv.err().print("Option --" + f.name() + ": invalid argument '" + o.value() + "'\n");
                return new Outcome(Optional.empty(), 20);
            }
        }
        int i = 0;
        for (Positional p : inv.cmd().args()) {
            if (i >= inv.args().size()) {
                inv.err().print("Missing argument '" + p.name() + "'\n");
                inv.out().print(Usage.command(inv.cmd()));
                return new Outcome(Optional.empty(), 20);
            }
            String a = inv.args().get(i++);
            Optional<String> failure = convert(nest, p, a, inv);
            if (failure.isPresent()) {
                inv.err().print(failure.get() + "\n");
                return new Outcome(Optional.empty(), 20);
            }
            if (p.field().isEmpty()) {
                minor = Minors.of(a, host);
            }
        }
        if (i < inv.args().size()) {
            inv.excess(inv.args().subList(i, inv.args().size()));
            return new Outcome(Optional.empty(), 20);
        }
        if (!nest.isEmpty()) {
            nest.addTo(drbd);
        }
        DrbdOp op = inv.cmd().op().orElseThrow();
        try {
            return new Outcome(Optional.of(control.send(op, minor, flags, drbd.build())), 0);
        } catch (NetlinkErrnoException e) {
            ConfigError.print(inv.err(), inv.objName(), ConfigError.OTHER_ERROR,
                    Optional.of(Errno.text(e.errno())), Optional.empty());
            return new Outcome(Optional.empty(), 20);
        } catch (NetlinkTimeoutException e) {
            ConfigError.print(inv.err(), inv.objName(), ConfigError.OTHER_ERROR,
                    Optional.of("timed out waiting for reply"), Optional.empty());
            return new Outcome(Optional.empty(), 20);
        }
    }

    private Optional<String> convert(Nest nest, Positional p, String arg, Invocation inv) {
        switch (p.field()) {
            case "backing-dev", "meta-dev" -> {
                Optional<String> bad = host.checkBlockDevice(arg);
                if (bad.isPresent()) {
                    return bad;
                }
                nest.put(p.field(), arg);
            }
            case "meta-dev-idx" -> nest.put(p.field(), switch (arg) {
                case "internal" -> -3L;
                case "flexible" -> -2L;
                default -> Values.strtoll(arg, '1', inv.err());
            });
            case "ctx-resource-name" -> nest.put(p.field(), arg);
            case "ctx-volume" -> nest.put(p.field(), Values.strtoll(arg, '1', inv.err()));
            default -> {
                if (Minors.of(arg, host) == V8Control.NO_MINOR) {
                    return Optional.of("Cannot determine minor device number of device '" + arg + "'");
                }
            }
        }
        return Optional.empty();
    }

    /** Puts one option value into the nest; false if the value is not valid for the field. */
    static boolean put(Nest nest, OptionField f, String value, Invocation inv) {
        if (f.attr().isEmpty()) {
            return false;
        }
        String field = f.attr().get().name();
        switch (f.type()) {
            case NUMERIC -> nest.put(field, Values.strtoll(value, f.scale(), inv.err()));
            case BOOLEAN, FLAG -> {
                Boolean yes = value == null || value.equals("yes") ? Boolean.TRUE
                        : value.equals("no") ? Boolean.FALSE : null;
                if (yes == null) {
                    return false;
                }
                if (yes || f.type() == io.drbdctl.setup.command.FieldType.BOOLEAN) {
                    nest.put(field, yes);
                }
            }
            case ENUM -> {
                Optional<Long> w = value == null ? Optional.empty() : f.enumWire(value);
                if (w.isEmpty()) {
                    return false;
                }
                nest.put(field, w.get());
            }
            case STRING -> nest.put(field, value);
            case ADDRESS -> nest.put(field, Values.sockaddr(value, inv.err()));
        }
        return true;
    }
}
