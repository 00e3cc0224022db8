package io.drbdctl.lab.v8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a classic pcap file captured on an {@code nlmon} interface (link type 253,
 * LINKTYPE_NETLINK): each record is a 16-byte pseudo header (packet type, ARPHRD,
 * address length, address, netlink protocol; big-endian) and the netlink bytes.
 */
public final class Pcap {
    /** LINKTYPE_NETLINK. */
    public static final int LINKTYPE_NETLINK = 253;
    /** NETLINK_USERSOCK: the protocol of the scenario markers. */
    public static final int NETLINK_USERSOCK = 2;
    /** NETLINK_GENERIC: nlctrl and drbd. */
    public static final int NETLINK_GENERIC = 16;

    private static final int PSEUDO_HEADER = 16;

    private Pcap() {
    }

    /**
     * One captured skb.
     *
     * @param index    its number in the file, from 1
     * @param micros   capture time in microseconds
     * @param protocol the netlink protocol (NETLINK_GENERIC, ...)
     * @param data     the netlink bytes (one or more messages)
     */
    public record Packet(int index, long micros, int protocol, byte[] data) {
    }

    public static List<Packet> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        if (b.remaining() < 24) {
            throw new IOException(file + ": too short for a pcap file");
        }
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        boolean nanos;
        switch (magic) {
            case 0xa1b2c3d4 -> nanos = false;
            case 0xa1b23c4d -> nanos = true;
            default -> {
                b.order(ByteOrder.BIG_ENDIAN);
                magic = b.getInt(0);
                if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                    throw new IOException(file + ": not a pcap file (pcapng is not read)");
                }
                nanos = magic == 0xa1b23c4d;
            }
        }
        int linktype = b.getInt(20);
        if ((linktype & 0x0fffffff) != LINKTYPE_NETLINK) {
            throw new IOException(file + ": link type " + linktype + ", not " + LINKTYPE_NETLINK + " (nlmon)");
        }
        List<Packet> out = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            long sec = Integer.toUnsignedLong(b.getInt(pos));
            long frac = Integer.toUnsignedLong(b.getInt(pos + 4));
            int caplen = b.getInt(pos + 8);
            pos += 16;
            if (caplen < 0 || pos + caplen > b.limit()) {
                break; // a record cut short when the capture was stopped
            }
            if (caplen >= PSEUDO_HEADER) {
                int protocol = ((b.get(pos + 14) & 0xff) << 8) | (b.get(pos + 15) & 0xff);
                byte[] data = new byte[caplen - PSEUDO_HEADER];
                b.get(pos + PSEUDO_HEADER, data);
                out.add(new Packet(out.size() + 1, sec * 1_000_000 + (nanos ? frac / 1000 : frac), protocol, data));
            }
            pos += caplen;
        }
        return out;
    }
}
