package dev.fraise.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded provider's per-user caches under {@code /dev/shm/fraise-pg-<uid>} (the unpacked binaries and the
 * pristine {@code initdb} clusters), as the foundation benchmark sees them: it deletes them to measure cold
 * starts, checks that no other JVM is using them first, and lists what is left at the end.
 */
final class EmbeddedCaches {

    /** The lock file zonky holds in a {@code binaries/PG-*} directory while it unpacks the archive. */
    private static final String UNPACK_LOCK = "epg-lock";

    private final Path base;

    private EmbeddedCaches(Path base) {
        this.base = base;
    }

    /** Where the embedded provider keeps its caches (mirrors {@code DataDirectories.defaultLocation()}). */
    static EmbeddedCaches defaultLocation() {
        String override = System.getProperty("fraise.embedded.dir");
        if (override != null && !override.isBlank()) {
            return new EmbeddedCaches(Path.of(override));
        }
        Path shm = Path.of("/dev/shm");
        Path root = Files.isDirectory(shm) && Files.isWritable(shm) ? shm
                : Path.of(System.getProperty("java.io.tmpdir"));
        long uid = new com.sun.security.auth.module.UnixSystem().getUid();
        return new EmbeddedCaches(root.resolve("fraise-pg-" + uid));
    }

    Path base() {
        return base;
    }

    Path binaries() {
        return base.resolve("binaries");
    }

    boolean hasBinaries() {
        return Files.isDirectory(binaries());
    }

    List<Path> pristineDirs() throws IOException {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(base)) {
            return list.filter(p -> p.getFileName().toString().startsWith("initdb-")).toList();
        }
    }

    /** Deletes the pristine clusters only: the next start runs {@code initdb}, the binaries stay unpacked. */
    void deletePristine() throws IOException {
        for (Path dir : pristineDirs()) {
            deleteTree(dir);
        }
    }

    /** Deletes the pristine clusters and the unpacked binaries, as on a machine that never ran Fraise. */
    void deleteAll() throws IOException {
        deletePristine();
        if (Files.exists(binaries())) {
            deleteTree(binaries());
        }
    }

    /**
     * Why the caches must not be deleted now, if another JVM uses them: a {@code postgres} process running from
     * the binaries or on a data directory under the base, or zonky unpacking the binaries (its lock file).
     */
    Optional<String> inUseBy() throws IOException {
        List<ProcessLine> servers = runningServers();
        if (!servers.isEmpty()) {
            return Optional.of(servers.size() + " embedded postgres process(es) running, postmasters on "
                    + dataDirectories(servers));
        }
        if (hasBinaries()) {
            try (Stream<Path> list = Files.list(binaries())) {
                List<Path> unpacking = list.filter(p -> Files.exists(p.resolve(UNPACK_LOCK))).toList();
                if (!unpacking.isEmpty()) {
                    return Optional.of("binaries being unpacked in " + unpacking);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What is left in the cache directory once all of the benchmark's servers are closed (each one checked
     * separately): caches, data directories of other JVMs' running servers, and anything else (unexpected).
     */
    String leakCheck() throws IOException {
        List<String> entries;
        try (Stream<Path> list = Files.list(base)) {
            entries = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> others = dataDirectories(runningServers());
        List<String> unexpected = entries.stream()
                .filter(e -> !e.equals("binaries") && !e.startsWith("initdb-") && !others.contains(e)).toList();
        return "`ls " + base + "`: " + String.join(", ", entries)
                + (unexpected.isEmpty() ? " (caches" + (others.isEmpty() ? "" : " and other JVMs' servers") + " only)"
                : " — UNEXPECTED: " + unexpected)
                + "; embedded postgres servers still running: "
                + (others.isEmpty() ? "none" : "other JVMs' on " + others) + ".";
    }

    /** {@code postgres} processes (postmasters and backends) started from, or with data in, the base directory. */
    private List<ProcessLine> runningServers() {
        String prefix = base.toAbsolutePath().normalize() + "/";
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .map(p -> new ProcessLine(p.pid(), p.info().command().orElse(""), commandLine(p.pid())))
                .filter(p -> p.isServerUnder(prefix))
                .toList();
    }

    /** The names of the postmasters' data directories (their {@code -D} argument). */
    private static List<String> dataDirectories(List<ProcessLine> servers) {
        return servers.stream().map(ProcessLine::dataDirectory).flatMap(Optional::stream)
                .map(d -> Path.of(d).getFileName().toString()).sorted().toList();
    }

    /** A process's executable ({@code /proc/<pid>/exe}) and arguments ({@code /proc/<pid>/cmdline}). */
    private record ProcessLine(long pid, String exe, List<String> args) {
        /** A postmaster or backend run from binaries under {@code prefix}, or a postgres given a path there. */
        boolean isServerUnder(String prefix) {
            if (exe.startsWith(prefix) && exe.endsWith("/postgres")) {
                return true;
            }
            return !args.isEmpty() && args.get(0).endsWith("postgres")
                    && args.stream().anyMatch(a -> a.startsWith(prefix));
        }

        /** The {@code -D} argument of a postmaster; backends have rewritten their command line. */
        Optional<String> dataDirectory() {
            int d = args.indexOf("-D");
            return d >= 0 && d + 1 < args.size() ? Optional.of(args.get(d + 1)) : Optional.empty();
        }
    }

    private static List<String> commandLine(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : Arrays.asList(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
