package dev.fraise.postgres;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs PostgreSQL from binaries installed on the machine ({@link InstalledBinaries}), the way
 * {@link EmbeddedServerProvider} runs zonky's: {@code initdb} once per binaries into the pristine cluster cache of
 * {@link DataDirectories}, a copy of it per server, {@code postgres} with the same disposable settings on a free
 * localhost port (under {@code unshare -U} as root), the data directory locked like zonky's so that the reaper
 * of a later JVM stops the server and deletes the directory when this JVM dies without closing it.
 */
final class InstalledServerLauncher {

    /** Settings zonky adds to {@link EmbeddedServerProvider#DISPOSABLE_SETTINGS}; the same here. */
    private static final Map<String, String> ZONKY_DEFAULTS = Map.of("max_connections", "300", "timezone", "UTC");
    private static final String LOG_FILE = "postgres.log";
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int PORT_ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(InstalledServerLauncher.class);

    private InstalledServerLauncher() {
    }

    static PostgresServer start(InstalledBinaries binaries, DataDirectories directories, String unshareCommand) {
        return start(binaries, directories, unshareCommand, TemplateSnapshots.Use.OFF);
    }

    /** Starts a server, from a snapshot of kept templates when {@code snapshots} allows and one holds the wanted one. */
    static PostgresServer start(InstalledBinaries binaries, DataDirectories directories, String unshareCommand,
                                TemplateSnapshots.Use snapshots) {
        EmbeddedServerProvider.requireUnshareWhenRoot(unshareCommand);
        List<String> prefix = EmbeddedServerProvider.isRoot() ? List.of(unshareCommand, "-U") : List.of();
        directories.reapStale();
        Path dataDir = directories.newDataDirectory();
        FileChannel lock = null;
        Process postmaster = null;
        try {
            KeptTemplates kept = TemplateSnapshots.seed(snapshots, directories, binaries.cacheKey(), dataDir);
            if (kept == null || !kept.fromSnapshot()) {
                initialise(binaries, directories, dataDir, prefix);
            }
            lock = FileChannel.open(dataDir.resolve(DataDirectories.LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock.lock();
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                long begin = System.nanoTime();
                postmaster = launch(binaries, dataDir, port, prefix);
                boolean ready = awaitReady(postmaster, dataDir);
                LOG.debug("postgres on port {} {} after {} ms", port, ready ? "ready" : "exited",
                        (System.nanoTime() - begin) / 1_000_000);
                if (ready || attempt == PORT_ATTEMPTS || !portTaken(dataDir)) {
                    requireRunning(postmaster);
                    int major = JdbcDataSources.serverMajor(JdbcDataSources.create(
                            LocalServer.jdbcUrl(port, "postgres"), "postgres", ""));
                    Installed server = new Installed(new Launched(binaries, dataDir, port, major), postmaster, lock,
                            kept);
                            return server;
                }
                LOG.debug("port {} was taken before PostgreSQL bound it; trying another", port);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            if (postmaster != null) {
                stop(postmaster);
            }
            closeQuietly(lock);
            String log = logTail(dataDir);
            DataDirectories.stopPostmaster(dataDir);
            DataDirectories.deleteTree(dataDir);
            if (e instanceof FraiseException fraise) {
                throw fraise;
            }
            throw new FraiseException(ErrorCode.EMBEDDED_START_FAILED, "PostgreSQL " + binaries.version()
                    + " from installed binaries " + binaries.binDir() + " did not start: " + firstLine(e)
                    + (log.isEmpty() ? "" : "; server log: " + log), null, e);
        }
    }

    /** Copies the pristine cluster of these binaries, or runs {@code initdb} and caches its result. */
    private static void initialise(InstalledBinaries binaries, DataDirectories directories, Path dataDir,
                                   List<String> prefix) throws IOException {
        String key = binaries.cacheKey();
        if (directories.pristine(key).map(p -> DataDirectories.copyCluster(p, dataDir)).orElse(false)) {
            return;
        }
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(binaries.initdb().toString(), "-D", dataDir.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF-8", "--locale=C", "--no-sync"));
        long begin = System.nanoTime();
        Process initdb = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(initdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!initdb.waitFor(60, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new IOException("initdb failed: " + lastLines(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            initdb.destroyForcibly();
            throw new IOException("interrupted while initdb ran", e);
        }
        LOG.debug("initdb of {} ran in {} ms", binaries.binDir(), (System.nanoTime() - begin) / 1_000_000);
        directories.savePristine(key, dataDir);
    }

    private static Process launch(InstalledBinaries binaries, Path dataDir, int port, List<String> prefix)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(binaries.postgres().toString(), "-D", dataDir.toString(), "-p",
                Integer.toString(port), "-F"));
        ZONKY_DEFAULTS.forEach((k, v) -> command.addAll(List.of("-c", k + "=" + v)));
        EmbeddedServerProvider.DISPOSABLE_SETTINGS.forEach((k, v) -> command.addAll(List.of("-c", k + "=" + v)));
        Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(LOG_FILE).toFile()).start();
    }

    /**
     * Waits until {@code postmaster.pid} says {@code ready} (what {@code pg_ctl -w} waits for), polling the file
     * every millisecond; false when the process exits first.
     */
    private static boolean awaitReady(Process postmaster, Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            if (!postmaster.isAlive()) {
                return false;
            }
            try {
                List<String> lines = Files.readAllLines(pidFile);
                if (lines.size() >= 8 && lines.get(7).trim().equals("ready")) {
                    return true;
                }
            } catch (IOException e) {
                // not written yet
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for PostgreSQL to start", e);
            }
        }
        throw new IOException("PostgreSQL was not ready after " + TimeUnit.NANOSECONDS.toSeconds(START_TIMEOUT_NANOS)
                + " s");
    }

    private static void requireRunning(Process postmaster) throws IOException {
        if (!postmaster.isAlive()) {
            throw new IOException("postgres exited with status " + postmaster.exitValue());
        }
    }

    private static boolean portTaken(Path dataDir) {
        return logTail(dataDir).contains("could not bind");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Fast shutdown (SIGINT: clients disconnected, no waiting for them), then a kill after 10 s. */
    private static void stop(Process postmaster) {
        if (!postmaster.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start();
            kill.waitFor(5, TimeUnit.SECONDS);
            if (!postmaster.waitFor(10, TimeUnit.SECONDS)) {
                postmaster.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            DataDirectories.terminate(postmaster.toHandle());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postmaster.destroyForcibly();
        }
    }

    private static String logTail(Path dataDir) {
        try {
            return lastLines(Files.readString(dataDir.resolve(LOG_FILE)));
        } catch (IOException e) {
            return "";
        }
    }

    private static String lastLines(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static void closeQuietly(FileChannel lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                LOG.debug("could not release the lock: {}", e.toString());
            }
        }
    }

    /** What a started server is: its binaries, data directory, port and the major it reported. */
    private record Launched(InstalledBinaries binaries, Path dataDir, int port, int major) {
    }

    /** A running server from installed binaries; closing it stops the process and deletes the data directory. */
    private static final class Installed extends LocalServer {
        private final Launched launched;
        private final Process postmaster;
        private final FileChannel lock;
        private final AtomicBoolean closed = new AtomicBoolean();

        Installed(Launched launched, Process postmaster, FileChannel lock, KeptTemplates kept) {
            super(kept);
            this.launched = launched;
            this.postmaster = postmaster;
            this.lock = lock;
        }

        @Override
        int port() {
            return launched.port();
        }

        @Override
        Path dataDirectory() {
            return launched.dataDir();
        }

        @Override
        public int majorVersion() {
            return launched.major();
        }

        @Override
        public String description() {
            return "embedded PostgreSQL " + launched.major() + " (installed binaries " + launched.binaries().binDir()
                    + ") on port " + launched.port() + " in " + launched.dataDir();
        }

        @Override
        public void close() {
            if (closed.getAndSet(true)) {
                return;
            }
            stop(postmaster);
            finish(launched.dataDir());
            closeQuietly(lock);
        }
    }
}
