package dev.fraise.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.database.Database;
import dev.fraise.junit.FraiseDatabase;
import dev.fraise.junit.Isolation;
import dev.fraise.migrate.Migrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * The blog as {@code confiture build} + {@code confiture migrate baseline} leave it: schema and seeds, with
 * {@code db/migrations/001_add_post_views} and {@code 002_add_post_slug_and_tv_comment} recorded in
 * {@code tb_confiture} without running (the DDL already has what they create). Rolled back and reapplied, they
 * run over the seeded blog. Each test gets its own database.
 */
@FraiseDatabase(seeds = true, migrations = true, isolation = Isolation.PER_METHOD)
class PostViewsMigrationTest {

    private static final Migrator MIGRATOR = Fraise.migrator(FraiseSettings.forProject(Path.of(".")));

    @Test
    void theDatabaseIsUpToDateForConfiture(Database db) throws Exception {
        try (Connection c = db.connect()) {
            assertTrue(MIGRATOR.status(c).upToDate());
            assertEquals(List.of(), MIGRATOR.validate(c));
        }
        JSONAssert.assertEquals("[" + row("001", "add_post_views", db) + ", "
                        + row("002", "add_post_slug_and_tv_comment", db) + "]",
                db.queryJson("SELECT version, name, checksum, applied_by FROM tb_confiture ORDER BY version"),
                JSONCompareMode.STRICT);
    }

    @Test
    void postsCountTheirViewsAndTheProjectionsCarryThem(Database db) throws Exception {
        assertEquals("[0, 0, 0]", db.queryJson("SELECT (data->>'view_count')::int FROM tv_post"),
                "seeded posts start at zero, in the projection too");

        db.execute("UPDATE tb_post SET view_count = view_count + 3 WHERE identifier = 'jsonb-tips-and-tricks';"
                + " SELECT fn_sync_tv_post(id) FROM tb_post WHERE identifier = 'jsonb-tips-and-tricks'");

        assertEquals("[\"jsonb-tips-and-tricks\"]", db.queryJson("SELECT identifier FROM tb_post"
                + " ORDER BY view_count DESC LIMIT 1"));
        assertEquals("[\"idx_tb_post_views\"]", db.queryJson("SELECT indexname FROM pg_indexes"
                + " WHERE indexdef LIKE '%(view_count DESC)'"));
        JSONAssert.assertEquals(db.queryJson("SELECT data FROM v_post ORDER BY id"),
                db.queryJson("SELECT data FROM tv_post ORDER BY id"), JSONCompareMode.STRICT);
        JSONAssert.assertEquals("[[3]]", db.queryJson("SELECT jsonb_path_query_array(data, '$.posts[*].view_count')"
                + " FROM v_user_with_posts WHERE data->>'username' = 'bob'"), JSONCompareMode.STRICT);
    }

    /** 001 is rolled back after 002, which depends on it (its v_post emits view_count), and reapplied before it. */
    @Test
    void rollingBackAndReapplyingRoundTripsOnSeededData(Database db) throws Exception {
        try (Connection c = db.connect()) {
            assertEquals(List.of("002", "001"), MIGRATOR.down(c, 2).versions());
            assertEquals("[0]", db.queryJson("SELECT count(*) FROM tv_post WHERE jsonb_exists(data, 'view_count')"));
            assertEquals("[0]", db.queryJson("SELECT count(*) FROM information_schema.columns"
                    + " WHERE table_name = 'tb_post' AND column_name = 'view_count'"));
            assertEquals("[0]", db.queryJson("SELECT count(*) FROM tb_confiture"));

            assertEquals(List.of("001", "002"), MIGRATOR.up(c).versions());
        }
        assertEquals("[0, 0, 0]", db.queryJson("SELECT (data->>'view_count')::int FROM v_post"));
        JSONAssert.assertEquals(db.queryJson("SELECT data FROM v_post ORDER BY id"),
                db.queryJson("SELECT data FROM tv_post ORDER BY id"), JSONCompareMode.STRICT);
    }

    /** The tracking row Confiture writes for a migration: its checksum and the user who applied it. */
    private static String row(String version, String name, Database db) {
        return "{\"version\": \"" + version + "\", \"name\": \"" + name + "\", \"checksum\": \""
                + MIGRATOR.migrations().find(version).orElseThrow().checksum() + "\", \"applied_by\": \"" + db.user()
                + "\"}";
    }
}
