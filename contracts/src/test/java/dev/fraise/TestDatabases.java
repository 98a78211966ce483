package dev.fraise;

import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/** Empty scratch databases on the shared embedded test server. */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {
    }

    /** The JVM-wide embedded test server (of the major whose binaries are on the test classpath). */
    public static PostgresServer server() {
        return PostgresServers.shared(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(),
                OptionalInt.empty()));
    }

    /** Creates an empty database; closing it drops it. */
    public static Scratch create() {
        PostgresServer server = server();
        String name = "scratch_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        admin(server, "CREATE DATABASE " + name);
        return new Scratch(server, name);
    }

    private static void admin(PostgresServer server, String sql) {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** An empty database, dropped on close. */
    public record Scratch(PostgresServer server, String name) implements AutoCloseable {

        /** A new connection, the caller's to close. */
        public Connection connect() throws SQLException {
            return server.dataSource(name).getConnection();
        }

        /** Runs SQL (several statements allowed) in auto-commit mode. */
        public void execute(String sql) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        @Override
        public void close() {
            admin(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
