package dev.fraise.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestFiles;
import dev.fraise.config.ProjectConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database migrated by Confiture continues under Fraise, and the other way round. */
class ConfitureCompatibilityTest {

    /** Confiture's tracking table as created before 0.17 (no applied_by), verbatim from core/_migrator/state.py. */
    private static final String CONFITURE_TABLE = """
            CREATE TABLE IF NOT EXISTS "tb_confiture" (
                id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
                pk_confiture BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                slug TEXT NOT NULL UNIQUE,
                version VARCHAR(255) NOT NULL UNIQUE,
                name VARCHAR(255) NOT NULL,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
                execution_time_ms INTEGER,
                checksum VARCHAR(64)
            );
            CREATE INDEX IF NOT EXISTS "idx_tb_confiture_pk_confiture" ON "tb_confiture"(pk_confiture);
            CREATE INDEX IF NOT EXISTS "idx_tb_confiture_slug" ON "tb_confiture"(slug);
            CREATE INDEX IF NOT EXISTS "idx_tb_confiture_version" ON "tb_confiture"(version);
            CREATE INDEX IF NOT EXISTS "idx_tb_confiture_applied_at" ON "tb_confiture"(applied_at DESC);
            """;
    /** Confiture's record_migration (core/_migrator/apply.py); the checksum is sha256 hex of the file's bytes. */
    private static final String CONFITURE_RECORD = "INSERT INTO \"tb_confiture\""
            + " (id, slug, version, name, execution_time_ms, checksum, applied_by)"
            + " VALUES (gen_random_uuid(), ?, ?, ?, ?, encode(sha256(convert_to(?, 'UTF8')), 'hex'), current_user)";

    private static final String M1 = "CREATE TABLE tb_note (pk_note int PRIMARY KEY);\n";
    private static final String M2 = "ALTER TABLE tb_note ADD COLUMN body text;\n";
    private static final String M3 = "CREATE INDEX idx_note_body ON tb_note (body);\n";

    @TempDir
    Path project;

    ScratchDatabase db;

    @BeforeEach
    void files() throws Exception {
        db = ScratchDatabase.create();
        TestFiles.write(project, "db/migrations/001_create_note.up.sql", M1);
        TestFiles.write(project, "db/migrations/002_add_body.up.sql", M2);
        TestFiles.write(project, "db/migrations/003_index_body.up.sql", M3);
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
    }

    @Test
    void fraiseContinuesATrackingTableConfitureCreatedAndFilled() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA ops; SET search_path TO ops, public");
            s.execute(CONFITURE_TABLE);
            s.execute(M1);
            s.execute("INSERT INTO tb_confiture (slug, version, name, execution_time_ms, checksum) VALUES"
                    + " ('create_note_20260101_120000', '001', 'create_note', 12,"
                    + " encode(sha256(convert_to('" + M1.replace("'", "''") + "', 'UTF8')), 'hex'))");
            s.execute(M2);
            s.execute("INSERT INTO tb_confiture (slug, version, name) VALUES"
                    + " ('add_body_20260101_120001_baseline', '002', 'add_body')");

            Migrator migrator = Migrator.forProject(ProjectConfig.defaults(project, "local"));
            MigrationStatus status = migrator.status(c);
            assertEquals(List.of("001", "002"), status.versions(MigrationStatus.State.APPLIED),
                    "the bare name resolves through search_path to ops.tb_confiture");
            assertEquals(List.of(), migrator.validate(c), "a NULL checksum (old baseline) is not a mismatch");

            assertEquals(List.of("003"), migrator.up(c).versions());
        }
        assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname = 'tb_confiture'"
                + " AND relnamespace = 'public'::regnamespace"), "no second tracking table");
        assertEquals(List.of("1|001|", "2|002|", "3|003|postgres"), db.column("SELECT concat_ws('|', pk_confiture,"
                + " version, coalesce(applied_by, '')) FROM ops.tb_confiture ORDER BY pk_confiture"),
                "identity continues; applied_by added as Confiture 0.17 adds it");
        assertEquals("1", db.value("SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_note_body'"));
    }

    @Test
    void confitureContinuesATrackingTableFraiseCreated() throws Exception {
        try (Connection c = db.connect()) {
            Migrator migrator = Migrator.forProject(ProjectConfig.defaults(project, "local"));
            migrator.up(c, "002");
            try (Statement s = c.createStatement()) {
                s.execute(M3);
            }
            try (PreparedStatement s = c.prepareStatement(CONFITURE_RECORD)) {
                s.setString(1, "index_body_20260101_120002");
                s.setString(2, "003");
                s.setString(3, "index_body");
                s.setInt(4, 7);
                s.setString(5, M3);
                s.executeUpdate();
            }

            assertTrue(migrator.status(c).upToDate(), "Fraise accepts Confiture's row and checksum");
            assertEquals(List.of(), migrator.validate(c));
        }
        assertEquals(List.of("001", "002", "003"), db.column("SELECT version FROM tb_confiture ORDER BY applied_at ASC"),
                "Confiture's get_applied_versions query");
    }
}
