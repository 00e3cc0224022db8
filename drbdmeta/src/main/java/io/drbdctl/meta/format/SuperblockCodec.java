package io.drbdctl.meta.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Encodes and decodes the 4 KiB big-endian v08/v09 superblocks and recognises v07. */
public final class SuperblockCodec {
    private SuperblockCodec() {
    }

    public static final int SIZE = 4096;
    private static final int PEERS_AT = 0x70;
    private static final int HISTORY_AT = 0x470;

    /** Which superblock format the block's magic indicates, if any (v07, v08 incl. 8.4-unclean, v09). */
    public static Optional<FormatVersion> detect(byte[] block) {
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.BIG_ENDIAN);
        int magic = b.getInt(0x3C);
        if (magic == FormatVersion.V08.magic() || magic == FormatVersion.MAGIC_84_UNCLEAN) {
            return Optional.of(FormatVersion.V08);
        }
        if (magic == FormatVersion.V09.magic()) {
            return Optional.of(FormatVersion.V09);
        }
        if (b.getInt(0x1C) == FormatVersion.V07.magic()) {
            return Optional.of(FormatVersion.V07);
        }
        return Optional.empty();
    }

    /** Decodes a v08 or v09 superblock; empty if the magic does not match {@code v}. */
    public static Optional<Superblock> decode(byte[] block, FormatVersion v) {
        if (detect(block).orElse(null) != v) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.BIG_ENDIAN);
        return Optional.of(v == FormatVersion.V09 ? decodeV09(b) : decodeV08(b));
    }

    private static Superblock decodeV08(ByteBuffer b) {
        List<Long> hist = new ArrayList<>(Collections.nCopies(Superblock.MAX_NODES, 0L));
        hist.set(0, b.getLong(0x18));
        hist.set(1, b.getLong(0x20));
        List<PeerSlot> peers = new ArrayList<>(Collections.nCopies(Superblock.MAX_NODES, PeerSlot.EMPTY));
        peers.set(0, new PeerSlot(b.getLong(0x10), 0, 0, -1));
        return new Superblock(FormatVersion.V08, b.getInt(0x3C) == FormatVersion.MAGIC_84_UNCLEAN,
                b.getLong(0x00), b.getLong(0x08), hist, b.getLong(0x28), b.getInt(0x38),
                Integer.toUnsignedLong(b.getInt(0x40)), b.getInt(0x44), b.getInt(0x48), b.getInt(0x4C),
                b.getInt(0x50), b.getInt(0x54), 1, -1, b.getInt(0x58), b.getInt(0x5C), peers);
    }

    private static Superblock decodeV09(ByteBuffer b) {
        List<PeerSlot> peers = new ArrayList<>();
        List<Long> hist = new ArrayList<>();
        for (int i = 0; i < Superblock.MAX_NODES; i++) {
            int p = PEERS_AT + 32 * i;
            peers.add(new PeerSlot(b.getLong(p), b.getLong(p + 8), b.getInt(p + 16), b.getInt(p + 20)));
            hist.add(b.getLong(HISTORY_AT + 8 * i));
        }
        return new Superblock(FormatVersion.V09, false, b.getLong(0x00), b.getLong(0x08), hist,
                b.getLong(0x30), b.getInt(0x38), Integer.toUnsignedLong(b.getInt(0x40)), b.getInt(0x44),
                b.getInt(0x48), b.getInt(0x4C), b.getInt(0x50), b.getInt(0x54), b.getInt(0x58),
                b.getInt(0x5C), b.getInt(0x60), b.getInt(0x64), peers);
    }

    /** Encodes a superblock into a fresh zero-padded 4 KiB block. */
    public static byte[] encode(Superblock s) {
        byte[] out = new byte[SIZE];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.BIG_ENDIAN);
        b.putLong(0x00, s.laSizeSect());
        b.putLong(0x08, s.currentUuid());
        b.putInt(0x38, s.flags());
        b.putInt(0x40, (int) s.mdSizeSect());
        b.putInt(0x44, s.alOffset());
        b.putInt(0x48, s.alNrExtents());
        b.putInt(0x4C, s.bmOffset());
        b.putInt(0x50, s.bmBytesPerBit());
        b.putInt(0x54, s.laPeerMaxBioSize());
        if (s.version() == FormatVersion.V09) {
            b.putLong(0x30, s.deviceUuid());
            b.putInt(0x3C, FormatVersion.V09.magic());
            b.putInt(0x58, s.maxPeers());
            b.putInt(0x5C, s.nodeId());
            b.putInt(0x60, s.alStripes());
            b.putInt(0x64, s.alStripeSize4k());
            for (int i = 0; i < Superblock.MAX_NODES; i++) {
                PeerSlot p = s.peers().get(i);
                int at = PEERS_AT + 32 * i;
                b.putLong(at, p.bitmapUuid());
                b.putLong(at + 8, p.bitmapDagtag());
                b.putInt(at + 16, p.flags());
                b.putInt(at + 20, p.bitmapIndex());
                b.putLong(HISTORY_AT + 8 * i, s.history().get(i));
            }
        } else if (s.version() == FormatVersion.V08) {
            b.putLong(0x10, s.peers().get(0).bitmapUuid());
            b.putLong(0x18, s.history().get(0));
            b.putLong(0x20, s.history().get(1));
            b.putLong(0x28, s.deviceUuid());
            b.putInt(0x3C, s.unclean84() ? FormatVersion.MAGIC_84_UNCLEAN : FormatVersion.V08.magic());
            b.putInt(0x58, s.alStripes());
            b.putInt(0x5C, s.alStripeSize4k());
        } else {
            throw new IllegalArgumentException("cannot encode " + s.version().label());
        }
        return out;
    }
}
