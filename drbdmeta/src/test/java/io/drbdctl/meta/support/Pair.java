package io.drbdctl.meta.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two identical sparse devices, one driven by the reference drbdmeta and one by ours, and the
 * helpers to run the same command on both and compare the results.
 */
public final class Pair {
    public final Path ref;
    public final Path our;
    public final int minor;
    private final Ours ours;

    public Pair(Scratch s, Ours ours, long size, int minor) {
        this.ref = s.sparse("ref-" + minor + ".img", size);
        this.our = s.sparse("our-" + minor + ".img", size);
        this.minor = minor;
        this.ours = ours;
    }

    /** A pair over existing devices (e.g. loop devices). */
    public Pair(Path ref, Path our, int minor, Ours ours) {
        this.ref = ref;
        this.our = our;
        this.minor = minor;
        this.ours = ours;
    }

    /** Arguments with {@code DEV} replaced by the device path. */
    private static String[] args(Path dev, int minor, String spec, boolean force) {
        List<String> a = new ArrayList<>();
        if (force) {
            a.add("--force");
        }
        for (String w : spec.trim().split("\\s+")) {
            a.add(w.equals("DEV") ? dev.toString() : w.equals("MINOR") ? Integer.toString(minor) : w);
        }
        return a.toArray(String[]::new);
    }

    /** Runs the reference; a spec starting with "NOFORCE " is run without --force. */
    public RunResult ref(String spec) {
        boolean nf = spec.startsWith("NOFORCE ");
        return Reference.run(args(ref, minor, nf ? spec.substring(8) : spec, !nf)).normalized(ref.toString());
    }

    public RunResult our(String spec) {
        boolean nf = spec.startsWith("NOFORCE ");
        return ours.run(args(our, minor, nf ? spec.substring(8) : spec, !nf)).normalized(our.toString());
    }
}
