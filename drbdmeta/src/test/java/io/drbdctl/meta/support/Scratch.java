package io.drbdctl.meta.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/** Sparse scratch files in a directory under target/, removed by {@link #close()}. */
public final class Scratch implements AutoCloseable {
    private final Path dir;

    public Scratch(String name) {
        try {
            Path base = Path.of("target", "test-scratch").toAbsolutePath();
            Files.createDirectories(base);
            dir = Files.createTempDirectory(base, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Creates a sparse file of the given size. */
    public Path sparse(String name, long size) {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static byte[] read(Path p, long off, int len) {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            byte[] b = new byte[len];
            f.seek(off);
            f.readFully(b);
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path p, long off, byte[] data) {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.seek(off);
            f.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of a byte range (streamed). */
    public static String sha256(Path p, long off, long len) {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            long done = 0;
            f.seek(off);
            while (done < len) {
                int n = (int) Math.min(buf.length, len - done);
                f.readFully(buf, 0, n);
                md.update(buf, 0, n);
                done += n;
            }
            md.update(Long.toString(f.length()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Describes the first differing byte of two files in a range, or "" if equal. */
    public static String firstDiff(Path a, Path b, long off, long len) {
        try (RandomAccessFile fa = new RandomAccessFile(a.toFile(), "r");
             RandomAccessFile fb = new RandomAccessFile(b.toFile(), "r")) {
            byte[] ba = new byte[1 << 20];
            byte[] bb = new byte[1 << 20];
            for (long done = 0; done < len; done += ba.length) {
                int n = (int) Math.min(ba.length, len - done);
                fa.seek(off + done);
                fa.readFully(ba, 0, n);
                fb.seek(off + done);
                fb.readFully(bb, 0, n);
                for (int i = 0; i < n; i++) {
                    if (ba[i] != bb[i]) {
                        return String.format("first difference at byte %d: %02x vs %02x", off + done + i, ba[i], bb[i]);
                    }
                }
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checksum of the places metadata can live in a sparse test device: the first and last MiB and
     * the first MiB of every 128 MiB slot (indexed metadata), plus the file size.
     */
    public static String fingerprint(Path p) {
        try {
            if (!Files.exists(p)) {
                return "missing";
            }
            long size = Files.size(p);
            long win = 1L << 20;
            if (size <= 4 * win) {
                return sha256(p, 0, size);
            }
            StringBuilder sb = new StringBuilder(sha256(p, size - win, win));
            for (long off = 0; off + win <= size && off < (8L << 30); off += 128L << 20) {
                sb.append('/').append(sha256(p, off, win));
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
