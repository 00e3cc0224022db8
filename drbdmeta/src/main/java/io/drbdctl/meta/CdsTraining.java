package io.drbdctl.meta;

import io.drbdctl.meta.api.Confirmer;
import io.drbdctl.meta.api.MetaContext;
import io.drbdctl.meta.cli.Cli;
import io.drbdctl.meta.io.ExclusiveClaim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The class-data sharing training run of the drbdmeta launcher (dist/src/make-launchers.sh): runs
 * the usual commands once, in one JVM, on sparse files in a fresh temporary directory, so that the
 * archive dumped at exit holds every class they load. Not part of the tool's command line.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("drbdmeta-cds");
        try {
            train(dir);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void train(Path dir) throws IOException {
        // what Main sets up before it runs a command (its classes and lambdas go into the archive too)
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.ISO_8859_1);
        Main.contextFactory(sink, sink).apply(new Cli.Flags(false, false, 0));
        System.console();
        Path dev = sparse(dir.resolve("dev.img"), 256L << 20);
        Path meta = sparse(dir.resolve("meta.img"), 16L << 20);
        String d = dev.toString();
        run(dir, "--force", "0", "v09", d, "internal", "create-md", "2");
        String dump = run(dir, "--force", "0", "v09", d, "internal", "dump-md");
        Path file = dir.resolve("dump.txt");
        Files.writeString(file, dump, StandardCharsets.ISO_8859_1);
        run(dir, "--force", "0", "v09", d, "internal", "restore-md", file.toString());
        run(dir, "0", "v09", d, "internal", "verify-dump", file.toString());
        run(dir, "0", "v09", d, "internal", "get-gi", "--node-id", "1");
        run(dir, "0", "v09", d, "internal", "show-gi", "--node-id", "1");
        run(dir, "0", "v09", d, "internal", "dstate");
        run(dir, "0", "v09", d, "internal", "apply-al");
        run(dir, "0", "v09", d, "internal", "outdate");
        run(dir, "0", "v09", d, "internal", "check-resize");
        run(dir, "--force", "0", "v08", d, "internal", "create-md");
        run(dir, "--force", "0", "v08", d, "internal", "dump-md");
        run(dir, "0", "v08", d, "internal", "wipe-md");
        run(dir, "--force", "1", "v09", meta.toString(), "flex-external", "create-md", "1");
        run(dir, "1", "v09", meta.toString(), "flex-external", "dump-md");
        // the paths of large bitmaps: a dump whose bitmap is scanned in bulk (read ahead on a second
        // thread, holes skipped with SEEK_DATA, data read with O_DIRECT), and a create-md whose
        // bitmap is zeroed with fallocate (2 TiB sparse: 64 MiB bitmap, no data)
        try {
            long size = 4L << 30;
            Path gib = sparse(dir.resolve("gib.img"), size);
            String g = gib.toString();
            run(dir, "--force", "2", "v09", g, "internal", "create-md", "1");
            String d1 = run(dir, "--force", "2", "v09", g, "internal", "dump-md");
            int cut = d1.indexOf("# bm-bytes");
            if (cut > 0) {
                Files.writeString(file, d1.substring(0, cut).replaceFirst("la-size-sect 0;", "la-size-sect 8000000;")
                        + "bitmap[0] {\n}\n", StandardCharsets.ISO_8859_1);
                run(dir, "--force", "2", "v09", g, "internal", "restore-md", file.toString());
                run(dir, "--force", "2", "v09", g, "internal", "dump-md");
                // the 128 KiB bitmap (before the 32 KiB activity log and the superblock) as written zeros
                try (RandomAccessFile f = new RandomAccessFile(gib.toFile(), "rw")) {
                    f.seek(size - 4096 - (32 << 10) - (128 << 10));
                    f.write(new byte[128 << 10]);
                }
                run(dir, "--force", "2", "v09", g, "internal", "dump-md");
            }
            Files.delete(gib);
            Path tib = sparse(dir.resolve("tib.img"), 2L << 40);
            run(dir, "--force", "3", "v09", tib.toString(), "internal", "create-md", "1");
        } catch (UncheckedIOException | IOException e) {
            // a file system without large sparse files: train without these paths
        }
        // block devices are claimed through JNA: load it (an O_EXCL open of /dev/null claims nothing)
        ExclusiveClaim.Attempt a = ExclusiveClaim.tryClaim(Path.of("/dev/null"));
        if (a.claim() != null) {
            a.claim().close();
        }
    }

    private static Path sparse(Path p, long size) {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String run(Path dir, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(o, false, StandardCharsets.ISO_8859_1);
        PrintStream err = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.ISO_8859_1);
        Cli.run(args, out, err, f -> new MetaContext(out, err, f.force(), f.ignoreSanityChecks(), f.verbose(),
                Confirmer.noTty(), dir.resolve("lock"), dir.resolve("lib")));
        out.flush();
        return o.toString(StandardCharsets.ISO_8859_1);
    }
}
