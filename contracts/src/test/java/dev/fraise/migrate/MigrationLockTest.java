package dev.fraise.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestFiles;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Confiture's advisory lock: the same keys, a bounded wait, always released. */
class MigrationLockTest {

    /** Confiture's lock, its key computed in SQL independently of {@link MigrationLock#lockId}. */
    private static final String CONFITURE_LOCK = "SELECT pg_advisory_lock(1751936052, (('x' || substr(encode("
            + "sha256(convert_to(current_database(), 'UTF8')), 'hex'), 1, 8))::bit(32)::int & 2147483647))";
    /** Advisory locks taken on the test's database (template pools hold their leases from the maintenance one). */
    static final String ADVISORY_LOCKS_HERE = "SELECT objid FROM pg_locks WHERE locktype = 'advisory'"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    @TempDir
    Path project;

    ScratchDatabase db;

    @BeforeEach
    void database() throws Exception {
        db = ScratchDatabase.create();
        TestFiles.write(project, "db/migrations/001_create_note.up.sql", "CREATE TABLE tb_note (id int);\n");
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
    }

    @Test
    void lockIdIsConfituresSha256OfTheDatabaseName() {
        // int.from_bytes(sha256(name.encode())[:4], 'big') & 0x7FFFFFFF, computed with Python
        assertEquals(692237180, MigrationLock.lockId("postgres"));
        assertEquals(1427557722, MigrationLock.lockId("fraise"));
    }

    @Test
    void waitsAtMostTheLockTimeoutForAnotherHolderThenSucceedsOnceItIsReleased() throws Exception {
        Migrator migrator = Migrator.forProject(ProjectConfig.defaults(project, "local"))
                .withLockTimeout(Duration.ofMillis(300));
        try (Connection holder = db.connect(); Connection c = db.connect()) {
            try (Statement s = holder.createStatement()) {
                s.execute(CONFITURE_LOCK);
            }
            long start = System.nanoTime();
            FraiseException e = assertThrows(FraiseException.class, () -> migrator.up(c));
            long waited = (System.nanoTime() - start) / 1_000_000;

            assertEquals(ErrorCode.MIGRATION_LOCK_TIMEOUT, e.code());
            assertTrue(e.detail().contains("pg_advisory_lock(1751936052, "), e.detail());
            assertTrue(waited >= 250 && waited < 5_000, "waited " + waited + " ms");
            assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname IN ('tb_note', 'tb_confiture')"));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW lock_timeout")) {
                rs.next();
                assertEquals("0", rs.getString(1), "the session's lock_timeout is restored");
            }

            try (Statement s = holder.createStatement()) {
                s.execute("SELECT pg_advisory_unlock_all()");
            }
            assertEquals(List.of("001"), migrator.up(c).versions());
        }
        assertEquals(List.of(), db.column(ADVISORY_LOCKS_HERE),
                "released after the run");
    }

    @Test
    void zeroTimeoutTriesOnce() throws Exception {
        Migrator migrator = Migrator.forProject(ProjectConfig.defaults(project, "local")).withLockTimeout(Duration.ZERO);
        try (Connection holder = db.connect(); Connection c = db.connect()) {
            try (Statement s = holder.createStatement()) {
                s.execute(CONFITURE_LOCK);
            }
            assertEquals(ErrorCode.MIGRATION_LOCK_TIMEOUT, assertThrows(FraiseException.class, () -> migrator.up(c)).code());
        }
    }

    @Test
    void lockIsReleasedWhenTheMigrationFails() throws Exception {
        TestFiles.write(project, "db/migrations/002_broken.up.sql", "SELECT * FROM no_such_table;\n");
        Migrator migrator = Migrator.forProject(ProjectConfig.defaults(project, "local"));
        try (Connection c = db.connect()) {
            assertThrows(FraiseException.class, () -> migrator.up(c));
            assertEquals(List.of(), db.column(ADVISORY_LOCKS_HERE));
            assertEquals(ErrorCode.MIGRATION_DOWN_MISSING, assertThrows(FraiseException.class,
                    () -> migrator.down(c, 1)).code());
            assertEquals(List.of(), db.column(ADVISORY_LOCKS_HERE));
        }
    }
}
