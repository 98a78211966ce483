package dev.fraise.database;

import dev.fraise.build.SqlScripts;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.ConnectionFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A disposable database: a fresh clone of a built schema that is dropped when closed. Hand out its
 * {@link #dataSource()} or {@link #jdbcUrl()} to the code under test.
 *
 * <p>A clone may come with a warm connection, opened (and its first query run) by the pool ahead: the first
 * {@link #connect()}, or the first {@code getConnection()} of {@link #dataSource()}, hands it over, so that a test
 * does not pay for connecting. A warm connection never handed over is closed with the database.
 */
public final class Database implements AutoCloseable {

    private static final String JSON_ROWS = "SELECT coalesce(jsonb_agg(CASE WHEN (SELECT count(*) FROM"
            + " jsonb_object_keys(to_jsonb(q))) = 1 THEN (SELECT value FROM jsonb_each(to_jsonb(q)))"
            + " ELSE to_jsonb(q) END), '[]'::jsonb)::text FROM (%s) q";

    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final DataSource dataSource;
    private final HandOverDataSource handOver;
    private final Consumer<Database> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The warm connection until it is handed over or discarded. */
    private final AtomicReference<WarmConnection> warm;
    /** What the clone was made with, for its pool to recycle it; null when it cannot be recycled. */
    private final CloneRecycling.Baseline baseline;

    /**
     * @param dataSource opens new connections to the database
     * @param warm       a connection to it opened ahead, which this database owns from now on; or null
     * @param baseline   what the clone was made with, when its pool may recycle it; or null
     */
    Database(String name, String jdbcUrl, String user, String password, DataSource dataSource, WarmConnection warm,
             CloneRecycling.Baseline baseline, Consumer<Database> onClose) {
        this.name = Objects.requireNonNull(name, "name");
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.warm = new AtomicReference<>(warm);
        this.baseline = baseline;
        this.handOver = new HandOverDataSource(dataSource, new HandOverDataSource.Opener() {
            @Override
            public Connection open() throws SQLException {
                return openConnection();
            }

            @Override
            public void requireOpen() throws SQLException {
                requireNotClosed();
            }
        });
    }

    /** The database name, e.g. {@code fraise_3f2a9c1b_0c4e7a21_000004_9d2f6b10}. */
    public String name() {
        return name;
    }

    /** JDBC URL of this database (without credentials). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** User to connect as. */
    public String user() {
        return user;
    }

    /** Password of {@link #user()}; empty when the server trusts local connections. */
    public String password() {
        return password;
    }

    /**
     * A data source for this database. Connections it returns are the caller's to close; the first is the warm
     * connection, if the clone came with one.
     */
    public DataSource dataSource() {
        return handOver;
    }

    /**
     * A connection of the caller's to close: the warm one the first time, if the clone came with one, else new.
     *
     * @throws IllegalStateException once this database is closed
     * @throws FraiseException       {@code SERVER_UNREACHABLE} when the server refuses the connection
     */
    public Connection connect() {
        if (closed.get()) {
            throw new IllegalStateException(closedMessage());
        }
        try {
            return openConnection();
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.SERVER_UNREACHABLE, "cannot connect to database " + name + ": "
                    + ConnectionFailure.describe(e, Optional.of(password)), null, e);
        }
    }

    private void requireNotClosed() throws SQLException {
        if (closed.get()) {
            throw new SQLException(closedMessage(), "08003");
        }
    }

    private String closedMessage() {
        return "database " + name + " is closed: its pool has dropped it or handed it out again under another name;"
                + " acquire a new one";
    }

    private Connection openConnection() throws SQLException {
        requireNotClosed();
        WarmConnection ready = warm.getAndSet(null);
        if (ready != null) {
            if (ready.usable(System.nanoTime())) {
                return ready.connection();
            }
            DatabaseAdmin.closeQuietly(ready.connection());
        }
        return dataSource.getConnection();
    }

    /** What the clone was made with, when its pool may recycle it. */
    Optional<CloneRecycling.Baseline> baseline() {
        return Optional.ofNullable(baseline);
    }

    /** Closes the warm connection if it was not handed over. */
    void discardWarmConnection() {
        WarmConnection unused = warm.getAndSet(null);
        if (unused != null) {
            DatabaseAdmin.closeQuietly(unused.connection());
        }
    }

    /**
     * Executes one or more SQL statements in auto-commit mode.
     *
     * @throws IllegalStateException when PostgreSQL rejects them, with its one-line message and the SQLSTATE:
     *                               {@code SQL failed on fraise_…: relation "x" does not exist (SQLSTATE 42P01)}
     */
    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + name + ": " + SqlScripts.describe(e), e);
        }
    }

    /**
     * Runs a query and returns its rows as a JSON array. When the query has one column (say
     * {@code SELECT data FROM v_post}), the array holds that column's values; otherwise it holds one object
     * per row. {@code ?} placeholders are bound to {@code parameters} in order.
     *
     * @throws IllegalStateException when PostgreSQL rejects the query, with its one-line message and the SQLSTATE
     */
    public String queryJson(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(String.format(JSON_ROWS, sql))) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed on " + name + ": " + SqlScripts.describe(e), e);
        }
    }

    /** Drops this database (in the background), after closing its warm connection if unused. Idempotent. */
    @Override
    public void close() {
        if (!closed.getAndSet(true)) {
            discardWarmConnection();
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "Database[" + name + " at " + jdbcUrl + "]";
    }
}
