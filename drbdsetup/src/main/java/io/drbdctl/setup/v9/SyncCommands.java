package io.drbdctl.setup.v9;

import static io.drbdctl.setup.v9.V9Option.bool;
import static io.drbdctl.setup.v9.V9Option.flag;
import static io.drbdctl.setup.v9.V9Option.number;
import static io.drbdctl.setup.v9.V9Option.string;

import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.Drbd2Op;
import io.drbdctl.genl.drbd2.PeerDevice;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The 9-dialect commands of a device's data and resync over drbd2, with drbd-utils 9.22's
 * arguments: invalidate, invalidate-remote, verify, pause-sync, resume-sync, resize, outdate,
 * new-current-uuid, get-gi and show-gi.
 */
final class SyncCommands {
    private SyncCommands() {
    }

    private static final List<String> PEER_DEVICE = List.of("resource", "peer_node_id", "volume");

    static final List<V9Command> ALL = List.of(
            new V9Command("invalidate", List.of("minor"), List.of(
                    number("sync-from-peer-node-id", "become the sync target of this peer (connected)"),
                    bool("reset-bitmap", "mark all data out of sync (no: only what is marked; needs a peer)")),
                    "Discard the local data: Inconsistent, full sync needed (from a peer once connected)."),
            new V9Command("invalidate-remote", PEER_DEVICE, List.of(
                    bool("reset-bitmap", "mark all data out of sync for the peer")),
                    "Make the peer's data the target of a full sync (needs a connected peer)."),
            new V9Command("verify", PEER_DEVICE, List.of(
                    string("start", "sector to start at (or with a unit: k, M, G, T)"),
                    string("stop", "sector to stop at (or with a unit: k, M, G, T)")),
                    "Start online verify with a peer (needs a connected peer)."),
            new V9Command("pause-sync", PEER_DEVICE, List.of(),
                    "Pause the resync with a peer (user pause)."),
            new V9Command("resume-sync", PEER_DEVICE, List.of(),
                    "Resume a resync paused with pause-sync."),
            new V9Command("resize", List.of("minor"), List.of(
                    string("size", "the size wanted in sectors (or with a unit: k, M, G, T); "
                            + "default: as large as possible"),
                    flag("assume-peer-has-space", "grow beyond the last agreed size without a peer")),
                    "Resize an attached device to its backing device (or to --size)."),
            new V9Command("outdate", List.of("minor"), List.of(),
                    "Mark the data of an attached device as outdated."),
            new V9Command("new-current-uuid", List.of("minor"), List.of(
                    flag("clear-bitmap", "clear the bitmap too (nothing to clear without a peer)")),
                    "Start a new data generation (a new current UUID)."),
            new V9Command("get-gi", PEER_DEVICE, List.of(),
                    "Print the generation identifiers of a peer device (one line)."),
            new V9Command("show-gi", PEER_DEVICE, List.of(),
                    "Print the generation identifiers of a peer device, explained."));

    static boolean handles(String name) {
        return ALL.stream().anyMatch(c -> c.name().equals(name));
    }

    /** Runs one of {@link #ALL}; kernel refusals propagate. */
    static int run(V9Call c, Drbd2Control k) {
        List<String> a = c.args();
        String name = c.cmd().name();
        switch (name) {
            case "invalidate" -> {
                Device.Builder b = Device.builder().minor(num(c, "minor", a.get(0)));
                Optional.ofNullable(c.opts().get("sync-from-peer-node-id"))
                        .ifPresent(v -> b.syncFromPeerNodeId(V9Call.number(v).orElseThrow()));
                Optional.ofNullable(c.opts().get("reset-bitmap")).ifPresent(v -> b.resetBitmap(yes(v)));
                k.call(Drbd2Op.DEVICE_INVALIDATE, b.build());
            }
            case "invalidate-remote" -> {
                PeerDevice.Builder b = peerDevice(c);
                Optional.ofNullable(c.opts().get("reset-bitmap")).ifPresent(v -> b.resetBitmap(yes(v)));
                k.call(Drbd2Op.PEER_DEVICE_INVALIDATE, b.build());
            }
            case "verify" -> {
                PeerDevice.Builder b = peerDevice(c);
                sectors(c, "start").ifPresent(b::startSector);
                sectors(c, "stop").ifPresent(b::stopSector);
                k.call(Drbd2Op.PEER_DEVICE_VERIFY, b.build());
            }
            case "pause-sync" -> k.call(Drbd2Op.PEER_DEVICE_PAUSE_SYNC, peerDevice(c).build());
            case "resume-sync" -> k.call(Drbd2Op.PEER_DEVICE_RESUME_SYNC, peerDevice(c).build());
            case "resize" -> {
                Device.Builder b = Device.builder().minor(num(c, "minor", a.get(0)));
                sectors(c, "size").ifPresent(b::size);
                if (c.flag("assume-peer-has-space")) {
                    b.force(true);
                }
                k.call(Drbd2Op.DEVICE_RESIZE, b.build());
            }
            case "outdate" -> k.call(Drbd2Op.DEVICE_OUTDATE, Device.builder().minor(num(c, "minor", a.get(0)))
                    .build());
            case "new-current-uuid" -> {
                Device.Builder b = Device.builder().minor(num(c, "minor", a.get(0)));
                if (c.flag("clear-bitmap")) {
                    b.clearBitmap(true);
                }
                k.call(Drbd2Op.DEVICE_NEW_CURRENT_UUID, b.build());
            }
            case "get-gi", "show-gi" -> {
                return gi(c, k);
            }
            default -> throw new IllegalStateException("not a sync command: " + name);
        }
        return 0;
    }

    private static long yes(String v) {
        return v.equals("yes") ? 1 : 0;
    }

    private static PeerDevice.Builder peerDevice(V9Call c) {
        List<String> a = c.args();
        return PeerDevice.builder().resource(a.get(0)).peerNodeId(num(c, "peer_node_id", a.get(1)))
                .volume(num(c, "volume", a.get(2)));
    }

    private static long num(V9Call c, String what, String text) {
        return c.argument(what, text);
    }

    /** A size option in sectors, if given; a bad one ends the command with exit 20. */
    private static OptionalLong sectors(V9Call c, String option) {
        String text = c.opts().get(option);
        if (text == null) {
            return OptionalLong.empty();
        }
        OptionalLong v = Sectors.parse(text);
        if (v.isEmpty()) {
            c.err().print(c.program() + " " + c.cmd().name() + ": --" + option + ": invalid size '" + text
                    + "' (sectors, or a number with k, M, G or T)\n");
            throw new V9Exit(20);
        }
        return v;
    }

    /**
     * get-gi / show-gi from what drbd2 reports: the device's current UUID and meta-data flags;
     * v08 meta data: bitmap UUID and two history UUIDs from history-uuid; v09: the first two
     * history UUIDs (drbd2 has no per-peer bitmap UUID yet: 0). Peer flags: outdated from
     * peer-outdated, full sync from v08's full-sync flag.
     */
    private static int gi(V9Call c, Drbd2Control k) {
        List<String> a = c.args();
        long peer = num(c, "peer_node_id", a.get(1));
        long volume = num(c, "volume", a.get(2));
        String res = a.get(0);
        Optional<PeerDevice> pd = k.peerDevices(res).stream()
                .filter(p -> p.peerNodeId().orElse(-1) == peer && p.volume().orElse(-1) == volume).findFirst();
        Optional<Device> dev = k.devices(res).stream().filter(d -> d.volume().orElse(-1) == volume).findFirst();
        if (pd.isEmpty() || dev.isEmpty()) {
            c.err().print(String.join(" ", a) + ": No such peer device\n");
            return 10;
        }
        Device d = dev.get();
        if (d.diskState().orElse(0) == 0) {
            c.err().print(pd.get().replState().orElse(0) == 0 ? "Device is unconfigured\n" : "Device has no disk\n");
            return 1;
        }
        List<Long> h = d.historyUuid();
        boolean v08 = d.mdVersion().orElse(9) == 8;
        int first = v08 ? 1 : 0;
        long bitmap = v08 && !h.isEmpty() ? h.get(0) : 0;
        long flags = d.mdFlags().orElse(0);
        long peerFlags = (d.peerOutdated().orElse(0) != 0 ? 1 << 1 : 0)
                | (v08 && (flags & 1 << 3) != 0 ? 1 << 3 : 0);
        GiText gi = new GiText(d.currentUuid().orElse(0), bitmap,
                List.of(at(h, first), at(h, first + 1)), flags, peerFlags);
        c.out().print(c.cmd().name().equals("get-gi") ? gi.line() + "\n" : gi.pretty());
        return 0;
    }

    private static long at(List<Long> h, int i) {
        return i < h.size() ? h.get(i) : 0;
    }
}
