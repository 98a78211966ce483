package dev.fraise.migrate;

import dev.fraise.TestDatabases;
import dev.fraise.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A scratch database ({@link TestDatabases}) with the query helpers of the migration tests, dropped on close. */
final class ScratchDatabase implements AutoCloseable {

    private final TestDatabases.Scratch scratch;

    private ScratchDatabase(TestDatabases.Scratch scratch) {
        this.scratch = scratch;
    }

    static PostgresServer server() {
        return TestDatabases.server();
    }

    static ScratchDatabase create() {
        return new ScratchDatabase(TestDatabases.create());
    }

    String name() {
        return scratch.name();
    }

    String jdbcUrl() {
        return scratch.server().jdbcUrl(scratch.name());
    }

    PostgresServer postgres() {
        return scratch.server();
    }

    Connection connect() throws SQLException {
        return scratch.connect();
    }

    void execute(String sql) throws SQLException {
        scratch.execute(sql);
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
    public void close() {
        scratch.close();
    }
}
