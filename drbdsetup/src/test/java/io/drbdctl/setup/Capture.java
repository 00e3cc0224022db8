package io.drbdctl.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code *.decoded.txt} capture of shared/reference/v8-traces: the marker lines and every
 * drbd / NLMSG_DONE message with its raw bytes, plus the family and group ids nlctrl reported.
 */
record Capture(List<Entry> entries, int familyId, int eventsGroup) {

    /** A marker ("CMD n: argv", "END n rc=x", "BG-START ...") or a message. */
    sealed interface Entry permits Mark, Msg {
    }

    record Mark(String text) implements Entry {
        Optional<Integer> cmd() {
            return number("CMD ");
        }

        Optional<Integer> end() {
            return number("END ");
        }

        private Optional<Integer> number(String prefix) {
            if (!text.startsWith(prefix)) {
                return Optional.empty();
            }
            String t = text.substring(prefix.length());
            int i = 0;
            while (i < t.length() && Character.isDigit(t.charAt(i))) {
                i++;
            }
            return Optional.of(Integer.parseInt(t.substring(0, i)));
        }
    }

    /**
     * A message; {@code bytes} is null for nlctrl messages (the capture has no raw dump of them).
     */
    record Msg(int pkt, String direction, boolean nlctrl, int pid, byte[] bytes) implements Entry {
        boolean request() {
            return direction.equals("REQUEST");
        }

        boolean multicast() {
            return direction.equals("MULTICAST");
        }
    }

    private static final Pattern HDR = Pattern.compile("nlmsghdr: len=\\d+ type=(\\d+) \\(([^)]*)\\).* pid=(\\d+)");

    static Capture read(Path file) throws IOException {
        List<Entry> out = new ArrayList<>();
        int family = -1;
        int group = -1;
        int pkt = -1;
        String dir = null;
        Integer pid = null;
        boolean nlctrl = false;
        StringBuilder hex = null;
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (hex != null && !t.matches("[0-9a-f]{4}: .*")) {
                out.add(new Msg(pkt, dir, false, pid, HexFormat.of().parseHex(hex)));
                hex = null;
            }
            if (t.startsWith("#### MARK ")) {
                out.add(new Mark(t.substring(10)));
            } else if (t.startsWith("[pkt ")) {
                pkt = Integer.parseInt(t.substring(5, t.indexOf(' ', 5)));
                dir = t.substring(t.indexOf(']') + 1).strip().split("\\s+")[0];
                pid = null;
            } else if (t.startsWith("nlmsghdr:")) {
                Matcher m = HDR.matcher(t);
                if (m.find()) {
                    pid = Integer.parseInt(m.group(3));
                    nlctrl = m.group(2).equals("nlctrl");
                    if (nlctrl) {
                        out.add(new Msg(pkt, dir, true, pid, null));
                    }
                }
            } else if (t.startsWith("1 CTRL_ATTR_FAMILY_ID = ") && family < 0) {
                family = Integer.parseInt(t.split("\\s+")[3]);
            } else if (t.startsWith("7 CTRL_ATTR_MCAST_GROUPS: events=") && group < 0) {
                group = Integer.parseInt(t.substring(t.indexOf('=') + 1).strip());
            } else if (t.equals("raw:") && !nlctrl) {
                hex = new StringBuilder();
            } else if (hex != null) {
                hex.append(t.substring(6).replace(" ", ""));
            }
        }
        if (hex != null) {
            out.add(new Msg(pkt, dir, false, pid, HexFormat.of().parseHex(hex)));
        }
        return new Capture(List.copyOf(out), family, group);
    }

    /** The messages between "CMD n" and "END n" (or the end of the capture). */
    List<Msg> block(int n) {
        List<Msg> out = new ArrayList<>();
        boolean in = false;
        for (Entry e : entries) {
            if (e instanceof Mark m) {
                if (m.cmd().filter(c -> c == n).isPresent()) {
                    in = true;
                } else if (m.end().filter(c -> c == n).isPresent()) {
                    break;
                }
            } else if (in) {
                out.add((Msg) e);
            }
        }
        return out;
    }
}
