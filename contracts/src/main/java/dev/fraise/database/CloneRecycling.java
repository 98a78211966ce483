package dev.fraise.database;

import dev.fraise.error.InvalidSetting;
import dev.fraise.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a closed clone back to its pool when its test left it exactly as it was made, instead of dropping it and
 * copying the template again (the server's CPU per clone, not the hand-over, is what short tests wait for).
 *
 * <p>A clone is recycled only when all of these hold, checked in this order once it is closed (after a glance at its
 * statistics, which drops most changed clones at once):
 * <ol>
 *   <li>no session is connected to it, and renaming it succeeds: the rename fails while anyone is connected, and
 *       afterwards no data source or URL handed out earlier reaches it;</li>
 *   <li>no buffer of it is dirty ({@code pg_buffercache}): every change to a page of a database marks its buffer
 *       dirty until it is written to the page's file;</li>
 *   <li>its files, in its directory and under every tablespace, are those it was made with, still bearing the
 *       modification time set an hour back when it was made ({@link CloneFiles}), which any write replaces: no
 *       changed page was written out in between — by a checkpoint that another clone's {@code CREATE DATABASE}
 *       ran, say;</li>
 *   <li>its row in {@code pg_database}, its settings ({@code ALTER DATABASE … SET}), comment and security labels,
 *       which live in shared catalogs, are as they were made.</li>
 * </ol>
 * Its statistics are reset before it is handed out again. Only clones copied file by file ({@code FILE_COPY}, or
 * PostgreSQL 14) of a server running on this machine qualify. Reading a clone changes nothing in it because
 * templates are vacuumed once built (hint bits set).
 */
final class CloneRecycling {

    /** The system property that turns recycling off ({@code -Dfraise.pool.recycle=false}). */
    static final String PROPERTY = "fraise.pool.recycle";

    private static final Logger LOG = LoggerFactory.getLogger(CloneRecycling.class);
    /** How long a closed clone's sessions may take to end before it is dropped instead. */
    private static final long DISCONNECT_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final String SHARED_STATE = "SELECT d.oid, (to_jsonb(d) - 'datname' - 'datfrozenxid'"
            + " - 'datminmxid')::text"
            + " || coalesce((SELECT string_agg(s::text, ',' ORDER BY s::text) FROM pg_db_role_setting s"
            + " WHERE s.setdatabase = d.oid), '')"
            + " || coalesce((SELECT string_agg(c.description, ',' ORDER BY c.description) FROM pg_shdescription c"
            + " WHERE c.objoid = d.oid AND c.classoid = 'pg_database'::regclass), '')"
            + " || coalesce((SELECT string_agg(l.provider || l.label, ',' ORDER BY l.provider) FROM pg_shseclabel l"
            + " WHERE l.objoid = d.oid AND l.classoid = 'pg_database'::regclass), '')"
            + " || (SELECT count(*) FROM pg_subscription WHERE subdbid = d.oid)"
            + " FROM pg_database d WHERE d.datname = ?";

    /** What a clone was made with: its oid, its shared-catalog state, its files. */
    record Baseline(long oid, String shared, CloneFiles files) {
    }

    /** A database's oid and its state in shared catalogs ({@link #SHARED_STATE}). */
    private record SharedState(long oid, String state) {
    }

    /**
     * What became of a closed clone.
     *
     * @param name   its name now: the new one once renamed
     * @param change why it was not recycled; empty when it was
     */
    record Verdict(String name, Optional<String> change) {

        boolean recycled() {
            return change.isEmpty();
        }
    }

    private final Path dataDirectory;

    private CloneRecycling(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /**
     * Recycling for a pool on {@code server} with {@code options}; empty when the options turn it off (see
     * {@link #enabled} for the system property), or the server is not local, copies clones through the WAL, or lacks
     * {@code pg_buffercache} (created in the maintenance database on {@code admin} when missing).
     */
    static Optional<CloneRecycling> on(PostgresServer server, Connection admin, PoolOptions options) {
        if (!options.recycle()) {
            return Optional.empty();
        }
        Optional<Path> dataDirectory = server.localDataDirectory();
        if (dataDirectory.isEmpty()
                || server.majorVersion() >= 15 && options.strategy().on(server) != CloneStrategy.FILE_COPY) {
            return Optional.empty();
        }
        if (!bufferCacheReady(admin)) {
            return Optional.empty();
        }
        return Optional.of(new CloneRecycling(dataDirectory.get()));
    }

    /**
     * Whether {@code systemProperties} leave recycling on ({@value #PROPERTY} absent or {@code true}).
     *
     * @throws dev.fraise.error.FraiseException {@code SETTING_INVALID} when it is neither {@code true} nor
     *                                          {@code false}
     */
    static boolean enabled(Map<?, ?> systemProperties) {
        Object property = systemProperties.get(PROPERTY);
        if (property == null) {
            return true;
        }
        String value = property.toString().trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return value.equalsIgnoreCase("true");
        }
        throw InvalidSetting.of("system property " + PROPERTY, value, "true, false");
    }

    private static boolean bufferCacheReady(Connection admin) {
        try (Statement s = admin.createStatement()) {
            try {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_buffercache");
            } catch (SQLException raced) {
                LOG.debug("CREATE EXTENSION pg_buffercache: {}", raced.getMessage());
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_buffercache WHERE false")) {
                return rs.next();
            }
        } catch (SQLException e) {
            LOG.info("Fraise drops every closed clone: pg_buffercache is not available ({})", e.getMessage());
            return false;
        }
    }

    /**
     * What the new clone {@code name}, which no one uses yet, was made with, its files stamped
     * ({@link CloneFiles#stamp}); empty when they cannot be.
     */
    Optional<Baseline> baseline(Connection session, String name) throws SQLException {
        return sharedState(session, name).flatMap(shared -> CloneFiles.stamp(dataDirectory, shared.oid())
                .map(files -> new Baseline(shared.oid(), shared.state(), files)));
    }

    private static Optional<SharedState> sharedState(Connection session, String name) throws SQLException {
        try (PreparedStatement s = session.prepareStatement(SHARED_STATE)) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new SharedState(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /**
     * Renames the closed clone {@code name} to {@code newName} and checks that it is as {@code baseline} says it was
     * made.
     */
    Verdict recycle(Connection session, String name, String newName, Baseline baseline) throws SQLException {
        if (!awaitNoSessions(session, baseline.oid())) {
            return new Verdict(name, Optional.of("a session is still connected"));
        }
        if (rowsChanged(session, baseline.oid())) {
            return new Verdict(name, Optional.of("rows of it changed"));
        }
        try (Statement s = session.createStatement()) {
            s.execute("ALTER DATABASE " + DatabaseAdmin.quote(name) + " RENAME TO " + DatabaseAdmin.quote(newName));
        } catch (SQLException e) {
            return new Verdict(name, Optional.of("cannot rename it: " + e.getMessage()));
        }
        if (dirtyBuffers(session, baseline.oid()) > 0) {
            return new Verdict(newName, Optional.of("a page of it changed"));
        }
        if (!baseline.files().unchanged(dataDirectory, baseline.oid())) {
            return new Verdict(newName, Optional.of("its files changed"));
        }
        Optional<SharedState> now = sharedState(session, newName);
        if (now.isEmpty() || !now.get().state().equals(baseline.shared())) {
            return new Verdict(newName, Optional.of("its database settings changed"));
        }
        return new Verdict(newName, Optional.empty());
    }

    private static boolean awaitNoSessions(Connection session, long oid) throws SQLException {
        long deadline = System.nanoTime() + DISCONNECT_WAIT_NANOS;
        while (count(session, "SELECT count(*) FROM pg_stat_activity WHERE datid = ?::oid", oid) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the statistics say that rows (of tables or catalogs) changed: a quick way to drop most changed clones
     * without the checks below. Statistics can be turned off ({@code track_counts}), so a clone they call unchanged
     * still gets every check.
     */
    private static boolean rowsChanged(Connection session, long oid) throws SQLException {
        return count(session, "SELECT sum(tup_inserted + tup_updated + tup_deleted) FROM pg_stat_database"
                + " WHERE datid = ?::oid", oid) > 0;
    }

    private static long dirtyBuffers(Connection session, long oid) throws SQLException {
        return count(session, "SELECT count(*) FROM pg_buffercache WHERE reldatabase = ?::oid AND isdirty", oid);
    }

    /** The one number {@code sql} gives for the database {@code oid} (its one parameter); 0 for no row or null. */
    private static long count(Connection session, String sql, long oid) throws SQLException {
        try (PreparedStatement s = session.prepareStatement(sql)) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
