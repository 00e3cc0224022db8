package io.drbdctl.config.parse;

import io.drbdctl.config.diag.Diagnostic;
import io.drbdctl.config.diag.Severity;
import io.drbdctl.config.model.Config;
import java.util.List;

/** The model and every diagnostic found while reading it. */
public record ParseResult(Config config, List<Diagnostic> diagnostics, List<String> moduleRequirements) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
        moduleRequirements = List.copyOf(moduleRequirements);
    }

    public boolean ok() {
        return diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
    }
}
