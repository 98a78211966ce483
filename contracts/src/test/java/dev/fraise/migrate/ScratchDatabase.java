package dev.fraise.migrate;

import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** An empty database on the shared embedded server, dropped on close. */
final class ScratchDatabase implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PostgresServer server;
    private final String name;

    private ScratchDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    static PostgresServer server() {
        return PostgresServers.shared(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty()));
    }

    static ScratchDatabase create() throws SQLException {
        PostgresServer server = server();
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        String name = "fraise_migrate_" + HexFormat.of().formatHex(bytes);
        try (Connection admin = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
            s.execute("COMMENT ON DATABASE " + name + " IS 'fraise:disposable'");
        }
        return new ScratchDatabase(server, name);
    }

    String name() {
        return name;
    }

    String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    PostgresServer postgres() {
        return server;
    }

    Connection connect() throws SQLException {
        return server.dataSource(name).getConnection();
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of every row of {@code sql}, as strings. */
    List<String> column(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    /** The single value of {@code sql}. */
    String value(String sql, Object... params) throws SQLException {
        List<String> values = column(sql, params);
        if (values.size() != 1) {
            throw new AssertionError("expected one row from " + sql + ", got " + values);
        }
        return values.get(0);
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
