package io.drbdctl.lab.v8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests of an nlmon capture, cut into segments by the scenario markers
 * ("CMD n: argv" ... "END n rc=X", "BG-START tag: ..."; NETLINK_USERSOCK, type 0x4d4b)
 * and rendered as canonical text: every generic-netlink message with NLM_F_REQUEST,
 * family named instead of numbered (ids are dynamic), sequence number and port id
 * left out, the genl header, for drbd the 8-byte user header, and every attribute
 * (drbd top-level attributes opened as the nested structs they are) with its raw
 * type (mandatory and nested bits included), length and payload bytes.
 * Requests outside any segment (unlogged polls, listeners of the harness) are only counted.
 */
public final class NlCapture {
    static final int MARK_TYPE = 0x4d4b;
    static final int GENL_ID_CTRL = 0x10;
    static final int NLM_F_REQUEST = 0x1;
    static final String OUTSIDE = "(outside any command)";

    private final Map<String, Segment> segments;
    private final int outsideRequests;

    private NlCapture(Map<String, Segment> segments, int outsideRequests) {
        this.segments = segments;
        this.outsideRequests = outsideRequests;
    }

    /**
     * The requests between two markers.
     *
     * @param key      "CMD 12" or "BG-START events": what aligns two captures
     * @param title    the marker text after the key (the command line)
     * @param requests one canonical text block per request
     */
    public record Segment(String key, String title, List<String> requests) {
    }

    public static NlCapture read(Path pcap) throws IOException {
        return of(Pcap.read(pcap));
    }

    public static NlCapture of(List<Pcap.Packet> packets) {
        Map<Integer, String> families = new HashMap<>();
        families.put(GENL_ID_CTRL, "nlctrl");
        for (Pcap.Packet p : packets) {
            if (p.protocol() == Pcap.NETLINK_GENERIC) {
                for (ByteBuffer m : messages(p.data())) {
                    learnFamily(m, families);
                }
            }
        }
        Map<String, Segment> segs = new LinkedHashMap<>();
        Segment current = null;
        int outside = 0;
        for (Pcap.Packet p : packets) {
            for (ByteBuffer m : messages(p.data())) {
                int type = Short.toUnsignedInt(m.getShort(4));
                int flags = Short.toUnsignedInt(m.getShort(6));
                if (p.protocol() == Pcap.NETLINK_USERSOCK && type == MARK_TYPE) {
                    current = segmentFor(markText(m), segs);
                } else if (p.protocol() == Pcap.NETLINK_GENERIC && (flags & NLM_F_REQUEST) != 0) {
                    if (current == null) {
                        outside++;
                    } else {
                        current.requests().add(render(m, families));
                    }
                }
            }
        }
        return new NlCapture(segs, outside);
    }

    public Map<String, Segment> segments() {
        return segments;
    }

    public int outsideRequests() {
        return outsideRequests;
    }

    public int requestCount() {
        return segments.values().stream().mapToInt(s -> s.requests().size()).sum();
    }

    private static Segment segmentFor(String text, Map<String, Segment> segs) {
        String key;
        String title;
        if (text.startsWith("CMD ") || text.startsWith("BG-START ")) {
            int colon = text.indexOf(':');
            key = colon < 0 ? text : text.substring(0, colon);
            title = colon < 0 ? "" : text.substring(colon + 1).strip();
        } else {
            return null; // END, NOTE, BG-STOP: between commands
        }
        Segment s = new Segment(key, title, new ArrayList<>());
        if (segs.containsKey(key)) {
            // a repeated key (a second background start): keep both
            int i = 2;
            while (segs.containsKey(key + " #" + i)) {
                i++;
            }
            s = new Segment(key + " #" + i, title, new ArrayList<>());
        }
        segs.put(s.key(), s);
        return s;
    }

    static List<ByteBuffer> messages(byte[] data) {
        List<ByteBuffer> out = new ArrayList<>();
        int pos = 0;
        while (pos + 16 <= data.length) {
            int len = ByteBuffer.wrap(data, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (len < 16 || pos + len > data.length) {
                break;
            }
            out.add(ByteBuffer.wrap(data, pos, len).slice().order(ByteOrder.LITTLE_ENDIAN));
            pos += (len + 3) & ~3;
        }
        return out;
    }

    private static String markText(ByteBuffer m) {
        int len = m.getInt(0);
        byte[] b = new byte[len - 16];
        m.get(16, b);
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    /** nlctrl NEWFAMILY replies (and requests naming an id) teach id -> name. */
    private static void learnFamily(ByteBuffer m, Map<Integer, String> families) {
        int len = m.getInt(0);
        if (Short.toUnsignedInt(m.getShort(4)) != GENL_ID_CTRL || len < 20 || (m.get(16) & 0xff) != 1) {
            return;
        }
        Integer id = null;
        String name = null;
        for (Attr a : Attr.list(m, 20, len)) {
            if (a.kind() == 1 && a.payload().length >= 2) {
                id = ByteBuffer.wrap(a.payload()).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
            } else if (a.kind() == 2) {
                name = a.string();
            }
        }
        if (id != null && name != null) {
            families.put(id, name);
        }
    }

    static String render(ByteBuffer m, Map<Integer, String> families) {
        int len = m.getInt(0);
        int type = Short.toUnsignedInt(m.getShort(4));
        int flags = Short.toUnsignedInt(m.getShort(6));
        String family = families.getOrDefault(type, "family#" + type);
        StringBuilder sb = new StringBuilder();
        sb.append(family).append(String.format(" flags=0x%04x", flags));
        if (len < 20) {
            return sb.append(" (no genl header) len=").append(len).toString();
        }
        sb.append(" cmd=").append(m.get(16) & 0xff).append(" version=").append(m.get(17) & 0xff);
        int reserved = Short.toUnsignedInt(m.getShort(18));
        if (reserved != 0) {
            sb.append(" reserved=").append(reserved);
        }
        int attrs = 20;
        boolean drbd = family.equals("drbd");
        if (drbd && len >= 28) {
            sb.append(" minor=").append(m.getInt(20)).append(String.format(" hdrflags=0x%x", m.getInt(24)));
            attrs = 28;
        }
        sb.append('\n');
        for (Attr a : Attr.list(m, attrs, len)) {
            sb.append("  ").append(a.header()).append(drbd ? "" : " " + a.value()).append('\n');
            if (drbd) {
                // every top-level drbd attribute is a struct of fields, nested bit or not
                ByteBuffer inner = ByteBuffer.wrap(a.payload()).order(ByteOrder.LITTLE_ENDIAN);
                List<Attr> fields = Attr.list(inner, 0, a.payload().length);
                if (Attr.covers(fields, a.payload().length)) {
                    for (Attr f : fields) {
                        sb.append("    ").append(f.header()).append(' ').append(f.value()).append('\n');
                    }
                } else {
                    sb.append("    (not attributes) ").append(a.value()).append('\n');
                }
            }
        }
        return sb.toString().stripTrailing();
    }
}
