package dev.fraise.inference;

import dev.fraise.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A scratch database ({@link TestDatabases}) with one open connection and the DDL of a test, dropped on close. */
final class ScratchDatabase implements AutoCloseable {

    private final TestDatabases.Scratch scratch;
    private final Connection connection;

    private ScratchDatabase(TestDatabases.Scratch scratch) throws SQLException {
        this.scratch = scratch;
        this.connection = scratch.connect();
    }

    static ScratchDatabase create(String... ddl) throws SQLException {
        ScratchDatabase database = new ScratchDatabase(TestDatabases.create());
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
        return scratch.connect();
    }

    int majorVersion() {
        return scratch.server().majorVersion();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        scratch.close();
    }
}
