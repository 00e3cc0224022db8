package io.drbdctl.meta.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The "last known backing device" file {@code drbd-minor-<minor>.lkbd} in DRBD's lib directory,
 * written whenever internal metadata is written. It lets drbdmeta find internal metadata after
 * the device has grown.
 *
 * @param deviceBytes size of the device when metadata was last written
 * @param devicePath  path of the device as given on the command line
 */
public record LastKnownFile(long deviceBytes, String devicePath) {

    public static Path pathFor(Path libDir, int minor) {
        return libDir.resolve("drbd-minor-" + minor + ".lkbd");
    }

    public static Optional<LastKnownFile> read(Path libDir, int minor) {
        try {
            List<String> lines = Files.readAllLines(pathFor(libDir, minor), StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            String[] f = lines.get(0).split("\t", 2);
            return Optional.of(new LastKnownFile(Long.parseLong(f[0].trim()), f.length > 1 ? f[1] : ""));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Writes the file; failures are ignored like the reference does (it is only a hint). */
    public static void write(Path libDir, int minor, long deviceBytes, String devicePath, long deviceUuid) {
        StringBuilder sb = new StringBuilder();
        sb.append(deviceBytes).append('\t').append(devicePath).append('\n');
        if (deviceUuid != 0) {
            sb.append("uuid:\t").append(io.drbdctl.meta.format.Hex.u64(deviceUuid)).append('\n');
        }
        try {
            Files.createDirectories(libDir);
            Files.writeString(pathFor(libDir, minor), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // best effort
        }
    }

    public static void delete(Path libDir, int minor) {
        try {
            Files.deleteIfExists(pathFor(libDir, minor));
        } catch (IOException ignored) {
            // best effort
        }
    }
}
