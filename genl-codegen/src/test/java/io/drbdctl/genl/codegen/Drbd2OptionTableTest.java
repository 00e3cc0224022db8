package io.drbdctl.genl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The option nests of genl-drbd2/drbd2.yaml agree with the project's one option table,
 * config-parser's options.tsv, so that the two cannot drift: every DRBD 9 option of the
 * sections disk, net, options and peer-device is an attribute of disk-options, net-options,
 * resource-options and peer-device-options (and nothing else is), with the table's name,
 * type, range, default and enum values.
 *
 * <p>Encoding rules: numeric options are u32 (u64 beyond 32 bits; s32 for the one signed
 * option, resync-after, whose wire facts are the table's v8 overrides: drbd.conf names a
 * resource there, the kernel takes a minor), booleans u32 with max 1, enums u32 with a spec
 * enum whose entries are the table's values in its order (compared without case), enum-num
 * options (quorum) u32 with consts {@code quorum-VALUE} and the node range in the doc,
 * strings string. A table max of -1 means no upper limit. Defaults are in the attribute's
 * doc ("Default X", booleans as 1/0). The connection's name (net {@code _name}) is the
 * connection set's {@code name}, not a net option.
 */
class Drbd2OptionTableTest {
    private static final Path SPEC = Path.of("../genl-drbd2/drbd2.yaml");
    private static final Path TABLE =
            Path.of("../config-parser/src/main/resources/io/drbdctl/config/options.tsv");
    private static final Map<String, String> SETS = Map.of("disk", "disk-options", "net",
            "net-options", "options", "resource-options", "peer-device", "peer-device-options");
    private static final Set<String> NOT_OPTIONS = Set.of("net/_name");
    private static final Pattern DEFAULT = Pattern.compile("\\b[Dd]efault:? ([-\\w]+)");
    private static final BigInteger U32_MAX = BigInteger.valueOf(0xffffffffL);

    record Row(String section, String name, String type, String min, String max, String dflt,
            List<String> values, Map<String, String> v8) {
    }

    @Test
    void optionNestsAgreeWithTheOptionTable() throws IOException {
        Map<String, Object> spec = load();
        List<String> errors = new ArrayList<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (Row r : rows()) {
            String set = SETS.get(r.section());
            seen.computeIfAbsent(set, k -> new TreeSet<>()).add(r.name());
            if (NOT_OPTIONS.contains(r.section() + "/" + r.name())) {
                continue;
            }
            Map<String, Object> attr = attribute(spec, set, r.name());
            if (attr == null) {
                errors.add(set + ": no attribute " + r.name());
                continue;
            }
            check(spec, set + "." + r.name(), r, attr, errors);
        }
        for (String set : SETS.values()) {
            for (Map<String, Object> a : attributes(spec, set)) {
                String name = (String) a.get("name");
                if (!"pad".equals(a.get("type")) && !seen.getOrDefault(set, Set.of()).contains(name)) {
                    errors.add(set + "." + name + ": not a DRBD 9 option of options.tsv");
                }
            }
        }
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    @Test
    void theCheckNoticesDrift() throws IOException {
        Map<String, Object> spec = load();
        Map<String, Object> timeout = attribute(spec, "net-options", "timeout");
        assertNotNull(timeout);
        List<String> errors = new ArrayList<>();
        Row row = rows().stream().filter(r -> r.section().equals("net") && r.name().equals("timeout"))
                .findFirst().orElseThrow();
        check(spec, "net-options.timeout", row, timeout, errors);
        assertEquals(List.of(), errors);
        Row drifted = new Row(row.section(), row.name(), row.type(), row.min(), "599", "61",
                row.values(), row.v8());
        check(spec, "net-options.timeout", drifted, timeout, errors);
        assertEquals(2, errors.size(), errors.toString());
    }

    private static void check(Map<String, Object> spec, String where, Row r,
            Map<String, Object> attr, List<String> errors) {
        String type = (String) attr.get("type");
        @SuppressWarnings("unchecked")
        Map<String, Object> checks = (Map<String, Object>) attr.getOrDefault("checks", Map.of());
        String doc = String.valueOf(attr.getOrDefault("doc", "")).replaceAll("\\s+", " ");
        String rowType = r.type();
        String min = r.min();
        String max = r.max();
        String dflt = r.dflt();
        if (rowType.equals("string") && "numeric".equals(r.v8().get("type"))) {
            rowType = "numeric";
            min = r.v8().get("min");
            max = r.v8().get("max");
            dflt = r.v8().get("default");
        }
        String want;
        switch (rowType) {
            case "numeric" -> {
                boolean signed = r.v8().containsKey("signed");
                boolean wide = !max.equals("-1") && new BigInteger(max).compareTo(U32_MAX) > 0;
                want = signed ? "s32" : wide ? "u64" : "u32";
                BigInteger lo = new BigInteger(min.isEmpty() ? "0" : min);
                BigInteger specMin = limit(spec, checks.get("min"), BigInteger.ZERO);
                if (!lo.equals(specMin)) {
                    errors.add(where + ": min " + specMin + ", options.tsv " + lo);
                }
                Object specMax = checks.get("max");
                if (max.equals("-1")) {
                    if (specMax != null) {
                        errors.add(where + ": max " + specMax + ", options.tsv has none");
                    }
                } else if (!new BigInteger(max).equals(limit(spec, specMax, null))) {
                    errors.add(where + ": max " + limit(spec, specMax, null) + ", options.tsv "
                            + max);
                }
                expectDefault(where, doc, dflt, errors);
            }
            case "boolean" -> {
                want = "u32";
                if (!BigInteger.ONE.equals(limit(spec, checks.get("max"), null))
                        || checks.containsKey("min")) {
                    errors.add(where + ": a boolean needs checks max 1 and no min");
                }
                expectDefault(where, doc, dflt.isEmpty() ? "" : dflt.equals("yes") ? "1" : "0",
                        errors);
            }
            case "enum" -> {
                want = "u32";
                List<String> entries = enumEntries(spec, (String) attr.get("enum"));
                List<String> values = r.values().stream().map(Drbd2OptionTableTest::lower).toList();
                if (entries == null || !entries.stream().map(Drbd2OptionTableTest::lower).toList()
                        .equals(values)) {
                    errors.add(where + ": enum " + attr.get("enum") + " " + entries
                            + ", options.tsv " + r.values());
                }
                expectDefault(where, lower(doc), lower(dflt), errors);
            }
            case "enum-num" -> {
                want = "u32";
                for (String v : r.values()) {
                    if (constValue(spec, "quorum-" + v) == null || !doc.contains("quorum-" + v)) {
                        errors.add(where + ": no const quorum-" + v + " named in the doc");
                    }
                }
                if (!doc.contains(min + ".." + max)) {
                    errors.add(where + ": the doc does not name the range " + min + ".." + max);
                }
                expectDefault(where, doc, dflt, errors);
            }
            case "string" -> {
                want = "string";
                expectDefault(where, doc, dflt, errors);
            }
            default -> {
                fail(where + ": unknown option type " + rowType);
                return;
            }
        }
        if (!want.equals(type)) {
            errors.add(where + ": type " + type + ", options.tsv " + rowType + " wants " + want);
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static void expectDefault(String where, String doc, String dflt, List<String> errors) {
        if (dflt.isEmpty()) {
            return;
        }
        Matcher m = DEFAULT.matcher(doc);
        if (!m.find()) {
            errors.add(where + ": no \"Default " + dflt + "\" in the doc");
        } else if (!m.group(1).equals(dflt)) {
            errors.add(where + ": default " + m.group(1) + ", options.tsv " + dflt);
        }
    }

    private static BigInteger limit(Map<String, Object> spec, Object v, BigInteger none) {
        if (v == null) {
            return none;
        }
        if (v instanceof Number n) {
            return new BigInteger(n.toString());
        }
        Object c = constValue(spec, (String) v);
        return c == null ? none : new BigInteger(c.toString());
    }

    @SuppressWarnings("unchecked")
    private static Object constValue(Map<String, Object> spec, String name) {
        for (Map<String, Object> d : (List<Map<String, Object>>) spec.get("definitions")) {
            if (name.equals(d.get("name")) && "const".equals(d.get("type"))) {
                return d.get("value");
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> enumEntries(Map<String, Object> spec, String name) {
        for (Map<String, Object> d : (List<Map<String, Object>>) spec.get("definitions")) {
            if (name != null && name.equals(d.get("name")) && "enum".equals(d.get("type"))) {
                List<String> out = new ArrayList<>();
                for (Object e : (List<Object>) d.get("entries")) {
                    out.add(e instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : e.toString());
                }
                return out;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attributes(Map<String, Object> spec, String set) {
        for (Map<String, Object> s : (List<Map<String, Object>>) spec.get("attribute-sets")) {
            if (set.equals(s.get("name"))) {
                return (List<Map<String, Object>>) s.get("attributes");
            }
        }
        fail("drbd2.yaml has no attribute set " + set);
        return List.of();
    }

    private static Map<String, Object> attribute(Map<String, Object> spec, String set,
            String name) {
        for (Map<String, Object> a : attributes(spec, set)) {
            if (name.equals(a.get("name"))) {
                return a;
            }
        }
        return null;
    }

    private static Map<String, Object> load() throws IOException {
        try (Reader r = Files.newBufferedReader(SPEC)) {
            return new Yaml().load(r);
        }
    }

    /** The DRBD 9 rows of the four sections (a row per option: the one whose dialects hold 9). */
    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(TABLE)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (!SETS.containsKey(c[0]) || !List.of(c[9].split(",")).contains("9")) {
                continue;
            }
            Map<String, String> v8 = new LinkedHashMap<>();
            if (c.length > 10 && !c[10].isEmpty()) {
                for (String kv : c[10].split(";")) {
                    int eq = kv.indexOf('=');
                    v8.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
                }
            }
            rows.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5],
                    c[8].isEmpty() ? List.of() : List.of(c[8].split(",")), v8));
        }
        assertTrue(rows.size() > 60, "DRBD 9 rows of options.tsv: " + rows.size());
        return rows;
    }
}
