package io.drbdctl.lab.v8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code lab/v8/replay.sh} left in a guest's results directory:
 * {@code SIDE/NAME.{pcap,cmdlog.txt,proc_drbd_after.txt,sbs-ref.events.txt,sbs-ours.events.txt,seconds}}
 * per side ("ref", "ours") and scenario, and {@code tools.txt} (which binaries each side ran).
 */
public record ReplayResults(Path dir, String kernel) {

    public Path file(String side, String scenario, String suffix) {
        return dir.resolve(side).resolve(scenario + suffix);
    }

    public String text(String side, String scenario, String suffix) {
        return read(file(side, scenario, suffix));
    }

    public boolean has(String side, String scenario) {
        return Files.exists(file(side, scenario, ".cmdlog.txt"));
    }

    /** The binaries a side ran, by tool name (drbdsetup, drbdadm, drbdmeta). */
    public Map<String, String> tools(String side) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : read(dir.resolve("tools.txt")).lines().toList()) {
            String[] f = line.split(" ", 3);
            if (f.length == 3 && f[0].equals(side)) {
                out.put(f[1], f[2]);
            }
        }
        return out;
    }

    /** Our binaries mapped to the reference's, for {@link Normalisation#toolPaths}. */
    public Map<String, String> oursToReference() {
        Map<String, String> ref = tools("ref");
        Map<String, String> out = new LinkedHashMap<>();
        tools("ours").forEach((tool, path) -> out.put(path, ref.getOrDefault(tool, path)));
        return out;
    }

    /** What the guest script reported as wrong (a scenario script's exit status, ...), or "". */
    public String problems() {
        return read(dir.resolve("problems.txt")).strip();
    }

    /** Wall time of a scenario run in seconds, or NaN. */
    public double seconds(String side, String scenario) {
        String s = text(side, scenario, ".seconds").strip();
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
