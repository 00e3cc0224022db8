package io.drbdctl.setup.v9;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Path addresses as drbdsetup 9.22 writes them ({@code [ipv4:]ADDR:PORT},
 * {@code ipv6:[ADDR]:PORT}) and as drbd2 carries them: a struct sockaddr_in (16 bytes) or
 * sockaddr_in6 (28 bytes), family in host byte order, port and address in network order.
 */
public final class Addresses {
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    private Addresses() {
    }

    /** The socket address of a command-line address; empty if it is not one. */
    public static Optional<byte[]> parse(String text) {
        String s = text;
        String af = null;
        int colon = s.indexOf(':');
        if (colon > 0 && (s.startsWith("ipv4:") || s.startsWith("ipv6:"))) {
            af = s.substring(0, colon);
            s = s.substring(colon + 1);
        }
        String host;
        String port;
        if (s.startsWith("[")) {
            int end = s.indexOf("]:");
            if (end < 0) {
                return Optional.empty();
            }
            host = s.substring(1, end);
            port = s.substring(end + 2);
        } else {
            int last = s.lastIndexOf(':');
            if (last <= 0) {
                return Optional.empty();
            }
            host = s.substring(0, last);
            port = s.substring(last + 1);
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (p < 0 || p > 65535 || !literal(host)) {
            return Optional.empty();
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        if (a instanceof Inet4Address && !"ipv6".equals(af)) {
            ByteBuffer b = ByteBuffer.allocate(16);
            b.order(ByteOrder.nativeOrder()).putShort((short) AF_INET);
            b.order(ByteOrder.BIG_ENDIAN).putShort((short) p).put(a.getAddress());
            return Optional.of(b.array());
        }
        if (a instanceof Inet6Address && !"ipv4".equals(af)) {
            ByteBuffer b = ByteBuffer.allocate(28);
            b.order(ByteOrder.nativeOrder()).putShort((short) AF_INET6);
            b.order(ByteOrder.BIG_ENDIAN).putShort((short) p).putInt(0).put(a.getAddress()).putInt(0);
            return Optional.of(b.array());
        }
        return Optional.empty();
    }

    /** Only numeric addresses: no name service look-ups. */
    private static boolean literal(String host) {
        return !host.isEmpty() && host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.'
                || c == ':' || c == '%');
    }

    /** A socket address as show prints it: {@code ipv4 192.0.2.1:7789}, {@code ipv6 [::1]:7789}. */
    public static String format(byte[] sa) {
        ByteBuffer b = ByteBuffer.wrap(sa);
        int family = b.order(ByteOrder.nativeOrder()).getShort(0) & 0xffff;
        int port = b.order(ByteOrder.BIG_ENDIAN).getShort(2) & 0xffff;
        try {
            if (family == AF_INET && sa.length >= 8) {
                byte[] a = new byte[4];
                System.arraycopy(sa, 4, a, 0, 4);
                return "ipv4 " + InetAddress.getByAddress(a).getHostAddress() + ":" + port;
            }
            if (family == AF_INET6 && sa.length >= 24) {
                byte[] a = new byte[16];
                System.arraycopy(sa, 8, a, 0, 16);
                String h = InetAddress.getByAddress(a).getHostAddress();
                return "ipv6 [" + compress(h) + "]:" + port;
            }
        } catch (UnknownHostException e) {
            // fall through
        }
        return "unknown-family-" + family;
    }

    /** Java writes 0:0:0:0:0:0:0:1; inet_ntop writes ::1. */
    static String compress(String h) {
        String[] parts = h.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < parts.length; i++) {
            int j = i;
            while (j < parts.length && parts[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen && j - i > 1) {
                bestStart = i;
                bestLen = j - i;
            }
        }
        if (bestStart < 0) {
            return h;
        }
        String left = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
        String right = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
        return left + "::" + right;
    }
}
