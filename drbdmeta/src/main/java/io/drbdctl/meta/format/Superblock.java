package io.drbdctl.meta.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * In-memory view of a v08 or v09 superblock. For v08 the bitmap UUID lives in
 * {@code peers[0].bitmapUuid} and only the first two history UUIDs are used.
 *
 * @param version        format of the superblock
 * @param unclean84      v08 superblock carried the "8.4 unclean" magic
 * @param history        32 history UUIDs (v08 uses entries 0 and 1)
 * @param peers          32 peer slots (v08 uses slot 0 for the bitmap UUID only)
 */
public record Superblock(FormatVersion version, boolean unclean84, long laSizeSect, long currentUuid,
                         List<Long> history, long deviceUuid, int flags, long mdSizeSect, int alOffset,
                         int alNrExtents, int bmOffset, int bmBytesPerBit, int laPeerMaxBioSize,
                         int maxPeers, int nodeId, int alStripes, int alStripeSize4k,
                         List<PeerSlot> peers) {

    public static final int MAX_NODES = 32;
    public static final long UUID_JUST_CREATED = 4;
    public static final int DEFAULT_AL_EXTENTS = 257;

    public Superblock {
        history = List.copyOf(history);
        peers = List.copyOf(peers);
        if (history.size() != MAX_NODES || peers.size() != MAX_NODES) {
            throw new IllegalArgumentException("need 32 history UUIDs and 32 peer slots");
        }
    }

    /** A freshly created superblock as create-md writes it. */
    public static Superblock fresh(FormatVersion v, Layout l, int peerMaxBio) {
        return new Superblock(v, false, 0, UUID_JUST_CREATED, Collections.nCopies(MAX_NODES, 0L), 0,
                Flags.AL_CLEAN, l.mdSizeSect(), l.alOffset(), DEFAULT_AL_EXTENTS, l.bmOffset(),
                l.bytesPerBit(), peerMaxBio, l.maxPeers(), -1, l.alStripes(), l.alStripeSize4k(),
                Collections.nCopies(MAX_NODES, PeerSlot.EMPTY));
    }

    /** Layout as recorded in this superblock, anchored at {@code mdOffset}. */
    public Layout layout(long mdOffset) {
        return new Layout(mdOffset, mdSizeSect, alOffset, bmOffset, effAlStripes(), effAlStripeSize4k(),
                Math.max(1, maxPeers), bmBytesPerBit);
    }

    /** AL stripes; both 0 means the pre-8.4 default of 1 x 32 KiB. */
    public int effAlStripes() {
        return alStripes == 0 && alStripeSize4k == 0 ? 1 : alStripes;
    }

    public int effAlStripeSize4k() {
        return alStripes == 0 && alStripeSize4k == 0 ? 8 : alStripeSize4k;
    }

    public boolean clean() {
        return !unclean84 && (flags & Flags.AL_CLEAN) != 0;
    }

    public Superblock withFlags(int f) {
        return toBuilder().flags(f).build();
    }

    public Superblock withPeer(int node, PeerSlot p) {
        List<PeerSlot> l = new ArrayList<>(peers);
        l.set(node, p);
        return toBuilder().peers(l).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable helper to derive modified superblocks. */
    public static final class Builder {
        private FormatVersion version;
        private boolean unclean84;
        private long laSizeSect;
        private long currentUuid;
        private List<Long> history;
        private long deviceUuid;
        private int flags;
        private long mdSizeSect;
        private int alOffset;
        private int alNrExtents;
        private int bmOffset;
        private int bmBytesPerBit;
        private int laPeerMaxBioSize;
        private int maxPeers;
        private int nodeId;
        private int alStripes;
        private int alStripeSize4k;
        private List<PeerSlot> peers;

        Builder(Superblock s) {
            version = s.version;
            unclean84 = s.unclean84;
            laSizeSect = s.laSizeSect;
            currentUuid = s.currentUuid;
            history = new ArrayList<>(s.history);
            deviceUuid = s.deviceUuid;
            flags = s.flags;
            mdSizeSect = s.mdSizeSect;
            alOffset = s.alOffset;
            alNrExtents = s.alNrExtents;
            bmOffset = s.bmOffset;
            bmBytesPerBit = s.bmBytesPerBit;
            laPeerMaxBioSize = s.laPeerMaxBioSize;
            maxPeers = s.maxPeers;
            nodeId = s.nodeId;
            alStripes = s.alStripes;
            alStripeSize4k = s.alStripeSize4k;
            peers = new ArrayList<>(s.peers);
        }

        public Builder version(FormatVersion v) { version = v; return this; }
        public Builder unclean84(boolean b) { unclean84 = b; return this; }
        public Builder laSizeSect(long v) { laSizeSect = v; return this; }
        public Builder currentUuid(long v) { currentUuid = v; return this; }
        public Builder history(List<Long> v) { history = new ArrayList<>(v); return this; }
        public Builder history(int i, long v) { history.set(i, v); return this; }
        public Builder deviceUuid(long v) { deviceUuid = v; return this; }
        public Builder flags(int v) { flags = v; return this; }
        public Builder alNrExtents(int v) { alNrExtents = v; return this; }
        public Builder bmBytesPerBit(int v) { bmBytesPerBit = v; return this; }
        public Builder laPeerMaxBioSize(int v) { laPeerMaxBioSize = v; return this; }
        public Builder maxPeers(int v) { maxPeers = v; return this; }
        public Builder nodeId(int v) { nodeId = v; return this; }
        public Builder peers(List<PeerSlot> v) { peers = new ArrayList<>(v); return this; }
        public Builder peer(int i, PeerSlot p) { peers.set(i, p); return this; }

        /** Takes offsets, sizes and striping from a layout. */
        public Builder layout(Layout l) {
            mdSizeSect = l.mdSizeSect();
            alOffset = l.alOffset();
            bmOffset = l.bmOffset();
            alStripes = l.alStripes();
            alStripeSize4k = l.alStripeSize4k();
            maxPeers = l.maxPeers();
            bmBytesPerBit = l.bytesPerBit();
            return this;
        }

        public Builder striping(int stripes, int size4k) {
            alStripes = stripes;
            alStripeSize4k = size4k;
            return this;
        }

        public Superblock build() {
            return new Superblock(version, unclean84, laSizeSect, currentUuid, history, deviceUuid, flags,
                    mdSizeSect, alOffset, alNrExtents, bmOffset, bmBytesPerBit, laPeerMaxBioSize, maxPeers,
                    nodeId, alStripes, alStripeSize4k, peers);
        }
    }
}
