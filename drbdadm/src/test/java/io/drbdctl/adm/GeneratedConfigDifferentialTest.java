package io.drbdctl.adm;

import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionDef;
import io.drbdctl.config.options.OptionTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random valid configurations built from the option table (fixed seed), both dialects, compared
 * with the reference: dump, -d up, -d attach.
 */
class GeneratedConfigDifferentialTest {
    static final Set<String> SKIP = Set.of("_name", "transport", "size", "resync-after", "discard-my-data",
            "become-primary-on", "stacked-timeouts", "cpu-mask");
    static final String[] SECTIONS = {"net", "disk", "options", "startup", "handlers"};

    @TestFactory
    Stream<DynamicTest> generated(@TempDir Path dir) throws Exception {
        OptionTable table = OptionTable.load();
        Random rnd = new Random(Long.getLong("gen.seed", 20261122L));
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("gen.count", 30); i++) {
            Dialect d = rnd.nextInt(10) < 6 ? Dialect.V9 : Dialect.V84;
            Path f = dir.resolve((d == Dialect.V84 ? "v84-gen" : "v9-gen") + i + ".res");
            Files.writeString(f, config(table, d, rnd, i));
            for (String[] nc : new String[][] {{"testnode", "dump"}, {"alpha", "-d up all"}, {"alpha", "-d attach all"}}) {
                String key = f.getFileName() + "|" + nc[0] + "|" + nc[1];
                tests.add(DynamicTest.dynamicTest(key, () -> DifferentialTest.compare(f, nc[0], nc[1], key)));
            }
        }
        return tests.stream();
    }

    /**
     * One big file of many such resources: read in pieces on two threads, its dump and plan made
     * in two halves (drbdadm's paths for big configurations), still the reference's output.
     */
    @TestFactory
    Stream<DynamicTest> big(@TempDir Path dir) throws Exception {
        OptionTable table = OptionTable.load();
        List<DynamicTest> tests = new ArrayList<>();
        for (Dialect d : List.of(Dialect.V9, Dialect.V84)) {
            Random rnd = new Random(Long.getLong("gen.seed", 20261122L));
            StringBuilder s = new StringBuilder("common { net { ").append(options(table, d, "net", rnd, 2))
                    .append("} disk { ").append(options(table, d, "disk", rnd, 2)).append("} }\n");
            // drbdadm-84 fails on 400 resources of two hosts ("hash table entry ... failed")
            for (int i = 0; i < (d == Dialect.V84 ? 300 : 1200); i++) {
                String r = config(table, d, rnd, i);
                // one common section; minors of one number space
                r = r.replaceFirst("^common \\{.*\\n", "").replace("/dev/drbd" + i + ";", "/dev/drbd" + i * 10 + ";");
                s.append("# resource ").append(i).append('\n').append(r);
            }
            Path f = dir.resolve((d == Dialect.V84 ? "v84-big" : "v9-big") + ".res");
            Files.writeString(f, s);
            List<String[]> cmds = d == Dialect.V84 ? List.<String[]>of(new String[] {"testnode", "dump"})
                    : List.of(new String[] {"testnode", "dump"}, new String[] {"alpha", "-d up all"},
                            new String[] {"alpha", "-d down all"});
            for (String[] nc : cmds) {
                String key = f.getFileName() + "|" + nc[0] + "|" + nc[1];
                tests.add(DynamicTest.dynamicTest(key, () -> DifferentialTest.compare(f, nc[0], nc[1], key)));
            }
        }
        return tests.stream();
    }

    static String config(OptionTable table, Dialect d, Random rnd, int i) {
        StringBuilder s = new StringBuilder();
        int hosts = d == Dialect.V84 ? 2 : 2 + rnd.nextInt(2);
        if (rnd.nextBoolean()) {
            s.append("common {");
            for (String sec : pick(rnd, 2)) {
                s.append(' ').append(sec).append(" { ").append(options(table, d, sec, rnd, 2)).append('}');
            }
            s.append(" }\n");
        }
        s.append("resource r").append(i).append(" {\n");
        for (String sec : pick(rnd, rnd.nextInt(4))) {
            s.append("  ").append(sec).append(" { ").append(options(table, d, sec, rnd, 1 + rnd.nextInt(6)))
                    .append("}\n");
        }
        int volumes = 1 + rnd.nextInt(2);
        if (volumes == 1) {
            s.append("  device /dev/drbd").append(i).append("; disk /dev/vg/r").append(i).append("; meta-disk internal;\n");
        } else {
            for (int v = 0; v < volumes; v++) {
                s.append("  volume ").append(v).append(" { device /dev/drbd").append(i * 10 + v).append("; disk /dev/vg/r")
                        .append(i).append('v').append(v).append("; meta-disk internal; }\n");
            }
        }
        String[] names = {"alpha", "beta", "gamma"};
        for (int h = 0; h < hosts; h++) {
            s.append("  on ").append(names[h]).append(" { address 10.9.").append(i % 250).append('.').append(h + 1)
                    .append(':').append(7000 + i).append(';').append(d == Dialect.V9 ? " node-id " + h + ";" : "")
                    .append(" }\n");
        }
        if (hosts == 3) {
            s.append("  connection-mesh { hosts alpha beta gamma; }\n");
        }
        return s.append("}\n").toString();
    }

    static List<String> pick(Random rnd, int n) {
        List<String> l = new ArrayList<>(List.of(SECTIONS));
        Collections.shuffle(l, rnd);
        return l.subList(0, Math.min(n, l.size()));
    }

    static String options(OptionTable table, Dialect d, String sec, Random rnd, int n) {
        List<OptionDef> cand = new ArrayList<>();
        for (OptionDef o : table.all()) {
            boolean inSection = o.section().equals(sec) || sec.equals("disk") && o.section().equals("peer-device");
            if (inSection && o.in(d) && !SKIP.contains(o.name())) {
                cand.add(o);
            }
        }
        Collections.shuffle(cand, rnd);
        StringBuilder s = new StringBuilder();
        List<String> seen = new ArrayList<>();
        for (OptionDef o : cand.subList(0, Math.min(n, cand.size()))) {
            if (seen.contains(o.name())) {
                continue;
            }
            seen.add(o.name());
            s.append(o.name()).append(' ').append(value(o, rnd)).append("; ");
        }
        return s.toString();
    }

    static String value(OptionDef o, Random rnd) {
        switch (o.type()) {
            case BOOLEAN:
                return rnd.nextBoolean() ? "yes" : "no";
            case ENUM:
                return o.enumValues().get(rnd.nextInt(o.enumValues().size()));
            case ENUM_NUM:
                return rnd.nextBoolean() ? o.enumValues().get(rnd.nextInt(o.enumValues().size()))
                        : String.valueOf(1 + rnd.nextInt(2));
            case NUMERIC:
                long lo = o.min() == null ? 0 : o.min();
                long hi = o.max() == null || o.max() < lo ? lo + 1000 : Math.min(o.max(), lo + 1000);
                return String.valueOf(lo + (long) (rnd.nextDouble() * (hi - lo)));
            case HANDLER:
                return "\"/bin/echo " + o.name() + "\"";
            default:
                return new String[] {"sha1", "md5", "crc32c"}[rnd.nextInt(3)];
        }
    }
}
