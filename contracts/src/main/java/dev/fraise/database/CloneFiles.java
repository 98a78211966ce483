package dev.fraise.database;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The files of one database — in its directory {@code base/<oid>} and in its directory under every tablespace
 * ({@code pg_tblspc/<tablespace>/PG_<version>/<oid>}) — with their modification times set an hour back when the
 * clone was made ({@link #stamp}). PostgreSQL writes a page to its file whenever it evicts or checkpoints a changed
 * buffer, and any write, truncation or new file carries the current time, which no file system rounds to an hour
 * ago; so files still named and timed as stamped, with no changed buffer of the database left, mean that no page of
 * it changed. The stamp is a whole number of even seconds, which every file system stores exactly. The relation
 * cache file ({@code pg_internal.init}), which a backend may write when it connects, is left out: it is a cache,
 * rebuilt from the catalogs.
 *
 * @param names        the stamped files, by their path in the data directory
 * @param stampMillis  the modification time given to each, in milliseconds since the epoch
 */
record CloneFiles(Set<String> names, long stampMillis) {

    private static final String RELATION_CACHE = "pg_internal.init";
    private static final long TWO_SECONDS = TimeUnit.SECONDS.toMillis(2);

    /**
     * Sets the modification time of every file of database {@code oid} (a new clone no one uses yet) in the cluster at
     * {@code dataDirectory} an hour back; empty when a directory cannot be read or a time cannot be set.
     */
    static Optional<CloneFiles> stamp(Path dataDirectory, long oid) {
        long stamp = (System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1)) / TWO_SECONDS * TWO_SECONDS;
        Set<String> names = new HashSet<>();
        for (Directory directory : directories(dataDirectory, oid)) {
            File[] files = directory.file().listFiles();
            if (files == null) {
                return Optional.empty();
            }
            for (File file : files) {
                if (!file.getName().startsWith(RELATION_CACHE)) {
                    if (!file.setLastModified(stamp)) {
                        return Optional.empty();
                    }
                    names.add(directory.prefix() + file.getName());
                }
            }
        }
        return Optional.of(new CloneFiles(Set.copyOf(names), stamp));
    }

    /** Whether the files of database {@code oid} are still the stamped ones, none written since. */
    boolean unchanged(Path dataDirectory, long oid) {
        int seen = 0;
        for (Directory directory : directories(dataDirectory, oid)) {
            File[] files = directory.file().listFiles();
            if (files == null) {
                return false;
            }
            for (File file : files) {
                if (file.getName().startsWith(RELATION_CACHE)) {
                    continue;
                }
                if (!names.contains(directory.prefix() + file.getName()) || file.lastModified() != stampMillis) {
                    return false;
                }
                seen++;
            }
        }
        return seen == names.size();
    }

    /** A directory of the database, and how its files are named in {@link #names}. */
    private record Directory(File file, String prefix) {
    }

    /** {@code base/<oid>}, then the database's directory in every tablespace that has one. */
    private static List<Directory> directories(Path dataDirectory, long oid) {
        String database = Long.toString(oid);
        List<Directory> directories = new ArrayList<>();
        directories.add(new Directory(dataDirectory.resolve("base").resolve(database).toFile(),
                "base/" + database + "/"));
        File[] tablespaces = dataDirectory.resolve("pg_tblspc").toFile().listFiles();
        for (File tablespace : tablespaces == null ? new File[0] : tablespaces) {
            File[] versions = tablespace.listFiles((dir, name) -> name.startsWith("PG_"));
            for (File version : versions == null ? new File[0] : versions) {
                File directory = new File(version, database);
                if (directory.isDirectory()) {
                    directories.add(new Directory(directory, "pg_tblspc/" + tablespace.getName() + "/"
                            + version.getName() + "/" + database + "/"));
                }
            }
        }
        return directories;
    }
}
