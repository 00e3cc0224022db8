package io.drbdctl.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code *.cmdlog.txt}: every command line with its stdout, stderr and exit code. */
record CmdLog(List<Cmd> cmds) {

    record Cmd(int n, String line, List<String> stdout, List<String> stderr, int rc) {
        List<String> argv() {
            return List.of(line.strip().split("\\s+"));
        }
    }

    static CmdLog read(Path file) throws IOException {
        List<Cmd> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("=== [")) {
                continue;
            }
            int n = Integer.parseInt(l.substring(5, l.indexOf(']')));
            String cmd = l.substring(l.indexOf("$ ") + 2);
            int j = i + 1;
            while (!lines.get(j).equals("--- stdout")) {
                j++;
            }
            List<String> so = new ArrayList<>();
            for (j++; !lines.get(j).equals("--- stderr"); j++) {
                so.add(lines.get(j));
            }
            List<String> se = new ArrayList<>();
            for (j++; !lines.get(j).startsWith("--- rc="); j++) {
                se.add(lines.get(j));
            }
            out.add(new Cmd(n, cmd, so, se, Integer.parseInt(lines.get(j).substring(7))));
            i = j;
        }
        return new CmdLog(out);
    }
}
