package io.drbdctl.config.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects diagnostics of one parse/validation run (one instance per run). */
public final class Diagnostics {
    private final List<Diagnostic> list = new ArrayList<>();
    /** FILE:LINE:COL of every error so far (a set: many errors must not make this quadratic). */
    private final Set<String> errorPlaces = new HashSet<>();

    /** Adds an error unless one is already reported at the same place. */
    public void error(String file, int line, int col, String msg) {
        if (errorPlaces.add(file + ":" + line + ":" + col)) {
            list.add(new Diagnostic(file, line, col, Severity.ERROR, msg));
        }
    }

    public void warning(String file, int line, int col, String msg) {
        list.add(new Diagnostic(file, line, col, Severity.WARNING, msg));
    }

    public void add(Diagnostic d) {
        list.add(d);
        if (d.severity() == Severity.ERROR) {
            errorPlaces.add(d.file() + ":" + d.line() + ":" + d.column());
        }
    }

    /** How many diagnostics there are so far. */
    public int size() {
        return list.size();
    }

    /**
     * Puts {@code other}'s diagnostics at {@code index} of this list, as if they had been reported
     * before the ones from there on (an error at a place already reported is dropped).
     */
    public void insertAll(int index, Diagnostics other) {
        List<Diagnostic> add = new ArrayList<>();
        for (Diagnostic d : other.list) {
            if (d.severity() != Severity.ERROR || errorPlaces.add(d.file() + ":" + d.line() + ":" + d.column())) {
                add.add(d);
            }
        }
        list.addAll(index, add);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(list);
    }
}
