package dev.fraise.migrate;

import dev.fraise.build.SqlScripts;
import dev.fraise.build.SqlStatement;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a project's migrations against a database, Confiture-compatibly: the same tracking table, checksums,
 * order and lock, so Fraise and Confiture can take turns on one database.
 *
 * <ul>
 *   <li>Each migration runs in its own transaction, and its tracking row is written in that transaction:
 *       a failing migration leaves neither schema nor tracking table changed. A file with a statement that
 *       cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM},
 *       {@code ALTER TYPE ... ADD VALUE}, ...) runs statement by statement in auto-commit mode instead.</li>
 *   <li>{@code BEGIN}/{@code COMMIT} wrappers in files are stripped; other transaction control is rejected.</li>
 *   <li>{@code up}, {@code down} and {@code baseline} hold Confiture's advisory lock for their whole run, so
 *       concurrent runs (threads, JVMs, Confiture itself) apply each migration exactly once.</li>
 * </ul>
 *
 * <p>Commands take a {@link Connection} to the target database and use it in auto-commit mode (an open
 * transaction on it is committed first); its auto-commit setting is restored afterwards. Failures are
 * {@link FraiseException}s: {@code MIGRATION_SQL_ERROR} at {@code file:line:col} with the SQLSTATE,
 * {@code MIGRATION_CHECKSUM_MISMATCH}, {@code MIGRATION_DOWN_MISSING}, {@code MIGRATION_TARGET_UNKNOWN},
 * {@code MIGRATION_LOCK_TIMEOUT}.
 */
public final class Migrator {

    /** How long {@code up}, {@code down} and {@code baseline} wait for another run's lock by default. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final MigrationSet migrations;
    private final TrackingTable table;
    private final Duration lockTimeout;

    private Migrator(MigrationSet migrations, TrackingTable table, Duration lockTimeout) {
        this.migrations = Objects.requireNonNull(migrations, "migrations");
        this.table = table;
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lock timeout must not be negative: " + lockTimeout);
        }
    }

    /**
     * A migrator for {@code migrations}, tracked in {@code trackingTable} (bare, resolved through
     * {@code search_path}, or schema-qualified).
     *
     * @throws FraiseException {@code MIGRATION_TRACKING_TABLE_INVALID}
     */
    public static Migrator of(MigrationSet migrations, String trackingTable) {
        return new Migrator(migrations, TrackingTable.named(trackingTable, null), DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * A migrator for the project's migrations directory and {@code migration.tracking_table}.
     *
     * @throws FraiseException the {@link MigrationScanner} errors, or {@code MIGRATION_TRACKING_TABLE_INVALID}
     */
    public static Migrator forProject(ProjectConfig config) {
        SourceLocation where = config.source()
                .map(f -> SourceLocation.of(f.startsWith(config.projectDir()) ? config.projectDir().relativize(f) : f))
                .orElse(null);
        return new Migrator(MigrationScanner.scan(config), TrackingTable.named(config.trackingTable(), where),
                DEFAULT_LOCK_TIMEOUT);
    }

    /** A copy that waits at most {@code timeout} for the migration lock; zero tries once. */
    public Migrator withLockTimeout(Duration timeout) {
        return new Migrator(migrations, table, timeout);
    }

    /** The migrations this migrator knows. */
    public MigrationSet migrations() {
        return migrations;
    }

    /** The tracking table's name as configured. */
    public String trackingTable() {
        return table.name();
    }

    /** Every migration's state. Reads only; a missing tracking table means everything is pending. */
    public MigrationStatus status(Connection connection) {
        return sql(() -> status(connection, table.exists(connection)));
    }

    /**
     * Integrity of the database against the files: each applied migration whose {@code .up.sql} changed
     * ({@code MIGRATION_CHECKSUM_MISMATCH}) or no longer exists ({@code MIGRATION_FILE_MISSING}).
     *
     * @return the findings; empty when the database and the files agree
     */
    public List<MigrationIssue> validate(Connection connection) {
        List<MigrationIssue> issues = new ArrayList<>();
        for (MigrationStatus.Entry entry : status(connection).entries()) {
            if (entry.state() == MigrationStatus.State.CHECKSUM_MISMATCH) {
                issues.add(checksumIssue(entry.migration().orElseThrow(), entry.applied().orElseThrow()));
            } else if (entry.state() == MigrationStatus.State.MISSING_FILE) {
                AppliedMigration row = entry.applied().orElseThrow();
                issues.add(new MigrationIssue(ErrorCode.MIGRATION_FILE_MISSING, "applied on " + row.appliedAt()
                        + ", but the file is gone; restore it from version control",
                        migrations.locate(migrations.directory().resolve(row.version() + "_" + row.name() + ".up.sql"))));
            }
        }
        return issues;
    }

    /** Applies every pending migration, in version order. */
    public MigrationRun up(Connection connection) {
        return up(connection, Optional.empty());
    }

    /**
     * Applies the pending migrations up to and including {@code targetVersion}.
     *
     * @throws FraiseException {@code MIGRATION_TARGET_UNKNOWN} when no migration has that version
     */
    public MigrationRun up(Connection connection, String targetVersion) {
        requireVersion(targetVersion);
        return up(connection, Optional.of(targetVersion));
    }

    private MigrationRun up(Connection connection, Optional<String> target) {
        long start = System.nanoTime();
        migrations.warnings().forEach(w -> LOG.warn("{}", w));
        return locked(connection, () -> {
            table.ensure(connection);
            MigrationStatus status = status(connection, true);
            failOnChecksumMismatch(status);
            List<Migration> pending = status.pending().stream()
                    .filter(m -> target.isEmpty() || m.version().compareTo(target.get()) <= 0)
                    .toList();
            Map<Migration, MigrationScript> scripts = new HashMap<>();
            for (Migration m : pending) {
                scripts.put(m, MigrationScript.read(m.upFile(), migrations.display(m.upFile())));
            }
            for (Migration m : pending) {
                int millis = run(connection, scripts.get(m), elapsed -> table.insert(connection, m, elapsed, ""));
                LOG.info("applied migration {} in {} ms", m.id(), millis);
            }
            return new MigrationRun(pending, since(start));
        });
    }

    /**
     * Rolls back the {@code steps} most recently applied migrations (by {@code applied_at}), newest first, each
     * with its {@code .down.sql} in its own transaction together with the removal of its tracking row.
     *
     * @throws FraiseException {@code MIGRATION_DOWN_MISSING}, before anything runs, when one of them has no
     *                         {@code .down.sql} (or no file at all)
     */
    public MigrationRun down(Connection connection, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1: " + steps);
        }
        long start = System.nanoTime();
        return locked(connection, () -> {
            if (!table.exists(connection)) {
                return new MigrationRun(List.of(), since(start));
            }
            List<AppliedMigration> rows = table.rows(connection);
            List<AppliedMigration> newest = new ArrayList<>(rows.subList(Math.max(0, rows.size() - steps), rows.size()));
            Collections.reverse(newest);
            List<Migration> targets = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (AppliedMigration row : newest) {
                Optional<Migration> m = migrations.find(row.version());
                if (m.isEmpty() || m.get().downFile().isEmpty()) {
                    missing.add(row.version() + "_" + row.name() + ".down.sql");
                } else {
                    targets.add(m.get());
                }
            }
            if (!missing.isEmpty()) {
                throw new FraiseException(ErrorCode.MIGRATION_DOWN_MISSING, "cannot roll back " + newest.size()
                        + " migration(s): missing " + String.join(", ", missing) + "; nothing was rolled back",
                        migrations.locate(migrations.directory().resolve(missing.get(0))));
            }
            Map<Migration, MigrationScript> scripts = new HashMap<>();
            for (Migration m : targets) {
                Path down = m.downFile().orElseThrow();
                scripts.put(m, MigrationScript.read(down, migrations.display(down)));
            }
            for (Migration m : targets) {
                int millis = run(connection, scripts.get(m), elapsed -> table.delete(connection, m.version()));
                LOG.info("rolled back migration {} in {} ms", m.id(), millis);
            }
            return new MigrationRun(targets, since(start));
        });
    }

    /**
     * Marks every migration up to and including {@code throughVersion} as applied without running it (for a
     * database built some other way), in one transaction. Rows get the file's checksum, no execution time and
     * the slug suffix {@code _baseline}; migrations already applied are left alone.
     *
     * @throws FraiseException {@code MIGRATION_TARGET_UNKNOWN}
     */
    public MigrationRun baseline(Connection connection, String throughVersion) {
        requireVersion(throughVersion);
        return baseline(connection, Optional.of(throughVersion));
    }

    /**
     * Marks every migration as applied without running it, as {@link #baseline(Connection, String)} through the
     * newest version does: for a database the schema files built, which already has what the migrations create.
     * Creates the tracking table even when there is no migration.
     */
    public MigrationRun baseline(Connection connection) {
        return baseline(connection, Optional.empty());
    }

    private MigrationRun baseline(Connection connection, Optional<String> through) {
        long start = System.nanoTime();
        return locked(connection, () -> {
            table.ensure(connection);
            List<Migration> marked = status(connection, true).pending().stream()
                    .filter(m -> through.isEmpty() || m.version().compareTo(through.get()) <= 0)
                    .toList();
            connection.setAutoCommit(false);
            try {
                for (Migration m : marked) {
                    table.insert(connection, m, null, "_baseline");
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return new MigrationRun(marked, since(start));
        });
    }

    /**
     * Runs {@code migration}'s {@code .up.sql} alone, as {@code up} would (own transaction unless it cannot
     * have one), without the lock and without touching the tracking table. For gates that compare the database
     * before and after a migration.
     */
    public void executeUp(Connection connection, Migration migration) {
        execute(connection, migration.upFile());
    }

    /**
     * Runs {@code migration}'s {@code .down.sql} alone, like {@link #executeUp}.
     *
     * @throws FraiseException {@code MIGRATION_DOWN_MISSING} when it has none
     */
    public void executeDown(Connection connection, Migration migration) {
        Path down = migration.downFile().orElseThrow(() -> new FraiseException(ErrorCode.MIGRATION_DOWN_MISSING,
                "migration " + migration.id() + " has no .down.sql", migrations.locate(migration.upFile())));
        execute(connection, down);
    }

    private void execute(Connection connection, Path file) {
        MigrationScript script = MigrationScript.read(file, migrations.display(file));
        sql(() -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                return run(connection, script, null);
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        });
    }

    private MigrationStatus status(Connection connection, boolean tableExists) throws SQLException {
        Map<String, AppliedMigration> applied = new TreeMap<>();
        if (tableExists) {
            for (AppliedMigration row : table.rows(connection)) {
                applied.put(row.version(), row);
            }
        }
        Map<String, MigrationStatus.Entry> entries = new TreeMap<>();
        for (Migration m : migrations.migrations()) {
            AppliedMigration row = applied.get(m.version());
            MigrationStatus.State state = row == null ? MigrationStatus.State.PENDING
                    : row.checksum().isPresent() && !row.checksum().get().equals(m.checksum())
                    ? MigrationStatus.State.CHECKSUM_MISMATCH : MigrationStatus.State.APPLIED;
            entries.put(m.version(), new MigrationStatus.Entry(m.version(), m.name(), state, Optional.of(m),
                    Optional.ofNullable(row)));
        }
        for (AppliedMigration row : applied.values()) {
            entries.putIfAbsent(row.version(), new MigrationStatus.Entry(row.version(), row.name(),
                    MigrationStatus.State.MISSING_FILE, Optional.empty(), Optional.of(row)));
        }
        return new MigrationStatus(tableExists, new ArrayList<>(entries.values()));
    }

    private void failOnChecksumMismatch(MigrationStatus status) {
        for (MigrationStatus.Entry entry : status.entries()) {
            if (entry.state() == MigrationStatus.State.CHECKSUM_MISMATCH) {
                MigrationIssue issue = checksumIssue(entry.migration().orElseThrow(), entry.applied().orElseThrow());
                throw new FraiseException(issue.code(), issue.message() + "; nothing was applied", issue.location());
            }
        }
    }

    private MigrationIssue checksumIssue(Migration m, AppliedMigration row) {
        return new MigrationIssue(ErrorCode.MIGRATION_CHECKSUM_MISMATCH, "changed since it was applied on "
                + row.appliedAt() + " (checksum " + abbreviate(row.checksum().orElse("")) + ", now "
                + abbreviate(m.checksum()) + "); never edit an applied migration: restore it and add a new one",
                migrations.locate(m.upFile()));
    }

    private void requireVersion(String version) {
        Objects.requireNonNull(version, "version");
        if (migrations.find(version).isEmpty()) {
            throw new FraiseException(ErrorCode.MIGRATION_TARGET_UNKNOWN, "no migration has version " + version
                    + "; the versions are " + migrations.migrations().stream().map(Migration::version).toList(),
                    migrations.locate(migrations.directory()));
        }
    }

    /**
     * Runs {@code script} on {@code c} (in auto-commit mode on entry and on exit): in one transaction together
     * with {@code tracking}, or statement by statement when it cannot run in a transaction.
     *
     * @return the statements' execution time in milliseconds
     */
    private static int run(Connection c, MigrationScript script, Tracking tracking) throws SQLException {
        long start = System.nanoTime();
        if (!script.transactional()) {
            LOG.info("{} runs outside a transaction because of {}", script.file(), script.nonTransactional());
            executeStatements(c, script, true);
            int millis = millisSince(start);
            if (tracking != null) {
                tracking.record(millis);
            }
            return millis;
        }
        c.setAutoCommit(false);
        try {
            executeStatements(c, script, false);
            int millis = millisSince(start);
            if (tracking != null) {
                tracking.record(millis);
            }
            commit(c, script);
            return millis;
        } catch (SQLException | RuntimeException e) {
            rollback(c, e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void executeStatements(Connection c, MigrationScript script, boolean autoCommit)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            int done = 0;
            for (SqlStatement statement : script.statements()) {
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    FraiseException error = SqlScripts.statementError(ErrorCode.MIGRATION_SQL_ERROR, script.file(),
                            statement, e);
                    if (autoCommit && done > 0) {
                        throw new FraiseException(error.code(), error.detail() + " (the file ran outside a"
                                + " transaction: its " + done + " earlier statement(s) stay applied)",
                                error.location().orElse(null), e);
                    }
                    throw error;
                }
                done++;
            }
        }
    }

    private static void commit(Connection c, MigrationScript script) {
        try {
            c.commit();
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.MIGRATION_SQL_ERROR, "COMMIT failed: " + SqlScripts.describe(e),
                    SourceLocation.of(script.file()), e);
        }
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Runs {@code work} in auto-commit mode holding the migration lock, restoring auto-commit afterwards. */
    @SuppressWarnings("try") // the lock is held for the block's duration, never referenced in it
    private <T> T locked(Connection connection, SqlWork<T> work) {
        return sql(() -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (MigrationLock held = MigrationLock.acquire(connection, lockTimeout)) {
                return work.run();
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        });
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            LOG.warn("cannot restore auto-commit on the migration connection: {}", e.getMessage());
        }
    }

    private <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.MIGRATION_SQL_ERROR, "migration bookkeeping on tracking table "
                    + table + " failed: " + SqlScripts.describe(e), null, e);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static int millisSince(long startNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static String abbreviate(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) + "…" : checksum;
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface Tracking {
        void record(int executionMillis) throws SQLException;
    }

    @Override
    public String toString() {
        return "Migrator[" + migrations.migrations().size() + " migrations in " + migrations.directory() + ", "
                + table + "]";
    }
}
