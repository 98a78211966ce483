package dev.fraise.postgres;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A running PostgreSQL server on which Fraise may create and drop databases. Closing it stops what the
 * provider started (an embedded process, a container); an external server is left running.
 */
public interface PostgresServer extends AutoCloseable {

    /** The superuser (or database-creating role) name. */
    String user();

    /** Its password; empty when the server trusts local connections. */
    String password();

    /** The JDBC URL of {@code database} on this server. */
    String jdbcUrl(String database);

    /** The database used for administrative statements (CREATE/DROP DATABASE). */
    String maintenanceDatabase();

    /** The server's major version, e.g. 17. */
    int majorVersion();

    /** A short description for logs, e.g. {@code embedded PostgreSQL 17.6 on port 41234}. */
    String description();

    /** Whether every database on this server is Fraise's own (embedded, container). */
    boolean ownedByFraise();

    /**
     * Where this server keeps template databases for later JVMs: present for embedded servers (unless
     * {@code -Dfraise.embedded.snapshots=false}), empty for external servers and containers.
     */
    default Optional<TemplateStore> templateStore() {
        return Optional.empty();
    }

    /**
     * The server's data directory when it runs on this machine for Fraise alone (embedded): a pool reads its clones'
     * files there to tell whether a test changed them. Empty for external servers and containers.
     */
    default Optional<Path> localDataDirectory() {
        return Optional.empty();
    }

    /** A data source for {@code database} on this server. */
    default DataSource dataSource(String database) {
        return JdbcDataSources.create(jdbcUrl(database), user(), password());
    }

    /** Stops what the provider started. Idempotent. */
    @Override
    void close();
}
