package io.drbdctl.adm.env;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import io.drbdctl.setup.family.Family;
import io.drbdctl.setup.family.FamilyRequest;
import java.util.List;

/**
 * What drbdadm learns from its surroundings, read once at start: the node name
 * ({@code __DRBD_NODE__} overrides the host name), the kernel module version
 * ({@code DRBD_DRIVER_VERSION_OVERRIDE}, else /proc/drbd) and {@code FAKE_DRBDSETUP_SHOW}.
 * {@code DRBDCTL_FAMILY} (drbdsetup's family override, {@link FamilyRequest}) decides the
 * dialect when set: {@code drbd} the 8.4 one, {@code drbd2} the 9 one. Without it the module
 * version decides, not the drbd2 registration, because the 9 plans do not run over drbd2 yet.
 *
 * @param driverVersion the module version, or "8.4" / "9" when DRBDCTL_FAMILY decided
 */
public record Environment(String hostname, boolean nodeOverridden, String driverVersion, String fakeShowFile) {

    public static Environment from(Map<String, String> env) {
        String node = env.get("__DRBD_NODE__");
        boolean overridden = node != null && !node.isEmpty();
        String host = overridden ? node : systemHostname();
        String ver = env.get("DRBD_DRIVER_VERSION_OVERRIDE");
        FamilyRequest fam = FamilyRequest.of(List.of(), env);
        if (fam.forced().isPresent()) {
            ver = fam.forced().get() == Family.LEGACY ? "8.4" : "9";
        } else if (ver == null || ver.isEmpty()) {
            ver = procDrbdVersion();
        }
        return new Environment(host, overridden, ver, env.get("FAKE_DRBDSETUP_SHOW"));
    }

    /** True when the kernel speaks the 8.4 API (a version 8.x module). */
    public boolean kernelIs84() {
        return driverVersion != null && driverVersion.startsWith("8.");
    }

    static String systemHostname() {
        try {
            Path p = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(p)) {
                return Files.readString(p, StandardCharsets.UTF_8).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    static String procDrbdVersion() {
        try {
            Path p = Path.of("/proc/drbd");
            if (!Files.isReadable(p)) {
                return null;
            }
            String first = Files.readAllLines(p, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            if (first.startsWith("version: ")) {
                String v = first.substring(9).trim();
                int sp = v.indexOf(' ');
                return sp < 0 ? v : v.substring(0, sp);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
