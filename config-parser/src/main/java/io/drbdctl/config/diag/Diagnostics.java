package io.drbdctl.config.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects diagnostics of one parse/validation run (one instance per run). */
public final class Diagnostics {
    private final List<Diagnostic> list = new ArrayList<>();

    /** Adds an error unless one is already reported at the same place. */
    public void error(String file, int line, int col, String msg) {
        for (Diagnostic d : list) {
            if (d.severity() == Severity.ERROR && d.line() == line && d.column() == col && d.file().equals(file)) {
                return;
            }
        }
        list.add(new Diagnostic(file, line, col, Severity.ERROR, msg));
    }

    public void warning(String file, int line, int col, String msg) {
        list.add(new Diagnostic(file, line, col, Severity.WARNING, msg));
    }

    public void add(Diagnostic d) {
        list.add(d);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(list);
    }
}
