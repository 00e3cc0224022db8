package io.drbdctl.meta.dump;

import io.drbdctl.meta.MetaException;
import io.drbdctl.meta.dump.Tokenizer.Kind;
import io.drbdctl.meta.dump.Tokenizer.Token;
import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.PeerSlot;
import io.drbdctl.meta.format.Superblock;

import java.io.PrintStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Parser for restore-md / verify-dump input. The header (everything before the bitmap) is parsed
 * into a {@link Superblock} whose offsets are left zero; the bitmap is streamed into a sink.
 */
public final class Parser {
    static final Set<String> KEYWORDS = Set.of("version", "max-peers", "uuid", "flags", "node-id",
            "current-uuid", "peer", "bitmap-index", "bitmap-uuid", "bitmap-dagtag", "history-uuids", "gc",
            "la-size-sect", "bm-byte-per-bit", "device-uuid", "la-peer-max-bio-size", "al-stripes",
            "al-stripe-size-4k", "bm", "bitmap", "times");

    /** Receives bitmap content: {@code count} repetitions of a 64-bit value for a slot. */
    public interface BitmapSink {
        void words(int slot, long count, long value) throws MetaException;

        default void slotDone(int slot) throws MetaException {
        }
    }

    private final Tokenizer tz;
    private Token cur;

    public Parser(Reader in, PrintStream err) throws MetaException {
        this.tz = new Tokenizer(in, err);
        this.cur = tz.next();
    }

    private MetaException error(String what) {
        return new MetaException(MetaException.EXIT_PARSE, "Parse error in line " + cur.line() + ": " + what);
    }

    private void advance() throws MetaException {
        cur = tz.next();
    }

    /** What the reference appends to "X expected" for the current token. */
    private String found() {
        return switch (cur.kind()) {
            case BAD -> "";
            case EOF -> ", but end of file encountered";
            case U32, U64, NUM -> ", not some number";
            default -> ", not '" + cur.text() + "'";
        };
    }

    private MetaException expected(String what) {
        return error(what + " expected" + found());
    }

    private void keyword(String k) throws MetaException {
        if (cur.kind() == Kind.WORD && cur.text().equals(k)) {
            advance();
            return;
        }
        throw expected("keyword '" + k + "'");
    }

    private void punct(String p) throws MetaException {
        if (cur.kind() == Kind.PUNCT && cur.text().equals(p)) {
            advance();
            return;
        }
        String name = switch (p) {
            case ";" -> "semicolon (;)";
            case "{" -> "opening brace ({)";
            case "}" -> "closing brace (})";
            case "[" -> "opening bracket ([)";
            default -> "closing bracket (])";
        };
        throw expected(name);
    }

    private long num() throws MetaException {
        if (cur.kind() != Kind.NUM) {
            throw expected("a number");
        }
        long v = cur.asLong();
        advance();
        return v;
    }

    private long u64() throws MetaException {
        if (cur.kind() != Kind.U64) {
            throw expected("a 16-digit hex number");
        }
        long v = cur.asLong();
        advance();
        return v;
    }

    private int u32() throws MetaException {
        if (cur.kind() != Kind.U32) {
            throw expected("a 8-digit hex number");
        }
        long v = cur.asLong();
        advance();
        return (int) v;
    }

    private long valueOf(String k) throws MetaException {
        keyword(k);
        long v = num();
        punct(";");
        return v;
    }

    private boolean versionDone;

    /** Parses the version statement and checks it against {@code expected}. */
    public void version(FormatVersion expected) throws MetaException {
        keyword("version");
        if (cur.kind() != Kind.STRING) {
            throw expected("a string");
        }
        String ver = cur.text();
        advance();
        punct(";");
        if (!ver.equals(expected.label())) {
            throw new MetaException(MetaException.EXIT_PARSE,
                    "dump is '" + ver + "' you requested '" + expected.label() + "'.");
        }
        versionDone = true;
    }

    /** Parses everything up to the bitmap (including the version if not yet done). */
    public Superblock header(FormatVersion expected) throws MetaException {
        if (!versionDone) {
            version(expected);
        }
        List<Long> hist = new ArrayList<>(Collections.nCopies(Superblock.MAX_NODES, 0L));
        List<PeerSlot> peers = new ArrayList<>(Collections.nCopies(Superblock.MAX_NODES, PeerSlot.EMPTY));
        int maxPeers = 1;
        int nodeId = -1;
        long current;
        int flags;
        if (expected == FormatVersion.V09) {
            maxPeers = (int) valueOf("max-peers");
            nodeId = (int) valueOf("node-id");
            keyword("current-uuid");
            current = u64();
            punct(";");
            keyword("flags");
            flags = u32();
            punct(";");
            boolean[] seen = new boolean[Superblock.MAX_NODES];
            for (int i = 0; i < Superblock.MAX_NODES; i++) {
                keyword("peer");
                punct("[");
                long slot = num();
                if (slot < 0 || slot >= Superblock.MAX_NODES) {
                    throw error("Slot " + slot + " out of range");
                }
                if (seen[(int) slot]) {
                    throw error("Peer slot " + slot + " defined multiple times");
                }
                seen[(int) slot] = true;
                punct("]");
                punct("{");
                int idx = (int) valueOf("bitmap-index");
                keyword("bitmap-uuid");
                long bu = u64();
                punct(";");
                keyword("bitmap-dagtag");
                long dt = u64();
                punct(";");
                keyword("flags");
                int pf = u32();
                punct(";");
                punct("}");
                peers.set((int) slot, new PeerSlot(bu, dt, pf, idx));
            }
            keyword("history-uuids");
            punct("{");
            for (int i = 0; i < Superblock.MAX_NODES; i++) {
                hist.set(i, u64());
                punct(";");
            }
            punct("}");
        } else {
            keyword("uuid");
            punct("{");
            current = u64();
            punct(";");
            peers.set(0, new PeerSlot(u64(), 0, 0, -1));
            punct(";");
            hist.set(0, u64());
            punct(";");
            hist.set(1, u64());
            punct(";");
            keyword("flags");
            flags = u32();
            punct(";");
            punct("}");
        }
        long la = valueOf("la-size-sect");
        long bpb = valueOf("bm-byte-per-bit");
        keyword("device-uuid");
        long devUuid = u64();
        punct(";");
        long pmbs = valueOf("la-peer-max-bio-size");
        long stripes = valueOf("al-stripes");
        long size4k = valueOf("al-stripe-size-4k");
        if (bpb < 4096 || Long.bitCount(bpb) != 1) {
            throw new MetaException(MetaException.EXIT_PARSE,
                    "Invalid value for bm-byte-per-bit: value must be a power-of-two multiple of 4096");
        }
        return new Superblock(expected, false, la, current, hist, devUuid, flags, 0, 0,
                Superblock.DEFAULT_AL_EXTENTS, 0, (int) bpb, (int) pmbs, maxPeers, nodeId, (int) stripes,
                (int) size4k, peers);
    }

    /** Parses the bitmap blocks (one per slot for v09, "bm" for v08) and the end of file. */
    public void bitmaps(FormatVersion v, int maxPeers, BitmapSink sink) throws MetaException {
        int slots = v == FormatVersion.V09 ? maxPeers : 1;
        for (int s = 0; s < slots; s++) {
            if (v == FormatVersion.V09) {
                keyword("bitmap");
                punct("[");
                long n = num();
                if (n != s) {
                    throw error("Expected peer slot " + s + " but found " + n);
                }
                punct("]");
            } else {
                keyword("bm");
            }
            punct("{");
            while (!(cur.kind() == Kind.PUNCT && cur.text().equals("}"))) {
                if (cur.kind() != Kind.NUM && cur.kind() != Kind.U64) {
                    throw expected("repeat count, 16-digit hex number, or closing brace (})");
                }
                long count = 1;
                if (cur.kind() == Kind.NUM) {
                    count = num();
                    keyword("times");
                }
                long val = u64();
                punct(";");
                sink.words(s, count, val);
            }
            advance();
            sink.slotDone(s);
        }
        if (cur.kind() != Kind.EOF) {
            throw error("end of file expected, not '" + cur.text() + "'");
        }
    }
}
