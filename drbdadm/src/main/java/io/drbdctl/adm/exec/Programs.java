package io.drbdctl.adm.exec;

import io.drbdctl.adm.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programs drbdadm names in its steps: by default the reference's names (and the steps run
 * in-process); {@code -s/--drbdsetup} and {@code -m/--drbdmeta} name other programs, which then
 * run as processes and appear in dry runs and messages.
 */
public record Programs(Optional<String> drbdsetup, Optional<String> drbdmeta) {

    public static Programs builtIn() {
        return new Programs(Optional.empty(), Optional.empty());
    }

    public boolean external() {
        return drbdsetup.isPresent() || drbdmeta.isPresent();
    }

    /** The step as a command line, with the overridden program where one was given. */
    public String line(Step s) {
        String line = s.commandLine();
        Optional<String> prog = s instanceof Step.Drbdsetup ? drbdsetup
                : s instanceof Step.Drbdmeta ? drbdmeta : Optional.empty();
        return prog.map(p -> p + line.substring(line.indexOf(' '))).orElse(line);
    }

    /** Appends {@link #line} to {@code b}, without a string of its own when no program is overridden. */
    public StringBuilder appendLine(StringBuilder b, Step s) {
        boolean overridden = s instanceof Step.Drbdsetup ? drbdsetup.isPresent()
                : s instanceof Step.Drbdmeta && drbdmeta.isPresent();
        return overridden ? b.append(line(s)) : s.appendTo(b);
    }

    /** The argument vector after the program name. */
    public static List<String> argv(Step s) {
        List<String> a = new ArrayList<>();
        if (s instanceof Step.Drbdsetup d) {
            a.add(d.op());
            a.addAll(d.args());
            a.addAll(d.options());
        } else if (s instanceof Step.Drbdmeta m) {
            a.addAll(List.of(String.valueOf(m.minor()), m.format(), m.metaDev(), m.metaIdx()));
            a.addAll(List.of(m.op().split(" ")));
        } else if (s instanceof Step.ProxyCtl p) {
            p.commands().forEach(c -> {
                a.add("-c");
                a.add(c);
            });
        }
        return a;
    }
}
