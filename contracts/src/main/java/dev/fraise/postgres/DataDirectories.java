package dev.fraise.postgres;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data directories of embedded servers: on tmpfs when the machine has one, a cached pristine cluster per
 * binaries version (so {@code initdb} runs once per user and boot, not once per JVM), and reaping of directories
 * and processes left by JVMs that were killed. The base directory is the user's own ({@code fraise-pg-<uid>},
 * mode 0700): binaries and clusters cached in a directory someone else could write are never used.
 */
final class DataDirectories {

    /** Lock file zonky holds while its server runs; a lock nobody holds means the owner JVM is gone. */
    static final String LOCK_FILE = "epg-lock";
    /** System property overriding the base directory. */
    static final String BASE_PROPERTY = "fraise.embedded.dir";

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectories.class);
    private static final String DATA_PREFIX = "data-";
    private static final Duration UNLOCKED_GRACE = Duration.ofMinutes(2);
    /** Free tmpfs space below which data directories go to disk: binaries, a pristine cluster, servers, clones. */
    static final long MIN_TMPFS_BYTES = 512L << 20;
    /**
     * Data directories of this JVM's servers. Their lock files must never be opened here: on Linux, closing any
     * channel on a file drops every lock this JVM holds on it, so probing our own lock would release it and let
     * another JVM reap a live server.
     */
    private static final Set<Path> OWN = ConcurrentHashMap.newKeySet();

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path base;

    DataDirectories(Path base) {
        this.base = base;
    }

    /**
     * {@code fraise-pg-<uid>} under {@code /dev/shm} when that is a writable tmpfs with room for the binaries, a
     * cluster and its clones ({@link #MIN_TMPFS_BYTES}), else under the temp directory. Docker gives containers a
     * 64 MB {@code /dev/shm} by default, too small for PostgreSQL. One directory per user: both roots are shared
     * by every user of the machine.
     */
    static DataDirectories defaultLocation() {
        String override = System.getProperty(BASE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return new DataDirectories(Path.of(override));
        }
        Path root = chooseRoot(Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir")), MIN_TMPFS_BYTES);
        return new DataDirectories(root.resolve(baseName()));
    }

    /** {@code fraise-pg-<uid>}, or {@code fraise-pg-<user name>} where there are no uids. */
    static String baseName() {
        return "fraise-pg-" + CurrentUser.id();
    }

    /** {@code tmpfs} when it is a writable directory with at least {@code minUsableBytes} free, else {@code disk}. */
    static Path chooseRoot(Path tmpfs, Path disk, long minUsableBytes) {
        if (!Files.isDirectory(tmpfs) || !Files.isWritable(tmpfs)) {
            return disk;
        }
        try {
            long usable = Files.getFileStore(tmpfs).getUsableSpace();
            if (usable >= minUsableBytes) {
                return tmpfs;
            }
            LOG.info("{} has {} MB free, less than the {} MB embedded PostgreSQL needs; using {} (set -D{} to choose)",
                    tmpfs, usable >> 20, minUsableBytes >> 20, disk, BASE_PROPERTY);
        } catch (IOException e) {
            LOG.debug("cannot read the free space of {}: {}", tmpfs, e.toString());
        }
        return disk;
    }

    Path base() {
        return base;
    }

    /** Where zonky unpacks the binaries (a cache shared by all JVMs). */
    Path binaries() {
        return base.resolve("binaries");
    }

    /**
     * Creates the base directory with mode 0700, or checks that the existing one is this user's own: owned by
     * this user, writable by no one else, not a symbolic link. One that is not was open to others, who could have
     * planted binaries or a cluster in it; it is never used. Where files have no POSIX permissions (Windows) it
     * is only created.
     *
     * @throws FraiseException {@code EMBEDDED_DIR_UNSAFE} when the base directory is not this user's own
     */
    void secureBase() {
        try {
            if (!Files.getFileStore(existingAncestor(base)).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createDirectories(base);
                return;
            }
            Files.createDirectories(base.toAbsolutePath().getParent());
            try {
                Files.createDirectory(base, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                // Made earlier, by this user or another: checked below like any other.
            }
            PosixFileAttributes attributes = Files.readAttributes(base, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory()) {
                throw unsafe("is a symbolic link or not a directory");
            }
            long owner = ((Number) Files.getAttribute(base, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
            OptionalLong uid = CurrentUser.uid();
            if (uid.isPresent() && owner != uid.getAsLong()) {
                throw unsafe("belongs to uid " + owner + ", not to this user (uid " + uid.getAsLong() + ")");
            }
            Set<PosixFilePermission> mode = attributes.permissions();
            if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw unsafe("is writable by other users (mode " + PosixFilePermissions.toString(mode) + ")");
            }
            if (!mode.equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(base, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.EMBEDDED_START_FAILED, "cannot create the directory of the"
                    + " embedded servers' data: " + e, SourceLocation.of(base), e);
        }
    }

    /** A new, not yet existing data directory path in the {@linkplain #secureBase() secured} base. */
    Path newDataDirectory() {
        secureBase();
        Path dir = base.resolve(DATA_PREFIX + UUID.randomUUID());
        OWN.add(dir.toAbsolutePath().normalize());
        return dir;
    }

    /** The cached result of {@code initdb} for {@code binariesKey}, if one was made before. */
    Optional<Path> pristine(String binariesKey) {
        Path dir = pristinePath(binariesKey);
        return Files.isRegularFile(dir.resolve("PG_VERSION")) ? Optional.of(dir) : Optional.empty();
    }

    /** Saves a freshly initialised, never started cluster as the pristine copy for {@code binariesKey}. */
    void savePristine(String binariesKey, Path initialised) {
        Path target = pristinePath(binariesKey);
        if (Files.exists(target)) {
            return;
        }
        Path staging = base.resolve("staging-" + UUID.randomUUID());
        try {
            copyTree(initialised, staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("pristine cluster not cached (another JVM may have won the race): {}", e.toString());
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Copies the cached cluster {@code source} (a pristine cluster or a snapshot) into the new data directory
     * {@code dataDir}; when that fails (the cache was being deleted, say) deletes what was copied and returns false,
     * and the caller starts from something else.
     */
    static boolean copyCluster(Path source, Path dataDir) {
        try {
            copyTree(source, dataDir);
            // The copy keeps the cache's old mtime; until the server takes its lock, a concurrent JVM's reaper would
            // take this unlocked, "old" directory for a stale one.
            Files.setLastModifiedTime(dataDir, FileTime.from(Instant.now()));
            return true;
        } catch (IOException e) {
            LOG.debug("cached cluster {} not usable: {}", source, e.toString());
            deleteTree(dataDir);
            return false;
        }
    }

    /** Copies a directory tree, keeping permissions (PostgreSQL insists on 0700), without zonky's lock file. */
    static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.copy(dir, target.resolve(source.relativize(dir).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (!name.equals(LOCK_FILE) && !name.equals("postmaster.pid")) {
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Stops the servers and deletes the data directories of JVMs that died without cleaning up: a directory
     * whose zonky lock nobody holds any more.
     *
     * @return the directories reaped
     */
    List<Path> reapStale() {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(base)) {
            return children
                    .filter(dir -> dir.getFileName().toString().startsWith(DATA_PREFIX)
                            || dir.getFileName().toString().startsWith("staging-"))
                    .filter(DataDirectories::isStale)
                    .peek(DataDirectories::reap)
                    .toList();
        } catch (IOException e) {
            LOG.warn("could not scan {} for stale data directories: {}", base, e.toString());
            return List.of();
        }
    }

    /**
     * Deletes the {@code detect_linux_distribution_*.sh} scripts zonky writes to the temp directory on every JVM
     * start and deletes only on a clean exit. Only scripts older than a minute are touched, so a JVM starting
     * right now keeps its own.
     *
     * @return how many were deleted
     */
    static int reapZonkyScripts(Path tempDir) {
        if (!Files.isDirectory(tempDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tempDir)) {
            List<Path> stale = files
                    .filter(f -> f.getFileName().toString().matches("detect_linux_distribution_\\d+\\.sh"))
                    .filter(f -> olderThan(f, Duration.ofMinutes(1)))
                    .toList();
            stale.forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.debug("could not delete {}: {}", f, e.toString());
                }
            });
            return stale.size();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isStale(Path dir) {
        if (OWN.contains(dir.toAbsolutePath().normalize())) {
            return false;
        }
        Path lock = dir.resolve(LOCK_FILE);
        if (!Files.exists(lock)) {
            return olderThan(dir, UNLOCKED_GRACE);
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return false;
            }
            held.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean olderThan(Path dir, Duration age) {
        try {
            Instant modified = Files.getLastModifiedTime(dir).toInstant();
            return modified.isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    private static void reap(Path dir) {
        stopPostmaster(dir);
        deleteTree(dir);
        LOG.info("reaped stale embedded PostgreSQL data directory {}", dir);
    }

    /** Stops the postmaster recorded in {@code dir/postmaster.pid}, if it still runs. */
    static void stopPostmaster(Path dir) {
        postmaster(dir).ifPresent(DataDirectories::terminate);
    }

    /** The postmaster process recorded in {@code dir/postmaster.pid}, if it still runs. */
    static Optional<ProcessHandle> postmaster(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(DataDirectories::isRunning).filter(DataDirectories::isPostgres);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not read the postmaster pid of {}: {}", dir, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Whether a process runs the {@code postgres} binary. A stale {@code postmaster.pid} may name a pid the kernel
     * has since given to another process, which must never be signalled.
     */
    static boolean isPostgres(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            String first = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0", 2)[0];
            return isPostgresCommand(first);
        } catch (IOException e) {
            return process.info().command().map(DataDirectories::isPostgresCommand).orElse(false);
        }
    }

    private static boolean isPostgresCommand(String command) {
        String name = command.substring(command.lastIndexOf('/') + 1);
        return name.equals("postgres") || name.equals("postgres.exe") || name.startsWith("postgres:");
    }

    /** Asks a postmaster to stop, waits up to 10 s for it to exit, then kills it. */
    static void terminate(ProcessHandle postmaster) {
        if (!isRunning(postmaster)) {
            return;
        }
        postmaster.destroy();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (isRunning(postmaster) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (isRunning(postmaster)) {
            postmaster.destroyForcibly();
        }
    }

    /**
     * Whether a process still runs. An exited postmaster is not our child, so it may stay a zombie until its
     * new parent reaps it; {@link ProcessHandle#isAlive()} counts zombies as alive, {@code /proc} does not.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String content = Files.readString(stat);
            int afterName = content.lastIndexOf(')');
            return afterName < 0 || afterName + 2 >= content.length() || content.charAt(afterName + 2) != 'Z';
        } catch (IOException e) {
            return !Files.isDirectory(Path.of("/proc")) && process.isAlive();
        }
    }

    /** The bytes of the regular files under {@code dir}; what cannot be read counts as nothing. */
    static long size(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }

    private Path pristinePath(String binariesKey) {
        return base.resolve("initdb-" + binariesKey.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    private FraiseException unsafe(String why) {
        return new FraiseException(ErrorCode.EMBEDDED_DIR_UNSAFE, base + " " + why + "; Fraise runs PostgreSQL"
                + " binaries and clusters cached there only from a directory of the user's own: remove it, or set -D"
                + BASE_PROPERTY + " to a directory you own");
    }

    private static Path existingAncestor(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        return existing == null ? path.toAbsolutePath().getRoot() : existing;
    }
}
