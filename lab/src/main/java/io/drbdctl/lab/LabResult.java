package io.drbdctl.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a lab run left behind.
 *
 * @param exitCodes  per guest (in the order given), the script's exit status, or
 *                   {@code null} when the guest wrote none (it died or timed out)
 * @param consoleLogs per guest, its serial console log
 * @param resultDir  the run directory: {@code node1/}, {@code node2/} with
 *                   {@code results/} (the guest's {@code $LAB_RESULTS}), {@code script.log},
 *                   {@code dmesg.txt}; and {@code shared/}
 * @param cliExitCode the exit status of {@code lab run}
 * @param cliOutput   what {@code lab run} printed
 */
public record LabResult(List<Integer> exitCodes, List<Path> consoleLogs, Path resultDir,
        int cliExitCode, String cliOutput) {

    public LabResult {
        exitCodes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(exitCodes));
        consoleLogs = List.copyOf(consoleLogs);
    }

    /** True when every guest's script exited 0. */
    public boolean success() {
        return cliExitCode == 0 && exitCodes.stream().allMatch(c -> c != null && c == 0);
    }

    /** The directory the guest's script wrote as {@code $LAB_RESULTS} (guest index from 0). */
    public Path results(int guest) {
        return resultDir.resolve(node(guest)).resolve("results");
    }

    /** A result file of a guest, as text. */
    public String result(int guest, String name) {
        return read(results(guest).resolve(name));
    }

    /** The serial console log of a guest, as text. */
    public String console(int guest) {
        return read(consoleLogs.get(guest));
    }

    /** Throws an AssertionError with the lab's output and the consoles' ends unless all passed. */
    public LabResult assertSuccess() {
        if (success()) {
            return this;
        }
        StringBuilder sb = new StringBuilder("lab run failed: exit codes " + exitCodes
                + ", lab exit " + cliExitCode + ", run dir " + resultDir + "\n" + cliOutput);
        for (int i = 0; i < consoleLogs.size(); i++) {
            sb.append("\n--- console of ").append(node(i)).append(" (end) ---\n")
                    .append(tail(console(i), 60));
        }
        throw new AssertionError(sb.toString());
    }

    static String node(int guest) {
        return "node" + (guest + 1);
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n", -1);
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
    }
}
