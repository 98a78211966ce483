package dev.fraise.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fraise.TestDatabases;
import dev.fraise.TestFiles;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database}'s helpers report PostgreSQL's failures in one line with the SQLSTATE. */
class DatabaseTest {

    @TempDir
    static Path project;

    static TemplatePool pool;

    @BeforeAll
    static void pool() {
        TestFiles.write(project, "db/schema/10_tb_note.sql", "CREATE TABLE tb_note (pk_note int PRIMARY KEY);\n");
        pool = TemplatePool.create(TestDatabases.server(),
                SchemaPlanner.plan(ProjectConfig.defaults(project, "local"), false), new PoolOptions(0,
                        CloneStrategy.FILE_COPY), c -> { });
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void executeFailuresCarryPostgresMessageAndSqlstateInOneLine() {
        try (Database db = pool.acquire()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> db.execute("INSERT INTO tb_nope VALUES (1)"));
            assertEquals("SQL failed on " + db.name() + ": relation \"tb_nope\" does not exist (SQLSTATE 42P01)",
                    e.getMessage());
            db.execute("INSERT INTO tb_note VALUES (1)");
            e = assertThrows(IllegalStateException.class, () -> db.execute("INSERT INTO tb_note VALUES (1)"));
            assertEquals("SQL failed on " + db.name() + ": duplicate key value violates unique constraint"
                    + " \"tb_note_pkey\" (SQLSTATE 23505)", e.getMessage());
        }
    }

    @Test
    void queryJsonFailuresCarryPostgresMessageAndSqlstateInOneLine() {
        try (Database db = pool.acquire()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> db.queryJson("SELECT nope FROM tb_note WHERE pk_note = ?", 1));
            assertEquals("query failed on " + db.name() + ": column \"nope\" does not exist (SQLSTATE 42703)",
                    e.getMessage());
        }
    }

    @Test
    void aPrefetchOutOfRangeIsAnInvalidSetting() {
        FraiseException e = assertThrows(FraiseException.class, () -> PoolOptions.DEFAULT.withPrefetch(17));
        assertEquals(ErrorCode.SETTING_INVALID, e.code());
        assertEquals("SETTING_INVALID: PoolOptions.prefetch is '17'; accepted: 0 to 16", e.getMessage());
    }
}
