package dev.fraise.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestFiles;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration commands on a real database. */
class MigratorTest {

    @TempDir
    Path project;

    ScratchDatabase db;

    @BeforeEach
    void database() throws Exception {
        db = ScratchDatabase.create();
        write("001_create_note.up.sql", "CREATE TABLE tb_note (pk_note int PRIMARY KEY, body text NOT NULL);\n");
        write("001_create_note.down.sql", "DROP TABLE tb_note;\n");
        write("002_add_tags.up.sql", "ALTER TABLE tb_note ADD COLUMN tags text[];\n");
        write("002_add_tags.down.sql", "ALTER TABLE tb_note DROP COLUMN tags;\n");
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
    }

    @Test
    void upAppliesEveryPendingMigrationAndRecordsItLikeConfiture() throws Exception {
        MigrationRun run;
        try (Connection c = db.connect()) {
            run = migrator().up(c);
            assertTrue(c.getAutoCommit(), "auto-commit restored");
        }

        assertEquals(List.of("001", "002"), run.versions());
        assertEquals(List.of("tags"), db.column("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'tb_note' AND column_name = 'tags'"));
        assertEquals(List.of("001|create_note|" + checksum("001_create_note.up.sql") + "|postgres",
                        "002|add_tags|" + checksum("002_add_tags.up.sql") + "|postgres"),
                db.column("SELECT concat_ws('|', version, name, checksum, applied_by) FROM tb_confiture ORDER BY pk_confiture"));
        assertEquals("2", db.value("SELECT count(*) FROM tb_confiture WHERE slug ~ ('^' || name || '_[0-9]{8}_[0-9]{6}$')"
                + " AND execution_time_ms >= 0 AND id IS NOT NULL"));
        try (Connection c = db.connect()) {
            assertEquals(List.of(), migrator().up(c).versions(), "nothing left to apply");
            assertTrue(migrator().status(c).upToDate());
        }
    }

    @Test
    void trackingTableHasConfituresColumnsAndIndexes() throws Exception {
        try (Connection c = db.connect()) {
            migrator().up(c);
        }
        assertEquals(List.of("id uuid NO gen_random_uuid()", "pk_confiture bigint NO ", "slug text NO ",
                        "version character varying NO ", "name character varying NO ",
                        "applied_at timestamp with time zone NO now()", "execution_time_ms integer YES ",
                        "checksum character varying YES ", "applied_by text YES "),
                db.column("SELECT concat_ws(' ', column_name, data_type, is_nullable, coalesce(column_default, ''))"
                        + " FROM information_schema.columns WHERE table_name = 'tb_confiture' ORDER BY ordinal_position"));
        assertEquals("ALWAYS", db.value("SELECT identity_generation FROM information_schema.columns"
                + " WHERE table_name = 'tb_confiture' AND column_name = 'pk_confiture'"));
        assertEquals(List.of("idx_tb_confiture_applied_at", "idx_tb_confiture_pk_confiture", "idx_tb_confiture_slug",
                        "idx_tb_confiture_version", "tb_confiture_pk_confiture_key", "tb_confiture_pkey",
                        "tb_confiture_slug_key", "tb_confiture_version_key"),
                db.column("SELECT indexname FROM pg_indexes WHERE tablename = 'tb_confiture' ORDER BY 1"));
        assertTrue(db.value("SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_tb_confiture_applied_at'")
                .endsWith("(applied_at DESC)"));
    }

    @Test
    void statusReportsAppliedPendingMissingFileAndChecksumMismatch() throws Exception {
        write("003_add_index.up.sql", "CREATE INDEX idx_note_body ON tb_note (body);\n");
        try (Connection c = db.connect()) {
            assertFalse(migrator().status(c).trackingTableExists());
            migrator().up(c, "002");
        }
        write("002_add_tags.up.sql", "ALTER TABLE tb_note ADD COLUMN tags text[] DEFAULT '{}';\n");
        Files.move(file("001_create_note.up.sql"), project.resolve("001_create_note.up.sql.bak"));
        Files.delete(file("001_create_note.down.sql"));

        MigrationStatus status;
        List<MigrationIssue> issues;
        try (Connection c = db.connect()) {
            status = migrator().status(c);
            issues = migrator().validate(c);
        }

        assertTrue(status.trackingTableExists());
        assertEquals(List.of("001"), status.versions(MigrationStatus.State.MISSING_FILE));
        assertEquals(List.of("002"), status.versions(MigrationStatus.State.CHECKSUM_MISMATCH));
        assertEquals(List.of("003"), status.versions(MigrationStatus.State.PENDING));
        assertFalse(status.upToDate());
        assertEquals(2, issues.size());
        assertEquals(ErrorCode.MIGRATION_FILE_MISSING, issues.get(0).code());
        assertEquals("db/migrations/001_create_note.up.sql", issues.get(0).location().toString());
        assertEquals(ErrorCode.MIGRATION_CHECKSUM_MISMATCH, issues.get(1).code());
        assertEquals("db/migrations/002_add_tags.up.sql", issues.get(1).location().toString());
    }

    @Test
    void upToATargetStopsThereAndAnUnknownTargetIsAnError() throws Exception {
        try (Connection c = db.connect()) {
            assertEquals(List.of("001"), migrator().up(c, "001").versions());
            FraiseException e = assertThrows(FraiseException.class, () -> migrator().up(c, "005"));
            assertEquals(ErrorCode.MIGRATION_TARGET_UNKNOWN, e.code());
            assertEquals(List.of("002"), migrator().status(c).versions(MigrationStatus.State.PENDING));
        }
    }

    @Test
    void editedAppliedMigrationStopsUpBeforeAnythingRuns() throws Exception {
        try (Connection c = db.connect()) {
            migrator().up(c, "001");
        }
        write("001_create_note.up.sql", "CREATE TABLE tb_note (pk_note bigint PRIMARY KEY, body text);\n");

        FraiseException e;
        try (Connection c = db.connect()) {
            e = assertThrows(FraiseException.class, () -> migrator().up(c));
        }

        assertEquals(ErrorCode.MIGRATION_CHECKSUM_MISMATCH, e.code());
        assertEquals("db/migrations/001_create_note.up.sql", e.location().orElseThrow().toString());
        assertTrue(e.detail().contains("nothing was applied"), e.detail());
        assertEquals("1", db.value("SELECT count(*) FROM tb_confiture"));
    }

    @Test
    void downRollsBackTheNewestFirstAndRemovesTheirRows() throws Exception {
        try (Connection c = db.connect()) {
            migrator().up(c);
            assertEquals(List.of("002"), migrator().down(c, 1).versions());
            assertEquals("0", db.value("SELECT count(*) FROM information_schema.columns WHERE column_name = 'tags'"));
            assertEquals(List.of("001"), db.column("SELECT version FROM tb_confiture"));
            migrator().up(c);
            assertEquals(List.of("002", "001"), migrator().down(c, 5).versions(), "at most what is applied");
        }
        assertEquals("0", db.value("SELECT count(*) FROM tb_confiture"));
        assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname = 'tb_note'"));
    }

    @Test
    void downIsRefusedWholeWhenADownFileIsMissing() throws Exception {
        write("003_add_index.up.sql", "CREATE INDEX idx_note_body ON tb_note (body);\n");
        try (Connection c = db.connect()) {
            migrator().up(c);
        }

        FraiseException e;
        try (Connection c = db.connect()) {
            e = assertThrows(FraiseException.class, () -> migrator().down(c, 2));
        }

        assertEquals(ErrorCode.MIGRATION_DOWN_MISSING, e.code());
        assertEquals("db/migrations/003_add_index.down.sql", e.location().orElseThrow().toString());
        assertTrue(e.detail().contains("nothing was rolled back"), e.detail());
        assertEquals(List.of("001", "002", "003"), db.column("SELECT version FROM tb_confiture ORDER BY version"));
        assertEquals("1", db.value("SELECT count(*) FROM information_schema.columns WHERE column_name = 'tags'"),
                "002 was not rolled back either");
    }

    @Test
    void failingMigrationLeavesSchemaAndTrackingTableUntouched() throws Exception {
        write("003_broken.up.sql", "CREATE TABLE tb_tag (pk_tag int PRIMARY KEY);\n"
                + "ALTER TABLE tb_note ADD COLUMN fk_tag int REFERENCES tb_tag;\n"
                + "INSERT INTO tb_note (pk_note, body) VALUES (1, NULL);\n");
        try (Connection c = db.connect()) {
            migrator().up(c, "002");
        }
        String before = catalog();

        FraiseException e;
        try (Connection c = db.connect()) {
            e = assertThrows(FraiseException.class, () -> migrator().up(c));
        }

        assertEquals(ErrorCode.MIGRATION_SQL_ERROR, e.code());
        assertEquals("db/migrations/003_broken.up.sql:3:1", e.location().orElseThrow().toString());
        assertTrue(e.detail().contains("SQLSTATE 23502"), e.detail());
        assertEquals(before, catalog(), "schema unchanged");
        assertEquals(List.of("001", "002"), db.column("SELECT version FROM tb_confiture ORDER BY version"));
        assertEquals(List.of(), db.column(MigrationLockTest.ADVISORY_LOCKS_HERE), "lock released");
    }

    @Test
    void syntaxErrorIsReportedAtFileLineAndColumn() throws Exception {
        write("003_typo.up.sql", "-- adds a view\n\nCREATE VIEW v_note AS\n  SELEC pk_note FROM tb_note;\n");

        FraiseException e;
        try (Connection c = db.connect()) {
            e = assertThrows(FraiseException.class, () -> migrator().up(c));
        }

        assertEquals(ErrorCode.MIGRATION_SQL_ERROR, e.code());
        assertEquals("db/migrations/003_typo.up.sql:4:3", e.location().orElseThrow().toString());
        assertTrue(e.getMessage().startsWith("MIGRATION_SQL_ERROR: db/migrations/003_typo.up.sql:4:3: syntax error"),
                e.getMessage());
        assertTrue(e.detail().contains("SQLSTATE 42601"), e.detail());
        assertEquals(List.of("001", "002"), db.column("SELECT version FROM tb_confiture ORDER BY version"),
                "the migrations before it are applied, each in its own transaction");
    }

    @Test
    void nonTransactionalStatementsRunInAutoCommitAndWrappersAreStripped() throws Exception {
        write("003_concurrent_index.up.sql", "CREATE INDEX CONCURRENTLY idx_note_body ON tb_note (body);\n");
        write("004_wrapped.up.sql", "BEGIN;\nCREATE TYPE note_kind AS ENUM ('a');\nCOMMIT;\n");
        write("005_enum_value.up.sql", "ALTER TYPE note_kind ADD VALUE 'b';\n");
        write("006_vacuum.up.sql", "/* maintenance */ VACUUM tb_note;\n");

        try (Connection c = db.connect()) {
            assertEquals(List.of("001", "002", "003", "004", "005", "006"), migrator().up(c).versions());
        }

        assertEquals("1", db.value("SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_note_body'"));
        assertEquals("{a,b}", db.value("SELECT enum_range(NULL::note_kind)::text"));
        assertEquals("6", db.value("SELECT count(*) FROM tb_confiture"));
    }

    @Test
    void failedNonTransactionalMigrationIsNotRecordedAndSaysWhatStayedApplied() throws Exception {
        write("003_concurrent.up.sql", "CREATE INDEX CONCURRENTLY idx_a ON tb_note (body);\n"
                + "CREATE INDEX CONCURRENTLY idx_b ON tb_note (no_such_column);\n");

        FraiseException e;
        try (Connection c = db.connect()) {
            e = assertThrows(FraiseException.class, () -> migrator().up(c));
        }

        assertEquals("db/migrations/003_concurrent.up.sql:2:1", e.location().orElseThrow().toString());
        assertEquals("1", db.value("SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_a'"));
        assertTrue(e.detail().contains("earlier statement(s) stay applied"), e.detail());
        assertEquals(List.of("001", "002"), db.column("SELECT version FROM tb_confiture ORDER BY version"));
    }

    @Test
    void transactionControlOtherThanWrappersIsRejected() throws Exception {
        write("003_rollback.up.sql", "CREATE TABLE x (id int);\nROLLBACK;\n");

        FraiseException e = assertThrows(FraiseException.class, () -> MigrationScanner.scan(config()));

        assertEquals(ErrorCode.MIGRATION_TRANSACTION_CONTROL, e.code());
        assertEquals("db/migrations/003_rollback.up.sql:2:1", e.location().orElseThrow().toString());
    }

    @Test
    void baselineMarksMigrationsAppliedWithoutRunningThem() throws Exception {
        try (Connection c = db.connect()) {
            assertEquals(List.of("001"), migrator().baseline(c, "001").versions());
            assertThrows(FraiseException.class, () -> migrator().up(c), "001 did not run, so 002 fails");
        }
        assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname = 'tb_note'"));
        assertEquals(checksum("001_create_note.up.sql") + "|t|t",
                db.value("SELECT concat_ws('|', checksum, execution_time_ms IS NULL, slug LIKE 'create_note_%_baseline')"
                        + " FROM tb_confiture"));
    }

    @Test
    void baselineWithoutTargetMarksEveryPendingMigrationAndKeepsTheApplied() throws Exception {
        try (Connection c = db.connect()) {
            migrator().up(c, "001");
            assertEquals(List.of("002"), migrator().baseline(c).versions());
            assertTrue(migrator().status(c).upToDate());
            assertEquals(List.of(), migrator().baseline(c).versions(), "nothing left to mark");
        }
        assertEquals("001:true|002:false", db.value("SELECT string_agg(version || ':' || (execution_time_ms IS NOT NULL),"
                + " '|' ORDER BY version) FROM tb_confiture"));
        assertEquals("0", db.value("SELECT count(*) FROM information_schema.columns WHERE column_name = 'tags'"),
                "002 was recorded, not run");
    }

    @Test
    void baselineWithoutMigrationsCreatesTheTrackingTable(@TempDir Path empty) throws Exception {
        Files.createDirectories(empty.resolve("db/migrations"));
        try (Connection c = db.connect()) {
            assertEquals(List.of(), Migrator.forProject(ProjectConfig.defaults(empty, "local")).baseline(c).versions());
        }
        assertEquals("0", db.value("SELECT count(*) FROM tb_confiture"));
    }

    @Test
    void executeUpAndDownRunOneMigrationWithoutTracking() throws Exception {
        Migrator migrator = migrator();
        Migration first = migrator.migrations().find("001").orElseThrow();
        try (Connection c = db.connect()) {
            migrator.executeUp(c, first);
            assertEquals("1", db.value("SELECT count(*) FROM pg_class WHERE relname = 'tb_note'"));
            migrator.executeDown(c, first);
        }
        assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname IN ('tb_note', 'tb_confiture')"));
    }

    @Test
    void schemaQualifiedTrackingTableIsCreatedInItsSchema() throws Exception {
        db.execute("CREATE SCHEMA ops");
        try (Connection c = db.connect()) {
            Migrator migrator = Migrator.of(MigrationScanner.scan(config()), "ops.tb_migrations");
            migrator.up(c);
            assertTrue(migrator.status(c).upToDate());
        }
        assertEquals("2", db.value("SELECT count(*) FROM ops.tb_migrations"));
        assertEquals("1", db.value("SELECT count(*) FROM pg_indexes WHERE schemaname = 'ops'"
                + " AND indexname = 'idx_tb_migrations_slug'"));
    }

    @Test
    void invalidTrackingTableNamesAreRejected() {
        for (String name : List.of("tb-confiture", "a.b.c", "public.user", "x; DROP TABLE y")) {
            FraiseException e = assertThrows(FraiseException.class,
                    () -> Migrator.of(MigrationScanner.scan(config()), name), name);
            assertEquals(ErrorCode.MIGRATION_TRACKING_TABLE_INVALID, e.code());
        }
    }

    private Migrator migrator() {
        return Migrator.forProject(config());
    }

    private ProjectConfig config() {
        return ProjectConfig.defaults(project, "local");
    }

    private void write(String name, String content) {
        TestFiles.write(project, "db/migrations/" + name, content);
    }

    private Path file(String name) {
        return project.resolve("db/migrations/" + name);
    }

    private String checksum(String name) {
        return MigrationScanner.sha256(file(name));
    }

    /** Relations and columns of the public schema, excluding the tracking table. */
    private String catalog() throws Exception {
        return String.join(",", db.column("SELECT c.relname || '.' || coalesce(a.attname, '') FROM pg_class c"
                + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
                + " WHERE c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE '%confiture%'"
                + " ORDER BY 1"));
    }
}
