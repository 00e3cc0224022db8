package io.drbdctl.genl.v8;

import io.drbdctl.netlink.GenlMessage;
import io.drbdctl.netlink.NlMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads the drbd messages of a {@code *.decoded.txt} capture in shared/reference/v8-traces:
 * each block's "[pkt N ...] DIRECTION" line and its "raw:" hex dump (bytes in memory order).
 */
final class V8Traces {
    private V8Traces() {
    }

    /** One captured drbd message. */
    record Captured(String file, int pkt, String direction, byte[] bytes) {
        NlMessage message() {
            return NlMessage.split(bytes).get(0);
        }

        GenlMessage genl() {
            return GenlMessage.decode(message(), DrbdFamily.HDRSIZE);
        }

        boolean fromUser() {
            return direction.equals("REQUEST");
        }

        @Override
        public String toString() {
            return file + " pkt " + pkt + " " + direction;
        }
    }

    /** shared/reference/v8-traces beside the repository (or $DRBD_V8_TRACES). */
    static Optional<Path> dir() {
        String env = System.getenv("DRBD_V8_TRACES");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(Files::isDirectory);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolveSibling("shared").resolve("reference").resolve("v8-traces");
            if (Files.isDirectory(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    static List<Captured> read(Path file) throws IOException {
        List<Captured> out = new ArrayList<>();
        String name = file.getFileName().toString();
        int pkt = -1;
        String dir = null;
        boolean drbd = false;
        StringBuilder hex = null;
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (t.startsWith("[pkt ")) {
                pkt = Integer.parseInt(t.substring(5, t.indexOf(' ', 5)));
                dir = t.substring(t.indexOf(']') + 1).strip().split("\\s+")[0];
                drbd = false;
            } else if (t.startsWith("nlmsghdr:")) {
                drbd = t.contains("(drbd)");
            } else if (t.equals("raw:")) {
                hex = new StringBuilder();
            } else if (hex != null && t.matches("[0-9a-f]{4}: .*")) {
                hex.append(t.substring(6).replace(" ", ""));
            } else if (hex != null) {
                if (drbd) {
                    out.add(new Captured(name, pkt, dir, HexFormat.of().parseHex(hex)));
                }
                hex = null;
            }
        }
        if (hex != null && drbd) {
            out.add(new Captured(name, pkt, dir, HexFormat.of().parseHex(hex)));
        }
        return out;
    }

    static Captured find(List<Captured> all, int pkt) {
        return all.stream().filter(c -> c.pkt() == pkt).findFirst().orElseThrow();
    }
}
