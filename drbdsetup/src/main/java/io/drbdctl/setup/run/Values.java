package io.drbdctl.setup.run;

import java.io.PrintStream;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Number and address parsing with drbdsetup 8.4's units, messages and exit codes. */
public final class Values {
    private Values() {
    }

    private static final BigInteger U64 = BigInteger.ONE.shiftLeft(64);

    /**
     * Parses a number with an optional unit suffix (K, M, G, s) relative to {@code defUnit}
     * ('1', 'k', 's'), rounding up when converting down; prints and exits like m_strtoll.
     */
    public static long strtoll(String s, char defUnit, PrintStream err) {
        int shift = switch (defUnit) {
            case '1', 0, 1 -> 0;
            case 'k', 'K' -> -10;
            case 's' -> -9;
            default -> {
                err.print("unexpected default unit: " + (int) defUnit + "\n");
                throw new SetupExit(100);
            }
        };
        if (s == null || s.isEmpty()) {
            err.print("missing number argument\n");
            throw new SetupExit(100);
        }
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digits) {
            err.print(s + " is not a valid number\n");
            throw new SetupExit(20);
        }
        BigInteger v = new BigInteger(s.substring(start, i));
        if (v.signum() < 0) {
            v = v.mod(U64);
        }
        long r = v.min(U64.subtract(BigInteger.ONE)).longValue();
        String rest = s.substring(i);
        if (rest.length() > 1) {
            err.print(s + " is not a valid number\n");
            throw new SetupExit(20);
        }
        if (rest.isEmpty()) {
            return r;
        }
        switch (rest.charAt(0)) {
            case 'K', 'k' -> shift += 10;
            case 'M', 'm' -> shift += 20;
            case 'G', 'g' -> shift += 30;
            case 's' -> shift += 9;
            default -> {
                err.print(s + " is not a valid number\n");
                throw new SetupExit(20);
            }
        }
        if (shift < 0) {
            int sh = -shift;
            return Long.divideUnsigned(r, 1L << sh) + (Long.remainderUnsigned(r, 1L << sh) != 0 ? 1 : 0);
        }
        if (shift > 0 && Long.compareUnsigned(r, -1L >>> shift) > 0) {
            err.print(s + ": out of range\n");
            throw new SetupExit(20);
        }
        return r << shift;
    }

    /**
     * Encodes an address argument ({@code [af:]addr[:port]}) as the kernel's sockaddr: 16 bytes
     * for IPv4, 28 for IPv6. Exits 20 when the name does not resolve.
     */
    public static byte[] sockaddr(String arg, PrintStream err) {
        int af = 2;
        String a = arg;
        if (a.startsWith("ipv4:")) {
            a = a.substring(5);
        } else if (a.startsWith("ipv6:")) {
            af = 10;
            a = a.substring(5);
        } else if (a.startsWith("sdp:")) {
            af = 27;
            a = a.substring(4);
        } else if (a.startsWith("ssocks:")) {
            af = 27;
            a = a.substring(7);
        }
        int port = 7788;
        if (af == 10 && a.startsWith("[")) {
            int b = a.lastIndexOf(']');
            if (b < 0 || b + 1 < a.length() && a.charAt(b + 1) != ':') {
                err.print("unexpected ipv6 format: " + a + "\n");
                throw new SetupExit(20);
            }
            if (b + 1 < a.length()) {
                port = (int) strtoll(a.substring(b + 2), '1', err);
            }
            a = a.substring(1, b);
        } else {
            int c = a.lastIndexOf(':');
            if (c >= 0) {
                if (af == 10) {
                    err.print("interpreting ipv6:" + a.substring(0, c) + ":" + a.substring(c + 1) + " as ipv6:["
                            + a.substring(0, c) + "]:" + a.substring(c + 1) + "\n");
                }
                port = (int) strtoll(a.substring(c + 1), '1', err);
                a = a.substring(0, c);
            }
        }
        if (af == 10) {
            ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
            b.putShort((short) 10);
            b.order(ByteOrder.BIG_ENDIAN).putShort((short) port);
            b.putInt(0);
            b.put(resolve(a, true, err));
            return b.array();
        }
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) af);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) port);
        b.put(resolve(a, false, err));
        return b.array();
    }

    private static byte[] resolve(String name, boolean v6, PrintStream err) {
        try {
            for (InetAddress ia : InetAddress.getAllByName(name)) {
                if (v6 ? ia instanceof Inet6Address : ia instanceof Inet4Address) {
                    return ia.getAddress();
                }
            }
        } catch (UnknownHostException e) {
            // reported below
        }
        if (v6) {
            err.print("getaddrinfo " + name + ": Name or service not known\n");
        } else {
            err.print("can not resolve the hostname: gethostbyname(" + name + "): Unknown host\n");
        }
        throw new SetupExit(20);
    }

    /** An IPv6 address in the compressed numeric form (RFC 5952, as getnameinfo prints it). */
    static String ipv6Text(byte[] a, int off) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[off + 2 * i] & 0xff) << 8) | (a[off + 2 * i + 1] & 0xff);
        }
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            return "::ffff:" + (a[off + 12] & 0xff) + "." + (a[off + 13] & 0xff) + "." + (a[off + 14] & 0xff)
                    + "." + (a[off + 15] & 0xff);
        }
        int best = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                best = i;
                bestLen = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == best) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }

    /** Formats a sockaddr as "show" prints it: {@code ipv4 127.0.0.1:7700}. */
    public static String formatSockaddr(byte[] a) {
        if (a.length < 2) {
            return "[unknown af=0, len=" + a.length + "]";
        }
        ByteBuffer b = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN);
        int af = b.getShort(0) & 0xffff;
        int port = ByteBuffer.wrap(a).order(ByteOrder.BIG_ENDIAN).getShort(2) & 0xffff;
        if ((af == 2 || af == 27) && a.length >= 8) {
            String name = af == 2 ? "ipv4" : "sdp";
            return name + " " + (a[4] & 0xff) + "." + (a[5] & 0xff) + "." + (a[6] & 0xff) + "." + (a[7] & 0xff)
                    + ":" + port;
        }
        if (af == 10 && a.length >= 24) {
            return "ipv6 [" + ipv6Text(a, 8) + "]:" + port;
        }
        return "[unknown af=" + af + ", len=" + a.length + "]";
    }
}
