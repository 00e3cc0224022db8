package io.drbdctl.meta.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A md-samples hexdump: the header's region (absolute offset and length) and the bytes of that
 * region reconstructed from 'hexdump -C' output (including '*' repetitions).
 */
public record Hexdump(long deviceSize, long regionOffset, byte[] region) {
    private static final Pattern DEV = Pattern.compile("device size: (\\d+) bytes");
    private static final Pattern REGION = Pattern.compile("offset (\\d+), length (\\d+) bytes");

    public static String resource(String name) {
        try (InputStream in = Hexdump.class.getResourceAsStream("/md-samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Hexdump load(String name) {
        String text = resource(name);
        long dev = -1;
        long off = -1;
        long len = -1;
        for (String l : text.split("\n")) {
            if (l.startsWith("#")) {
                Matcher m = DEV.matcher(l);
                if (m.find()) {
                    dev = Long.parseLong(m.group(1));
                }
                m = REGION.matcher(l);
                if (m.find()) {
                    off = Long.parseLong(m.group(1));
                    len = Long.parseLong(m.group(2));
                }
            }
        }
        byte[] region = new byte[(int) len];
        byte[] prev = new byte[16];
        long prevAt = -1;
        boolean star = false;
        for (String l : text.split("\n")) {
            if (l.startsWith("#") || l.isBlank()) {
                continue;
            }
            if (l.trim().equals("*")) {
                star = true;
                continue;
            }
            String[] parts = l.split("\\s+");
            long at = Long.parseLong(parts[0], 16);
            if (star) {
                for (long p = prevAt + 16; p < at; p += 16) {
                    put(region, p - off, prev);
                }
                star = false;
            }
            byte[] row = new byte[16];
            int n = 0;
            for (int i = 1; i < parts.length && n < 16; i++) {
                if (parts[i].startsWith("|")) {
                    break;
                }
                row[n++] = (byte) Integer.parseInt(parts[i], 16);
            }
            if (n > 0) {
                put(region, at - off, row);
                prev = row;
                prevAt = at;
            }
        }
        return new Hexdump(dev, off, region);
    }

    private static void put(byte[] region, long pos, byte[] row) {
        if (pos >= 0 && pos + 16 <= region.length) {
            System.arraycopy(row, 0, region, (int) pos, 16);
        }
    }
}
