package dev.fraise.postgres;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A server Fraise runs itself on this machine (zonky's or installed binaries): superuser {@code postgres} with no
 * password, trust authentication on localhost, owned by Fraise. Subclasses say how it is described and stopped.
 */
abstract class LocalServer implements PostgresServer {

    /** The templates kept on this server; null when snapshots are off. */
    private final KeptTemplates kept;

    LocalServer(KeptTemplates kept) {
        this.kept = kept;
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

    /** Records this just-started server's state, before anyone uses it, when it keeps templates. */
    void started(Path dataDir) {
        if (kept != null) {
            kept.started(this, dataDir);
        }
    }

    /** Prepares this server, still running, for the snapshot its data directory may become. */
    void beforeStop(Path dataDir) {
        if (kept != null) {
            kept.beforeStop(this, dataDir);
        }
    }

    /**
     * Ends the data directory of this server, which has stopped: saved as a snapshot when templates were built on
     * it, else deleted.
     */
    void finish(Path dataDir) {
        if (kept == null) {
            DataDirectories.deleteTree(dataDir);
        } else {
            kept.finish(dataDir);
        }
    }

    @Override
    public String toString() {
        return description();
    }
}
