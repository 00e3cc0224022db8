package io.drbdctl.adm.exec;

import io.drbdctl.adm.plan.Step;
import io.drbdctl.config.model.Config;
import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionTable;
import io.drbdctl.config.parse.ConfigLoader;
import io.drbdctl.config.parse.ParseResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's running configuration for {@code adjust} (DRBD 9 dialect): {@code drbdsetup show}
 * run through the plan's step runner (in-process: the session's family), its output read in the
 * {@code _this_host} syntax. Empty when show fails (no module, nothing to talk to); adjust then
 * plans as for a resource that is not running.
 */
public final class RunningState {
    private RunningState() {
    }

    public static Optional<Config> read(StepRunner runner, OptionTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = runner.run(new Step.Drbdsetup("show", List.of(), List.of()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            return Optional.empty();
        }
        ParseResult pr = new ConfigLoader(table, Dialect.V9).loadText(out.toString(StandardCharsets.UTF_8),
                "drbdsetup show");
        // like FAKE_DRBDSETUP_SHOW's file: the model is used even when the validator (made for
        // drbd.conf, not for show's _this_host syntax) has something to say
        return Optional.ofNullable(pr.config());
    }
}
