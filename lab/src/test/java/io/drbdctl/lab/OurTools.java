package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which binaries are "ours" in the v8 acceptance tests (issue 5), selected by the system
 * property {@code drbd.ours} or the environment variable {@code DRBD_OURS}:
 * <ul>
 * <li>{@code project} (default): the project's launchers in {@code dist/target/drbdctl/bin}
 *     (drbdsetup and drbdadm; drbdmeta stays Debian's unless overridden);</li>
 * <li>{@code reference}: Debian's 8.4 tools on both sides; the tests then validate the
 *     harness (the reference against itself and against the goldens);</li>
 * <li>a directory: its {@code drbdsetup}, {@code drbdadm} (and Debian's drbdmeta).</li>
 * </ul>
 * Each tool can be overridden alone: {@code drbd.ours.drbdsetup} / {@code DRBD_OURS_DRBDSETUP},
 * {@code drbd.ours.drbdadm} / {@code DRBD_OURS_DRBDADM}, {@code drbd.ours.drbdmeta} /
 * {@code DRBD_OURS_DRBDMETA} (a path, {@code reference} or {@code project}).
 */
record OurTools(String selection, String drbdsetup, String drbdadm, String drbdmeta) {
    static final String REF_DRBDSETUP = "/lib/drbd/drbdsetup-84";
    static final String REF_DRBDADM = "/lib/drbd/drbdadm-84";
    static final String REF_DRBDMETA = "drbdmeta";

    static OurTools select(Path repo) {
        return select(repo, "project");
    }

    /** The selection, with another default than {@code project} when nothing is set. */
    static OurTools select(Path repo, String defaultSelection) {
        String sel = setting("drbd.ours", "DRBD_OURS", defaultSelection);
        String setup;
        String adm;
        if (sel.equals("reference")) {
            setup = REF_DRBDSETUP;
            adm = REF_DRBDADM;
        } else {
            Path bin = sel.equals("project") ? repo.resolve("dist/target/drbdctl/bin") : Path.of(sel);
            setup = bin.resolve("drbdsetup").toAbsolutePath().toString();
            adm = bin.resolve("drbdadm").toAbsolutePath().toString();
        }
        Path projectBin = repo.resolve("dist/target/drbdctl/bin");
        String s = override("drbdsetup", setup, REF_DRBDSETUP, projectBin);
        String a = override("drbdadm", adm, REF_DRBDADM, projectBin);
        String m = override("drbdmeta", REF_DRBDMETA, REF_DRBDMETA, projectBin);
        boolean overridden = !s.equals(setup) || !a.equals(adm) || !m.equals(REF_DRBDMETA);
        return new OurTools(overridden ? sel + " (with overrides)" : sel, s, a, m);
    }

    /**
     * The same, but drbdadm stays Debian's unless {@code drbd.ours.drbdadm} names one: the
     * replayed scenarios are drbdsetup's acceptance; drbdadm-84's own texts (its version
     * banner) and 8.4 {@code adjust} are not ours to match there.
     */
    OurTools withReferenceDrbdadmByDefault() {
        String a = setting("drbd.ours.drbdadm", "DRBD_OURS_DRBDADM", "reference");
        String adm = a.equals("reference") ? REF_DRBDADM : drbdadm;
        return new OurTools(adm.equals(drbdadm) ? selection : selection + " (drbdadm: " + adm + ")", drbdsetup,
                adm, drbdmeta);
    }

    boolean drbdsetupIsReference() {
        return drbdsetup.equals(REF_DRBDSETUP);
    }

    boolean drbdadmIsReference() {
        return drbdadm.equals(REF_DRBDADM);
    }

    /** Fails (with how to build them) when a selected binary of ours does not exist. */
    OurTools requireBuilt() {
        for (String p : new String[] {drbdsetup, drbdadm, drbdmeta}) {
            if (p.startsWith("/") && !Files.isExecutable(Path.of(p))) {
                fail("our tool " + p + " (drbd.ours=" + selection + ") is missing; build it with"
                        + " mvn -o -q -pl dist -am package -DskipTests");
            }
        }
        return this;
    }

    String describe() {
        return "drbd.ours=" + selection + ": drbdsetup " + drbdsetup + ", drbdadm " + drbdadm + ", drbdmeta " + drbdmeta;
    }

    /** A single tool's setting: a path, {@code reference} or {@code project}. */
    private static String override(String tool, String chosen, String reference, Path projectBin) {
        String v = setting("drbd.ours." + tool, "DRBD_OURS_" + tool.toUpperCase(java.util.Locale.ROOT), chosen);
        return v.equals("reference") ? reference
                : v.equals("project") ? projectBin.resolve(tool).toAbsolutePath().toString() : v;
    }

    static String setting(String property, String env, String def) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? def : v.strip();
    }
}
