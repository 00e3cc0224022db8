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
import java.util.Optional;

/**
 * What drbdadm learns from its surroundings, read once at start: the node name
 * ({@code __DRBD_NODE__} overrides the host name), the kernel module version
 * ({@code DRBD_DRIVER_VERSION_OVERRIDE}, else /proc/drbd), {@code FAKE_DRBDSETUP_SHOW}, and
 * the dialect of the plans with the family they run over. In this order:
 * <ol>
 * <li>{@code DRBDCTL_FAMILY} (drbdsetup's family override, {@link FamilyRequest}): {@code drbd}
 * the 8.4 dialect over the legacy family, {@code drbd2} the 9 one over drbd2;</li>
 * <li>{@code DRBD_DRIVER_VERSION_OVERRIDE}: 8.x the 8.4 dialect, anything else the 9 one;</li>
 * <li>with a module loaded (/proc/drbd), the kernel's registrations as drbdsetup's family
 * selector sees them ({@link KernelFamily}): drbd2 registered the 9 dialect, else the 8.4 one;</li>
 * <li>otherwise the module version (none: the 9 dialect).</li>
 * </ol>
 *
 * @param driverVersion the module version, or "8.4" / "9" when DRBDCTL_FAMILY decided
 * @param dialect84     the plans are drbd-utils' 8.4 ones, run over the legacy family
 * @param kernelChose   the kernel's registrations decided the dialect (rule 3)
 */
public record Environment(String hostname, boolean nodeOverridden, String driverVersion, String fakeShowFile,
        boolean dialect84, boolean kernelChose) {

    /** Asks the kernel which family drbdsetup would choose; empty: no DRBD family registered. */
    @FunctionalInterface
    public interface KernelFamily {
        Optional<Family> select();
    }

    /** Without asking the kernel: the dialect follows the overrides or the module version. */
    public static Environment from(Map<String, String> env) {
        return from(env, Optional::empty);
    }

    public static Environment from(Map<String, String> env, KernelFamily kernel) {
        return from(env, kernel, Files.exists(PROC_DRBD), procDrbdVersion());
    }

    /**
     * @param moduleLoaded /proc/drbd exists (without it the kernel is not asked)
     * @param procVersion  the version /proc/drbd gives, or null
     */
    static Environment from(Map<String, String> env, KernelFamily kernel, boolean moduleLoaded, String procVersion) {
        String node = env.get("__DRBD_NODE__");
        boolean overridden = node != null && !node.isEmpty();
        String host = overridden ? node : systemHostname();
        String ver = env.get("DRBD_DRIVER_VERSION_OVERRIDE");
        String fake = env.get("FAKE_DRBDSETUP_SHOW");
        FamilyRequest fam = FamilyRequest.of(List.of(), env);
        if (fam.forced().isPresent()) {
            ver = fam.forced().get() == Family.LEGACY ? "8.4" : "9";
            return new Environment(host, overridden, ver, fake, is84(ver), false);
        }
        if (ver != null && !ver.isEmpty()) {
            return new Environment(host, overridden, ver, fake, is84(ver), false);
        }
        ver = procVersion;
        if (moduleLoaded) {
            Optional<Family> f = kernel.select();
            if (f.isPresent()) {
                return new Environment(host, overridden, ver, fake, f.get() == Family.LEGACY, true);
            }
        }
        return new Environment(host, overridden, ver, fake, is84(ver), false);
    }

    private static boolean is84(String version) {
        return version != null && version.startsWith("8.");
    }

    /** The family the plans' drbdsetup steps run over. */
    public Family family() {
        return dialect84 ? Family.LEGACY : Family.DRBD2;
    }

    /** True when the plans are the 8.4 ones (over the legacy family). */
    public boolean kernelIs84() {
        return dialect84;
    }

    private static final Path PROC_DRBD = Path.of("/proc/drbd");

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
            Path p = PROC_DRBD;
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
