package dev.fraise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.database.Database;
import dev.fraise.database.TemplatePool;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.migrate.Migrator;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With migrations on, a project with schema files is built from them and its migrations are recorded as applied
 * without running (Confiture's {@code migrate baseline}), so the database is the DDL's; a project without schema
 * files is built by running its migrations.
 */
class MigratedTemplateTest {

    private static final String TABLE = "CREATE TABLE IF NOT EXISTS tb_memo (pk_memo INTEGER PRIMARY KEY,"
            + " title TEXT NOT NULL, body TEXT);\n";
    private static final String NEWER_VIEW = "CREATE OR REPLACE VIEW v_memo AS SELECT pk_memo AS id,"
            + " jsonb_build_object('title', title, 'body', body) AS data FROM tb_memo;\n";
    private static final String OLDER_VIEW = "CREATE OR REPLACE VIEW v_memo AS SELECT pk_memo AS id,"
            + " jsonb_build_object('title', title) AS data FROM tb_memo;\n";

    @Test
    void aMigrationThatRecreatesAViewWithAnOlderDefinitionDoesNotReplaceTheDdls(@TempDir Path project)
            throws Exception {
        TestFiles.write(project, "db/schema/10_tb_memo.sql", TABLE);
        TestFiles.write(project, "db/schema/20_v_memo.sql", NEWER_VIEW);
        TestFiles.write(project, "db/seeds/10_memos.sql", "INSERT INTO tb_memo VALUES (1, 'first', 'text');\n");
        TestFiles.write(project, "db/migrations/001_create_memo.up.sql", TABLE + OLDER_VIEW);
        TestFiles.write(project, "db/migrations/002_touch_memo_view.up.sql", OLDER_VIEW);

        FraiseSettings settings = FraiseSettings.forProject(project).withSeeds(true).withMigrations(true);
        TemplatePool pool = Fraise.sharedPool(settings);

        try (Database db = pool.acquire()) {
            assertEquals("[{\"body\": \"text\", \"title\": \"first\"}]", db.queryJson("SELECT data FROM v_memo"),
                    "the DDL's view, with body");
            String definition = db.queryJson("SELECT pg_get_viewdef('v_memo'::regclass, true)");
            assertTrue(definition.contains("jsonb_build_object('title', title, 'body', body)"), definition);
            Migrator migrator = Fraise.migrator(settings);
            assertEquals("[{\"ran\": false, \"name\": \"create_memo\", \"version\": \"001\", \"checksum\": \""
                            + migrator.migrations().find("001").orElseThrow().checksum() + "\"}, {\"ran\": false,"
                            + " \"name\": \"touch_memo_view\", \"version\": \"002\", \"checksum\": \""
                            + migrator.migrations().find("002").orElseThrow().checksum() + "\"}]",
                    db.queryJson("SELECT version, name, checksum, execution_time_ms IS NOT NULL AS ran"
                            + " FROM tb_confiture ORDER BY version"));
            try (Connection c = db.connect()) {
                assertTrue(migrator.status(c).upToDate(), "every migration applied for Confiture");
                assertEquals(0, migrator.up(c).migrations().size());
            }
        }
    }

    @Test
    void aProjectWithoutSchemaFilesIsBuiltByItsMigrationsThenItsSeeds(@TempDir Path project) throws Exception {
        TestFiles.write(project, "db/migrations/001_create_memo.up.sql", TABLE);
        TestFiles.write(project, "db/migrations/002_memo_view.up.sql", OLDER_VIEW);
        TestFiles.write(project, "db/seeds/10_memos.sql", "INSERT INTO tb_memo VALUES (1, 'first', 'text');\n");

        TemplatePool pool = Fraise.sharedPool(FraiseSettings.forProject(project).withSeeds(true).withMigrations(true));

        try (Database db = pool.acquire()) {
            assertEquals("[{\"title\": \"first\"}]", db.queryJson("SELECT data FROM v_memo"));
            assertEquals("[{\"ran\": true, \"version\": \"001\"}, {\"ran\": true, \"version\": \"002\"}]",
                    db.queryJson("SELECT version, execution_time_ms IS NOT NULL AS ran FROM tb_confiture"
                            + " ORDER BY version"));
        }
        assertEquals(1, pool.buildResult().files(), "the seed file");
        try (Database db = Fraise.sharedPool(FraiseSettings.forProject(project).withMigrations(true)).acquire()) {
            assertEquals("[0]", db.queryJson("SELECT count(*) FROM tb_memo"), "without seeds, the migrations alone");
        }
    }

    @Test
    void withoutSchemaFilesNorMigrationsTheBuildStillFailsOnTheSchemaDirectory(@TempDir Path project) {
        TestFiles.write(project, "db/migrations/README.md", "none yet\n");
        FraiseException e = assertThrows(FraiseException.class,
                () -> Fraise.sharedPool(FraiseSettings.forProject(project).withMigrations(true)));
        assertEquals(ErrorCode.BUILD_DIR_MISSING, e.code());
    }

    @Test
    void theTemplateIsKeyedByTheMigrationsItRecords(@TempDir Path project) throws Exception {
        TestFiles.write(project, "db/schema/10_tb_memo.sql", TABLE + "-- keyed\n");
        TestFiles.write(project, "db/migrations/001_create_memo.up.sql", TABLE);
        FraiseSettings settings = FraiseSettings.forProject(project).withMigrations(true);

        TemplatePool plain = Fraise.sharedPool(FraiseSettings.forProject(project));
        TemplatePool first = Fraise.sharedPool(settings);
        assertNotSame(plain, first);
        assertSame(first, Fraise.sharedPool(settings));

        TestFiles.write(project, "db/migrations/002_memo_view.up.sql", OLDER_VIEW);
        TemplatePool second = Fraise.sharedPool(settings);
        assertNotSame(first, second, "a new migration is a new tracking row");
        try (Database db = second.acquire()) {
            assertEquals("[\"001\", \"002\"]", db.queryJson("SELECT version FROM tb_confiture ORDER BY version"));
            assertEquals("[null]", db.queryJson("SELECT to_regclass('v_memo')::text"), "recorded, not run");
        }

        java.nio.file.Files.move(project.resolve("db/migrations/002_memo_view.up.sql"),
                project.resolve("db/migrations/002_memo_view_renamed.up.sql"));
        TemplatePool renamed = Fraise.sharedPool(settings);
        assertNotSame(second, renamed, "the same bytes under another name are another tracking row");
        try (Database db = renamed.acquire()) {
            assertEquals("[\"memo_view_renamed\"]", db.queryJson("SELECT name FROM tb_confiture WHERE version = '002'"));
        }
    }
}
