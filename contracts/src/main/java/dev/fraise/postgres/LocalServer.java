package dev.fraise.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * A server Fraise runs itself on this machine (zonky's or installed binaries): superuser {@code postgres} with no
 * password, trust authentication on localhost, owned by Fraise. Subclasses say how it is described and stopped.
 */
abstract class LocalServer implements PostgresServer {

    /** The local servers of this JVM not closed yet, which the JVM's shutdown hook stops. */
    private static final Set<LocalServer> RUNNING = ConcurrentHashMap.newKeySet();

    /** The templates kept on this server; null when snapshots are off. */
    private final KeptTemplates kept;

    /** A started server, stopped by {@link #closeAll()} if nobody closes it before. */
    LocalServer(KeptTemplates kept) {
        this.kept = kept;
        RUNNING.add(this);
    }

    /** Stops every local server of this JVM still running (a goal interrupted by Ctrl-C, say). */
    static void closeAll() {
        for (LocalServer server : List.copyOf(RUNNING)) {
            server.close();
        }
    }

    /** The JDBC URL of {@code database} on a local server listening on {@code port}. */
    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** The port the server listens on. */
    abstract int port();

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String jdbcUrl(String database) {
        return jdbcUrl(port(), database);
    }

    @Override
    public String maintenanceDatabase() {
        return "postgres";
    }

    @Override
    public boolean ownedByFraise() {
        return true;
    }

    @Override
    public Optional<TemplateStore> templateStore() {
        return Optional.ofNullable(kept);
    }

    /** The data directory of this server. */
    abstract Path dataDirectory();

    @Override
    public DataSource dataSource(String database) {
        return JdbcDataSources.local(jdbcUrl(database), user(), password());
    }

    @Override
    public Optional<Path> localDataDirectory() {
        return Optional.of(dataDirectory());
    }

    /**
     * Adds {@code name}, just built on this server before anyone else used it, to the templates it keeps, and
     * saves a snapshot of the cluster after a checkpoint. Nothing when this server keeps no templates; a snapshot
     * that cannot be made is logged, never thrown.
     */
    void keep(String name, String record) {
        if (kept == null) {
            return;
        }
        try (Connection c = dataSource(maintenanceDatabase()).getConnection();
             Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            LoggerFactory.getLogger(LocalServer.class).warn("no snapshot of template {}: CHECKPOINT failed: {}", name,
                    e.getMessage());
            return;
        }
        kept.keep(name, record, dataDirectory());
    }

    /** The names of the templates this server holds. */
    Set<String> keptNames() {
        return kept == null ? Set.of() : kept.names();
    }

    /**
     * Ends the data directory of this server, which has stopped: saved as a snapshot when templates were built on
     * it, else deleted.
     */
    void finish(Path dataDir) {
        RUNNING.remove(this);
        DataDirectories.deleteTree(dataDir);
    }

    @Override
    public String toString() {
        return description();
    }
}
