package io.drbdctl.setup.command;

import io.drbdctl.config.options.OptionTable;
import io.drbdctl.genl.v8.DrbdCfgContext;
import io.drbdctl.genl.v8.DrbdOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command set of drbdsetup for the 8.4 family, in the order its usage lists them. */
public final class Commands {
    private final List<CommandDef> all;
    private final OptionTable table;

    private Commands(List<CommandDef> all, OptionTable table) {
        this.all = List.copyOf(all);
        this.table = table;
    }

    /** The option table the commands were built from. */
    public OptionTable table() {
        return table;
    }

    public List<CommandDef> all() {
        return all;
    }

    public Optional<CommandDef> find(String name) {
        return all.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The command set, option fields taken from {@code table}. */
    public static Commands of(OptionTable table) {
        return new Builder(new OptionFields(table)).build();
    }

    private static final List<ExtraOption> WAIT_OPTIONS = List.of(
            new ExtraOption("wfc-timeout", true, false), new ExtraOption("degr-wfc-timeout", true, false),
            new ExtraOption("outdated-wfc-timeout", true, false), new ExtraOption("wait-after-sb", true, true));

    private static final class Builder {
        private final OptionFields f;
        private final List<CommandDef> out = new ArrayList<>();

        Builder(OptionFields f) {
            this.f = f;
        }

        private void config(String name, int ctx, DrbdOp op, String set, List<OptionField> fields,
                            boolean setDefaults) {
            out.add(new CommandDef(name, ctx, Kind.CONFIG, Show.NONE, Optional.of(op),
                    Optional.ofNullable(set), List.of(), fields, List.of(), setDefaults, false, false, false));
        }

        private void plain(String name, DrbdOp op) {
            config(name, Ctx.MINOR, op, null, List.of(), false);
        }

        private void get(String name, int ctx, Show show, List<ExtraOption> options, boolean missingOk,
                         boolean lockless) {
            out.add(new CommandDef(name, ctx, Kind.GET, show, Optional.of(DrbdOp.GET_STATUS), Optional.empty(),
                    List.of(), List.of(), options, false, missingOk, false, lockless));
        }

        private List<OptionField> concat(List<OptionField> a, List<OptionField> b) {
            List<OptionField> l = new ArrayList<>(a);
            l.addAll(b);
            return l;
        }

        Commands build() {
            int minor = Ctx.MINOR;
            config("primary", minor, DrbdOp.PRIMARY, "set-role-parms",
                    f.named("set-role-parms", List.of("force")), false);
            plain("secondary", DrbdOp.SECONDARY);
            List<OptionField> disk = f.changeable("disk");
            out.add(new CommandDef("attach", minor, Kind.CONFIG, Show.NONE, Optional.of(DrbdOp.ATTACH),
                    Optional.of("disk-conf"), List.of(new Positional("lower_dev", "backing-dev"),
                    new Positional("meta_data_dev", "meta-dev"), new Positional("meta_data_index", "meta-dev-idx")),
                    concat(f.named("disk", List.of("size", "max-bio-bvecs")), disk), List.of(), false, false,
                    false, false));
            config("disk-options", minor, DrbdOp.CHG_DISK_OPTS, "disk-conf", disk, true);
            config("detach", minor, DrbdOp.DETACH, "detach-parms", f.named("detach-parms", List.of("force")), false);
            List<OptionField> net = f.changeable("net");
            config("connect", Ctx.RESOURCE_AND_CONNECTION, DrbdOp.CONNECT, "net-conf", concat(f.named("net",
                    List.of("tentative", "discard-my-data", "alternate-address", "alternate-peer-address")), net),
                    false);
            config("net-options", Ctx.CONNECTION, DrbdOp.CHG_NET_OPTS, "net-conf", net, true);
            config("disconnect", Ctx.CONNECTION, DrbdOp.DISCONNECT, "disconnect-parms",
                    f.named("disconnect-parms", List.of("force")), false);
            config("resize", minor, DrbdOp.RESIZE, "resize-parms", f.named("resize-parms", List.of("size",
                    "assume-peer-has-space", "assume-clean", "al-stripes", "al-stripe-size-kB")), false);
            List<OptionField> res = f.named("options", List.of("cpu-mask", "on-no-data-accessible"));
            config("resource-options", Ctx.RESOURCE, DrbdOp.RESOURCE_OPTS, "res-opts", res, true);
            config("new-current-uuid", minor, DrbdOp.NEW_C_UUID, "new-c-uuid-parms",
                    f.named("new-c-uuid-parms", List.of("clear-bitmap")), false);
            plain("invalidate", DrbdOp.INVALIDATE);
            plain("invalidate-remote", DrbdOp.INVAL_PEER);
            plain("pause-sync", DrbdOp.PAUSE_SYNC);
            plain("resume-sync", DrbdOp.RESUME_SYNC);
            plain("suspend-io", DrbdOp.SUSPEND_IO);
            plain("resume-io", DrbdOp.RESUME_IO);
            plain("outdate", DrbdOp.OUTDATE);
            config("verify", minor, DrbdOp.START_OV, "start-ov-parms",
                    f.named("start-ov-parms", List.of("start", "stop")), false);
            out.add(new CommandDef("down", Ctx.RESOURCE, Kind.DOWN, Show.NONE, Optional.of(DrbdOp.DOWN),
                    Optional.empty(), List.of(), List.of(), List.of(), false, true, true, false));
            int any = Ctx.MINOR | Ctx.RESOURCE | Ctx.ALL;
            get("state", minor, Show.ROLE, List.of(), false, false);
            get("role", minor, Show.ROLE, List.of(), false, true);
            get("sh-status", any, Show.SH_STATUS, List.of(), true, true);
            get("cstate", minor, Show.CSTATE, List.of(), false, true);
            get("dstate", minor, Show.DSTATE, List.of(), false, true);
            get("show-gi", minor, Show.GI, List.of(), false, true);
            get("get-gi", minor, Show.GI, List.of(), false, true);
            get("show", any, Show.SHOW, List.of(new ExtraOption("show-defaults", false, false)), false, true);
            out.add(new CommandDef("status", Ctx.RESOURCE | Ctx.ALL, Kind.STATUS, Show.NONE, Optional.empty(),
                    Optional.empty(), List.of(), List.of(), List.of(new ExtraOption("verbose", false, false),
                    new ExtraOption("statistics", false, false), new ExtraOption("color", true, true)),
                    false, false, false, true));
            get("check-resize", minor, Show.CHECK_RESIZE, List.of(), false, true);
            get("events", any, Show.EVENTS, List.of(), true, true);
            out.add(new CommandDef("events2", Ctx.RESOURCE | Ctx.ALL, Kind.GET, Show.EVENTS2,
                    Optional.of(DrbdOp.GET_INITIAL_STATE), Optional.empty(), List.of(), List.of(),
                    List.of(new ExtraOption("timestamps", false, false), new ExtraOption("statistics", false, false),
                            new ExtraOption("now", false, false)), false, true, false, true));
            get("wait-connect", minor, Show.WAIT_CONNECT, WAIT_OPTIONS, false, true);
            get("wait-sync", minor, Show.WAIT_SYNC, WAIT_OPTIONS, false, true);
            config("new-resource", Ctx.RESOURCE, DrbdOp.NEW_RESOURCE, "res-opts", res, false);
            out.add(new CommandDef("new-minor", 0, Kind.CONFIG, Show.NONE, Optional.of(DrbdOp.NEW_MINOR),
                    Optional.of(DrbdCfgContext.SET_NAME), List.of(new Positional("resource", "ctx-resource-name"),
                    new Positional("minor", ""), new Positional("volume", "ctx-volume")), List.of(), List.of(),
                    false, false, false, false));
            plain("del-minor", DrbdOp.DEL_MINOR);
            out.add(new CommandDef("del-resource", Ctx.RESOURCE, Kind.CONFIG, Show.NONE,
                    Optional.of(DrbdOp.DEL_RESOURCE), Optional.empty(), List.of(), List.of(), List.of(), false,
                    false, false, false));
            return new Commands(out, f.table());
        }
    }
}
