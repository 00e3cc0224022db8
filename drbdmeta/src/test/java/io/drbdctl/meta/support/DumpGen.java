package io.drbdctl.meta.support;

import java.util.Random;

/** Builds restore-md input from a dump-md of fresh metadata, with synthetic state and bitmap. */
public final class DumpGen {
    private DumpGen() {
    }

    /**
     * @param freshDump dump-md output of freshly created metadata
     * @param laSizeSect value for la-size-sect
     * @param fill      fraction (percent) of each slot's capacity to fill with values; a negative
     *                  value picks 100, 50 or 10 percent at random per slot
     */
    public static String generate(String freshDump, long laSizeSect, int fill, long seed) {
        Random r = new Random(seed);
        String head = freshDump.substring(0, freshDump.indexOf("# bm-bytes"));
        head = head.replaceFirst("la-size-sect \\d+;", "la-size-sect " + laSizeSect + ";")
                .replaceFirst("current-uuid 0x[0-9A-F]{16};", "current-uuid 0x1234567890ABCDE0;")
                .replaceFirst("device-uuid 0x[0-9A-F]{16};", "device-uuid 0xDEADBEEF01234567;")
                .replaceFirst("\nflags 0x000000(80|93);", "\nflags 0x00000091;")
                .replaceFirst("node-id -1;", "node-id 0;");
        if (head.contains("peer[1] {\n    bitmap-index -1;\n    bitmap-uuid 0x0000000000000000;")) {
            head = head.replace("peer[1] {\n    bitmap-index -1;\n    bitmap-uuid 0x0000000000000000;\n"
                    + "    bitmap-dagtag 0x0000000000000000;\n    flags 0x00000000;",
                    "peer[1] {\n    bitmap-index 0;\n    bitmap-uuid 0x2222222222222220;\n"
                    + "    bitmap-dagtag 0x0000000000000010;\n    flags 0x00010011;");
        }
        head = head.replace("    0x0000000000000004; 0x0000000000000000; 0x0000000000000000; 0x0000000000000000;",
                "    0x1234567890ABCDE0; 0x3333333333333330; 0x4444444444444440; 0x0000000000000000;");
        head = head.replaceFirst("history-uuids \\{\n        0x0000000000000000;",
                "history-uuids {\n        0x1111111111111110;");
        StringBuilder sb = new StringBuilder(head);
        int slots = 1;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("max-peers (\\d+);").matcher(head);
        boolean v09 = m.find();
        if (v09) {
            slots = Integer.parseInt(m.group(1));
        }
        long bmBytes = io.drbdctl.meta.format.Layout.bitmapBytes(laSizeSect, slots, 4096);
        for (int s = 0; s < slots; s++) {
            sb.append(v09 ? "bitmap[" + s + "] {\n" : "bm {\n");
            long words32 = (bmBytes / 4 - s + slots - 1) / slots;
            int f = fill >= 0 ? fill : new int[] {100, 100, 50, 10}[r.nextInt(4)];
            long left = words32 / 2 * f / 100;
            while (left > 0) {
                int kind = r.nextInt(6);
                long n = Math.min(left, 1 + r.nextInt(kind < 2 ? 40 : 6));
                switch (kind) {
                    case 0 -> sb.append(" ").append(n).append(" times 0x0000000000000000;");
                    case 1 -> sb.append(" ").append(n).append(" times 0xFFFFFFFFFFFFFFFF;");
                    case 2 -> sb.append(" ").append(n).append(" times 0x00000000FFFFFFFF;");
                    default -> {
                        for (long i = 0; i < n; i++) {
                            sb.append(String.format(" 0x%016X;", r.nextLong() & (r.nextBoolean() ? -1L : 0xF0F0L)));
                        }
                    }
                }
                left -= n;
                sb.append('\n');
            }
            sb.append("}\n");
        }
        return sb.toString();
    }
}
