package io.drbdctl.meta.dump;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.bitmap.SlotReader;
import io.drbdctl.meta.format.Flags;
import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.Hex;
import io.drbdctl.meta.format.Layout;
import io.drbdctl.meta.format.PeerSlot;
import io.drbdctl.meta.format.Superblock;
import io.drbdctl.meta.io.DeviceIo;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;

/** Writes the dump-md text format of drbdmeta 9.22. */
public final class DumpWriter {
    private DumpWriter() {
    }

    /**
     * Header identification of a dump.
     *
     * @param epochSecond   time of the dump
     * @param offsetSeconds the local time zone's offset from UTC at that time
     * @param hostname      host name
     * @param argv          command line, first element reduced to its basename by the caller
     */
    public record Header(long epochSecond, int offsetSeconds, String hostname, List<String> argv) {

        /** Now, in the default time zone (java.util.TimeZone: no time-zone provider lookup at start-up). */
        public static Header now(String hostname, List<String> argv) {
            long ms = System.currentTimeMillis();
            return new Header(Math.floorDiv(ms, 1000), TimeZone.getDefault().getOffset(ms) / 1000, hostname, argv);
        }

        /** {@code %Y-%m-%d %H:%M:%S %z}. */
        String localTime() {
            LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.ofTotalSeconds(offsetSeconds));
            int off = Math.abs(offsetSeconds) / 60;
            return t.getYear() + "-" + two(t.getMonthValue()) + "-" + two(t.getDayOfMonth()) + " " + two(t.getHour())
                    + ":" + two(t.getMinute()) + ":" + two(t.getSecond()) + " " + (offsetSeconds < 0 ? "-" : "+")
                    + two(off / 60) + two(off % 60);
        }

        private static String two(int v) {
            return v < 10 ? "0" + v : Integer.toString(v);
        }
    }

    /** Writes the complete dump. {@code extraOffsets} replaces the offset comment block if not null. */
    public static void write(PrintStream out, Header h, Superblock sb, Layout layout, DeviceIo dev,
                             boolean poisoned, String offsetBlock) throws MetaException {
        StringBuilder sb0 = new StringBuilder();
        sb0.append("# DRBD meta data dump\n");
        sb0.append("# ").append(h.localTime()).append(" [").append(h.epochSecond()).append("]\n");
        sb0.append("# ").append(h.hostname()).append("> ").append(String.join(" ", h.argv())).append("\n");
        sb0.append("#\n\n");
        sb0.append("version \"").append(sb.version().label()).append("\";\n\n");
        if (poisoned) {
            sb0.append("This_is_an_unclean_meta_data_dump._Don't_trust_the_bitmap.\n");
            sb0.append("# You should \"apply-al\" first, if you plan to restore this.\n\n");
        }
        boolean v09 = sb.version() == FormatVersion.V09;
        if (v09) {
            sb0.append("max-peers ").append(sb.maxPeers()).append(";\n");
        }
        sb0.append("# md_size_sect ").append(sb.mdSizeSect()).append("\n");
        if (offsetBlock != null) {
            sb0.append(offsetBlock);
        } else {
            sb0.append("# md_offset ").append(layout.mdOffset()).append("\n");
            sb0.append("# al_offset ").append(layout.alAbs()).append("\n");
            sb0.append("# bm_offset ").append(layout.bmAbs()).append("\n");
        }
        sb0.append("\n");
        if (v09) {
            appendV09Body(sb0, sb);
        } else {
            sb0.append("uuid {\n    ");
            sb0.append(hex16(sb.currentUuid())).append("; ").append(hex16(sb.peers().get(0).bitmapUuid()))
                    .append("; ").append(hex16(sb.history().get(0))).append("; ")
                    .append(hex16(sb.history().get(1))).append(";\n");
            // drbdmeta 9.22 prints an unused field here, which is always zero
            sb0.append("    flags 0x00000000;\n}\n");
        }
        sb0.append("# al-extents ").append(sb.alNrExtents()).append(";\n");
        sb0.append("la-size-sect ").append(sb.laSizeSect()).append(";\n");
        sb0.append("bm-byte-per-bit ").append(sb.bmBytesPerBit()).append(";\n");
        sb0.append("device-uuid ").append(hex16(sb.deviceUuid())).append(";\n");
        sb0.append("la-peer-max-bio-size ").append(sb.laPeerMaxBioSize()).append(";\n");
        sb0.append("al-stripes ").append(sb.alStripes()).append(";\n");
        sb0.append("al-stripe-size-4k ").append(sb.alStripeSize4k()).append(";\n");
        int peers = Math.max(1, sb.maxPeers());
        long bmBytes = Layout.bitmapBytes(sb.laSizeSect(), peers, sb.bmBytesPerBit());
        sb0.append("# bm-bytes ").append(bmBytes).append(";\n");
        out.print(sb0);
        long words = Math.min(bmBytes, layout.bitmapAreaBytes()) / 4;
        long bits = 0;
        BitmapText.StringBuilderSink sink = new PrintSink(out);
        for (int s = 0; s < (v09 ? peers : 1); s++) {
            out.print(v09 ? "bitmap[" + s + "] " : "bm ");
            SlotReader r = new SlotReader(dev, layout.bmAbs(), words, v09 ? peers : 1, s);
            bits = BitmapText.write(sink, r, v09 ? peers : 1).bitsSet();
        }
        out.print("# bits-set " + bits + ";\n");
        out.flush();
    }

    private static void appendV09Body(StringBuilder o, Superblock sb) {
        o.append("node-id ").append(sb.nodeId()).append(";\n");
        o.append("current-uuid ").append(hex16(sb.currentUuid())).append(";\n");
        o.append("flags ").append(hex8(sb.flags())).append(";\n");
        for (int i = 0; i < Superblock.MAX_NODES; i++) {
            PeerSlot p = sb.peers().get(i);
            o.append("peer[").append(i).append("] {\n");
            o.append("    bitmap-index ").append(p.bitmapIndex()).append(";\n");
            o.append("    bitmap-uuid ").append(hex16(p.bitmapUuid())).append(";\n");
            o.append("    bitmap-dagtag ").append(hex16(p.bitmapDagtag())).append(";\n");
            o.append("    flags ").append(hex8(p.flags())).append(";");
            if (p.flags() != 0) {
                o.append(" # ").append(Flags.peerFlagNames(p.flags()));
            }
            o.append("\n}\n");
        }
        o.append("history-uuids {");
        for (int i = 0; i < Superblock.MAX_NODES; i++) {
            o.append(i % 4 == 0 ? "\n        " : " ").append(hex16(sb.history().get(i))).append(";");
        }
        o.append("\n}\n");
    }

    public static String hex16(long v) {
        return "0x" + Hex.u64(v);
    }

    public static String hex8(int v) {
        return "0x" + Hex.u32(v);
    }

    private record PrintSink(PrintStream out) implements BitmapText.StringBuilderSink {
        @Override
        public BitmapText.StringBuilderSink append(String s) {
            out.print(s);
            return this;
        }
    }
}
