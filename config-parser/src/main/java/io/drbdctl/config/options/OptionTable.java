package io.drbdctl.config.options;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one option table: every option of every section with type, range, default, unit and
 * dialects. Loaded from the resource {@code options.tsv} beside this package; drives
 * validation, dump, drbdsetup options and the man pages.
 */
public final class OptionTable {
    private static final String RESOURCE = "/io/drbdctl/config/options.tsv";
    private final List<OptionDef> rows;
    private final List<OptionDef> setupRows;
    /** The raw v8 column of the rows that have one (parsed on demand; read-only after construction). */
    private final Map<OptionDef, String> v8;
    /** The rows by section name, then by option name (table order kept): lookups run per option per resource. */
    private final Map<String, Map<String, List<OptionDef>>> index;

    private OptionTable(List<OptionDef> rows, List<OptionDef> setupRows, Map<OptionDef, String> v8) {
        this.rows = List.copyOf(rows);
        this.setupRows = List.copyOf(setupRows);
        this.v8 = v8;
        Map<String, Map<String, List<OptionDef>>> idx = new java.util.HashMap<>();
        for (OptionDef d : this.rows) {
            idx.computeIfAbsent(d.section(), k -> new java.util.HashMap<>())
                    .computeIfAbsent(d.name(), k -> new ArrayList<>(1)).add(d);
        }
        this.index = idx;
    }

    /** Loads the table shipped with this library (a fresh, immutable instance). */
    public static OptionTable load() {
        try (InputStream in = OptionTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OptionTable parse(BufferedReader r) throws IOException {
        List<OptionDef> out = new ArrayList<>();
        List<OptionDef> setup = new ArrayList<>();
        Map<OptionDef, String> v8 = new IdentityHashMap<>();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Set<Dialect> ds = EnumSet.noneOf(Dialect.class);
            for (String d : f[9].split(",")) {
                ds.add(Dialect.fromLabel(d));
            }
            List<String> enums = f[8].isEmpty() ? List.of() : Arrays.asList(f[8].split(","));
            OptionDef d = new OptionDef(f[0], f[1], OptionType.parse(f[2]), num(f[3]), num(f[4]),
                    f[5].isEmpty() ? null : f[5], f[6].isEmpty() ? '1' : f[6].charAt(0), f[7], enums, ds);
            setup.add(d);
            if (f.length > 10 && !f[10].isEmpty()) {
                v8.put(d, f[10]);
                if (f[10].contains("setup-only")) {
                    continue;
                }
            }
            out.add(d);
        }
        return new OptionTable(out, setup, v8);
    }

    private static Map<String, String> v8Facts(String col) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : col.split(";")) {
            if (!kv.isEmpty()) {
                int eq = kv.indexOf('=');
                m.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private static Long num(String s) {
        if (s.isEmpty()) {
            return null;
        }
        long v = Long.parseLong(s);
        return v < 0 ? null : v;
    }

    public List<OptionDef> all() {
        return rows;
    }

    /** Every row including the drbdsetup-only ones ({@code setup-only} in the v8 column), in table order. */
    public List<OptionDef> setupRows() {
        return setupRows;
    }

    /** The v8 column of a row (drbdsetup 8.4 facts: attr, wire, flag, overrides ...); empty if none. */
    public Map<String, String> v8(OptionDef d) {
        return v8Facts(v8.getOrDefault(d, ""));
    }

    /** Options of one section in one dialect, in table order. */
    public List<OptionDef> section(String section, Dialect d) {
        return rows.stream().filter(o -> o.section().equals(section) && o.in(d)).toList();
    }

    public Optional<OptionDef> find(String section, String name, Dialect d) {
        for (OptionDef o : index.getOrDefault(section, Map.of()).getOrDefault(name, List.of())) {
            if (o.in(d)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** Any row of that name in any section or dialect (for "wrong section" hints). */
    public List<OptionDef> named(String name) {
        return rows.stream().filter(o -> o.name().equals(name)).toList();
    }
}
