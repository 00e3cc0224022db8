package io.drbdctl.adm.cmd;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** The addresses configured on this host's interfaces, read once per use. */
public final class IpCheck {
    private final Set<InetAddress> local;

    private IpCheck(Set<InetAddress> local) {
        this.local = local;
    }

    public static IpCheck read() {
        Set<InetAddress> s = new HashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                s.addAll(Collections.list(ni.getInetAddresses()));
            }
        } catch (Exception e) {
            // no interfaces readable: nothing is local
        }
        return new IpCheck(s);
    }

    public boolean has(String addr) {
        try {
            return local.contains(InetAddress.getByName(addr));
        } catch (Exception e) {
            return false;
        }
    }

    /** One-off check (reads the interfaces). */
    public static boolean haveIp(String addr) {
        return read().has(addr);
    }
}
