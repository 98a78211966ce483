package dev.fraise.inference;

import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** A database of its own on the shared embedded test server (the one the engine tests share), dropped on close. */
final class ScratchDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;
    private final Connection connection;

    private ScratchDatabase(PostgresServer server, String name) throws SQLException {
        this.server = server;
        this.name = name;
        this.connection = server.dataSource(name).getConnection();
    }

    static ScratchDatabase create(String... ddl) throws SQLException {
        PostgresServer server = PostgresServers.shared(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(),
                OptionalInt.empty()));
        String name = "fraise_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        ScratchDatabase database = new ScratchDatabase(server, name);
        try (Statement st = database.connection.createStatement()) {
            for (String statement : ddl) {
                st.execute(statement);
            }
        }
        return database;
    }

    Connection connection() {
        return connection;
    }

    /** A new connection to this database; the caller closes it. */
    Connection connect() throws SQLException {
        return server.dataSource(name).getConnection();
    }

    int majorVersion() {
        return server.majorVersion();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        try (Connection admin = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
