package io.drbdctl.meta.format;

/** Per-peer slot of a v09 superblock, indexed by the peer's node id. */
public record PeerSlot(long bitmapUuid, long bitmapDagtag, int flags, int bitmapIndex) {

    public static final PeerSlot EMPTY = new PeerSlot(0, 0, 0, -1);

    public PeerSlot withFlags(int f) {
        return new PeerSlot(bitmapUuid, bitmapDagtag, f, bitmapIndex);
    }

    public PeerSlot withBitmapUuid(long u) {
        return new PeerSlot(u, bitmapDagtag, flags, bitmapIndex);
    }
}
