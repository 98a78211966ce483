package dev.fraise.database;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one database as the file system describes them — in its directory {@code base/<oid>} and in its
 * directory under every tablespace ({@code pg_tblspc/<tablespace>/PG_<version>/<oid>}) —: for each file its identity
 * (device and inode), size and modification time. PostgreSQL writes a page to its file whenever it evicts
 * or checkpoints a changed buffer, so two equal descriptions, with no changed buffer of the database in between,
 * mean that no page of it changed, provided the first was taken more than a clock tick before any change (file times
 * are only as fine as the kernel's tick; see {@link #untouchableAt}). The relation cache file
 * ({@code pg_internal.init}), which a backend may write when it connects, is left out: it is a cache, rebuilt from
 * the catalogs.
 *
 * @param files  the description of each file, by its path in the data directory
 * @param newest the latest modification time of any file, in nanoseconds since the epoch
 */
record CloneFiles(Map<String, Stamp> files, long newest) {

    /**
     * Longer than a kernel clock tick (10 ms at 100 Hz, the coarsest), the granularity of file times: a file written
     * again within it may keep its modification time.
     */
    static final long TICK_NANOS = 20_000_000L;

    private static final String RELATION_CACHE = "pg_internal.init";

    /** One file: what a write to it changes. */
    record Stamp(Object identity, long size, long modifiedNanos) {
    }

    /** The files of database {@code oid} in the cluster at {@code dataDirectory}; empty when they cannot be read. */
    static Optional<CloneFiles> read(Path dataDirectory, long oid) {
        String database = Long.toString(oid);
        Map<String, Stamp> files = new HashMap<>();
        try {
            long newest = describe(dataDirectory.resolve("base").resolve(database), "base/" + database + "/", files);
            Path tablespaces = dataDirectory.resolve("pg_tblspc");
            if (Files.isDirectory(tablespaces)) {
                try (DirectoryStream<Path> links = Files.newDirectoryStream(tablespaces)) {
                    for (Path tablespace : links) {
                        try (DirectoryStream<Path> versions = Files.newDirectoryStream(tablespace, "PG_*")) {
                            for (Path version : versions) {
                                Path directory = version.resolve(database);
                                if (Files.isDirectory(directory)) {
                                    newest = Math.max(newest, describe(directory, "pg_tblspc/"
                                            + tablespace.getFileName() + "/" + version.getFileName() + "/" + database
                                            + "/", files));
                                }
                            }
                        }
                    }
                }
            }
            return Optional.of(new CloneFiles(Map.copyOf(files), newest));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Adds the files of {@code directory} to {@code files} under {@code prefix}; returns their newest time. */
    private static long describe(Path directory, String prefix, Map<String, Stamp> files) throws IOException {
        long newest = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (name.startsWith(RELATION_CACHE)) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                long modified = nanos(attributes.lastModifiedTime().toInstant());
                files.put(prefix + name, new Stamp(attributes.fileKey(), attributes.size(), modified));
                newest = Math.max(newest, modified);
            }
        }
        return newest;
    }

    /**
     * Whether a write to these files from {@code now} on changes their description: true once a clock tick has
     * passed since the newest was written.
     */
    boolean untouchableAt(Instant now) {
        return nanos(now) - newest > TICK_NANOS;
    }

    /** Whether {@code other} describes the same files, written at the same times. */
    boolean sameAs(CloneFiles other) {
        return files.equals(other.files);
    }

    private static long nanos(Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }
}
