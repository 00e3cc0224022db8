package io.drbdctl.setup.command;

import io.drbdctl.genl.v8.DrbdOp;
import java.util.List;
import java.util.Optional;

/**
 * One drbdsetup command: its context, the operation it sends, the attribute set its options
 * go into, positional arguments, option fields and behaviour flags.
 */
public record CommandDef(String name, int ctxKey, Kind kind, Show show, Optional<DrbdOp> op,
                         Optional<String> set, List<Positional> args, List<OptionField> fields,
                         List<ExtraOption> options, boolean setDefaults, boolean missingOk,
                         boolean warnOnMissing, boolean lockless) {

    public CommandDef {
        args = List.copyOf(args);
        fields = List.copyOf(fields);
        options = List.copyOf(options);
    }

    public boolean has(int ctx) {
        return (ctxKey & ctx) != 0;
    }

    public boolean continuousPoll() {
        return show == Show.EVENTS || show == Show.WAIT_CONNECT || show == Show.WAIT_SYNC
                || show == Show.EVENTS2;
    }

    public boolean waitTimeouts() {
        return show == Show.WAIT_CONNECT || show == Show.WAIT_SYNC;
    }

    public Optional<OptionField> field(String optionName) {
        return fields.stream().filter(f -> f.name().equals(optionName)).findFirst();
    }
}
