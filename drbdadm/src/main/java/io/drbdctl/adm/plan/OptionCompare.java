package io.drbdctl.adm.plan;

import io.drbdctl.config.model.Opt;
import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionDef;
import io.drbdctl.config.options.OptionTable;
import io.drbdctl.config.options.OptionType;
import io.drbdctl.config.parse.ValueCheck;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Compares configured and running options, an absent option counting as its default. */
final class OptionCompare {
    private final OptionTable table;
    private final Dialect dialect;

    OptionCompare(OptionTable table, Dialect dialect) {
        this.table = table;
        this.dialect = dialect;
    }

    boolean equal(List<Opt> conf, List<Opt> running, Set<String> sections, Set<String> skip) {
        for (Opt r : running) {
            if (skip.contains(r.name()) || r.value() == null) {
                continue;
            }
            Optional<Opt> c = conf.stream().filter(o -> o.name().equals(r.name())).findFirst();
            String other = c.map(Opt::value).orElse(null);
            if (!same(r.name(), r.value(), other, sections)) {
                return false;
            }
        }
        for (Opt c : conf) {
            if (skip.contains(c.name()) || c.value() == null) {
                continue;
            }
            if (running.stream().noneMatch(o -> o.name().equals(c.name())) && !same(c.name(), c.value(), null, sections)) {
                return false;
            }
        }
        return true;
    }

    /** {@code b == null} means "not set": compare with the default. */
    private boolean same(String name, String a, String b, Set<String> sections) {
        Optional<OptionDef> def = sections.stream().map(s -> table.find(s, name, dialect)).flatMap(Optional::stream)
                .findFirst();
        String bb = b != null ? b : def.map(OptionDef::def).orElse(null);
        if (bb == null) {
            return false;
        }
        if (def.isPresent() && def.get().type() == OptionType.NUMERIC) {
            Long x = ValueCheck.scaled(a, def.get().scale());
            Long y = ValueCheck.scaled(bb, def.get().scale());
            return x != null && x.equals(y);
        }
        return a.equalsIgnoreCase(bb);
    }
}
