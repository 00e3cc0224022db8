package io.drbdctl.meta.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The minor's state read from {@code /proc/drbd} and sysfs, without running drbdsetup:
 * <ul>
 * <li>no {@code /proc/drbd}: no DRBD module, nothing configured (the reference's drbdsetup fails
 * to load the module and drbdmeta goes on);</li>
 * <li>DRBD 8.4 lists every configured minor as {@code " N: cs:<conn> ro:<roles> ds:<local>/<peer>"}
 * (or {@code " N: cs:Unconfigured"}): the local disk state decides, no line means no such minor;</li>
 * <li>DRBD 9 lists no minors there: {@code /sys/block/drbdN} tells whether the minor exists, and its
 * {@code slaves} directory whether a backing disk is attached (the driver links the backing device
 * as a holder while attached).</li>
 * </ul>
 * Both roots can be replaced, so tests run it on a fake tree.
 */
public final class ProcSysProbe implements KernelProbe {
    private final Path proc;
    private final Path sys;

    public ProcSysProbe(Path procRoot, Path sysRoot) {
        this.proc = procRoot;
        this.sys = sysRoot;
    }

    @Override
    public MinorState state(int minor) {
        List<String> lines;
        try {
            lines = Files.readAllLines(proc.resolve("drbd"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return MinorState.NOT_CONFIGURED;
        }
        boolean listsMinors = lines.stream().anyMatch(l -> l.startsWith("version: 8."));
        for (String l : lines) {
            String t = l.strip();
            int colon = t.indexOf(": cs:");
            if (colon <= 0 || !t.substring(0, colon).chars().allMatch(Character::isDigit)) {
                continue;
            }
            listsMinors = true;
            if (Integer.parseInt(t.substring(0, colon)) != minor) {
                continue;
            }
            if (t.startsWith("Unconfigured", colon + 5)) {
                return MinorState.NOT_CONFIGURED;
            }
            int ds = t.indexOf(" ds:");
            if (ds < 0) {
                return MinorState.NOT_CONFIGURED;
            }
            return t.startsWith("Diskless", ds + 4) ? MinorState.DISKLESS : MinorState.ATTACHED;
        }
        if (listsMinors) {
            return MinorState.NOT_CONFIGURED;
        }
        Path dev = sys.resolve("block").resolve("drbd" + minor);
        if (!Files.isDirectory(dev)) {
            return MinorState.NOT_CONFIGURED;
        }
        try (Stream<Path> s = Files.list(dev.resolve("slaves"))) {
            return s.findAny().isPresent() ? MinorState.ATTACHED : MinorState.DISKLESS;
        } catch (IOException e) {
            return MinorState.DISKLESS;
        }
    }
}
