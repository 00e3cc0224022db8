package io.drbdctl.setup.run;

import io.drbdctl.genl.v8.DiskConf;
import io.drbdctl.genl.v8.StateInfo;
import io.drbdctl.setup.command.Commands;
import io.drbdctl.setup.command.Show;
import io.drbdctl.setup.format.DrbdNames;
import io.drbdctl.setup.format.Events2Formatter;
import io.drbdctl.setup.format.EventsFormatter;
import io.drbdctl.setup.kernel.KernelReply;
import io.drbdctl.setup.format.GiFormatter;
import io.drbdctl.setup.format.PackedState;
import io.drbdctl.setup.format.ShStatusFormatter;
import io.drbdctl.setup.format.ShowFormatter;
import io.drbdctl.setup.kernel.Host;
import io.drbdctl.setup.state.DeviceSnapshot;
import java.util.Optional;
import java.util.OptionalLong;

/** The show functions of the get commands. */
final class ShowFns {
    private ShowFns() {
    }

    static ShowFn of(Invocation inv, Commands commands, Host host, GetOptions o) {
        var out = inv.out();
        var err = inv.err();
        String cmd = inv.cmd().name();
        return switch (inv.cmd().show()) {
            case ROLE -> new ShowFn() {
                @Override
                public int show(DeviceSnapshot d) {
                    deprecated();
                    PackedState s = PackedState.of(d.currentState());
                    out.print(s.unconfigured() ? "Unconfigured\n"
                            : DrbdNames.role(s.role()) + "/" + DrbdNames.role(s.peer()) + "\n");
                    return 0;
                }

                @Override
                public int end() {
                    deprecated();
                    return 0;
                }

                private void deprecated() {
                    if (cmd.equals("state")) {
                        err.print("'" + inv.program() + " ... state' is deprecated, use '" + inv.program()
                                + " ... role' instead.\n");
                    }
                }
            };
            case CSTATE -> d -> {
                PackedState s = PackedState.of(d.currentState());
                out.print(s.unconfigured() ? "Unconfigured\n" : DrbdNames.conn(s.conn()) + "\n");
                return 0;
            };
            case DSTATE -> d -> {
                PackedState s = PackedState.of(d.currentState());
                out.print(s.unconfigured() ? "Unconfigured\n"
                        : DrbdNames.disk(s.disk()) + "/" + DrbdNames.disk(s.pdsk()) + "\n");
                return 0;
            };
            case SH_STATUS -> d -> {
                out.print(ShStatusFormatter.format(d));
                return 0;
            };
            case GI -> d -> gi(d, cmd.equals("show-gi"), inv);
            case SHOW -> {
                ShowFormatter f = new ShowFormatter(field(commands, "resource-options"),
                        field(commands, "net-options"), field(commands, "attach"), o.showDefaults());
                yield new ShowFn() {
                    @Override
                    public int show(DeviceSnapshot d) {
                        out.print(f.add(d));
                        return 0;
                    }

                    @Override
                    public int end() {
                        out.print(f.end());
                        out.flush();
                        return 0;
                    }
                };
            }
            case CHECK_RESIZE -> d -> checkResize(d, host, inv);
            case EVENTS -> d -> {
                out.print(EventsFormatter.format(d, inv.cmd().missingOk()));
                out.flush();
                return 0;
            };
            case EVENTS2 -> {
                Events2Formatter f = new Events2Formatter(o.statistics(), o.timestamps(), o.now());
                yield new ShowFn() {
                    @Override
                    public int show(DeviceSnapshot d) {
                        return 0;
                    }

                    @Override
                    public int show(KernelReply r) {
                        Events2Formatter.Line l = f.format(r);
                        out.print(l.text());
                        out.flush();
                        return l.done() ? -1 : 0;
                    }
                };
            }
            case WAIT_CONNECT, WAIT_SYNC -> d -> waitState(d, inv.cmd().show(), o.waitAfterSb(), inv);
            default -> d -> 0;
        };
    }

    private static java.util.List<io.drbdctl.setup.command.OptionField> field(Commands c, String name) {
        return c.find(name).orElseThrow().fields();
    }

    private static int gi(DeviceSnapshot d, boolean pretty, Invocation inv) {
        PackedState s = PackedState.of(d.currentState());
        if (s.unconfigured()) {
            inv.err().print("Device is unconfigured\n");
            return 1;
        }
        if (s.disk() == DrbdNames.D_DISKLESS) {
            inv.err().print("Device has no disk\n");
            return 1;
        }
        Optional<StateInfo> si = d.state();
        if (si.isPresent() && si.get().uuids().isPresent()) {
            byte[] uuids = si.get().uuids().get().toArray();
            long flags = si.get().diskFlags().orElse(0);
            inv.out().print(pretty ? GiFormatter.pretty(uuids, flags) : GiFormatter.line(uuids, flags));
        } else {
            inv.err().print("No uuids found in reply!\nMaybe you need to upgrade your userland tools?\n");
        }
        return 0;
    }

    private static int checkResize(DeviceSnapshot d, Host host, Invocation inv) {
        Optional<DiskConf> dc = d.disk();
        if (dc.isEmpty() || dc.get().backingDev().isEmpty()) {
            inv.err().print("Has no disk config, try with drbdmeta.\n");
            return 1;
        }
        int idx = dc.get().metaDevIdx().orElse(0);
        if (idx >= 0 || idx == -2) {
            host.deleteLkBdev(d.minor(), inv.err());
            return 0;
        }
        String dev = dc.get().backingDev().get();
        OptionalLong size = host.blockDeviceSize(dev);
        if (size.isEmpty()) {
            inv.err().print("Could not open " + dev + ": No such file or directory.\n");
            return 1;
        }
        Optional<Host.LkBdev> old = host.loadLkBdev(d.minor());
        if (old.isPresent() && old.get().size() == size.getAsLong() && old.get().name().equals(dev)) {
            return 0;
        }
        host.saveLkBdev(d.minor(), new Host.LkBdev(size.getAsLong(), dev), inv.err());
        return 0;
    }

    private static int waitState(DeviceSnapshot d, Show which, boolean waitAfterSb, Invocation inv) {
        if (d.state().isEmpty() || d.state().get().currentState().isEmpty()) {
            return 0;
        }
        long reason = d.state().get().sibReason().orElse(0);
        if (reason != 1 && reason != 2) {
            return 0;
        }
        PackedState s = PackedState.of(d.currentState());
        if (which == Show.WAIT_CONNECT) {
            if (s.conn() >= DrbdNames.C_CONNECTED) {
                return -1;
            }
            if (s.conn() < DrbdNames.C_UNCONNECTED) {
                if (!waitAfterSb) {
                    return -1;
                }
                inv.err().print("\ndrbd" + Long.toUnsignedString(d.minor()) + " (" + d.resourceName().orElse("(null)")
                        + "[" + Long.toUnsignedString(d.volume()) + "]) is " + DrbdNames.conn(s.conn())
                        + ", but I'm configured to wait anways (--wait-after-sb)\n");
            }
            return 0;
        }
        if (s.conn() == DrbdNames.C_CONNECTED) {
            return -1;
        }
        return !waitAfterSb && s.conn() < DrbdNames.C_UNCONNECTED ? -1 : 0;
    }
}
