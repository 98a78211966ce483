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
 * {@code db/migrations/002_add_post_slug_and_tv_comment} on the seeded blog: rolled back, the blog is as 001 left it
 * (no slug, no updated_at in the views, no tv_comment); applied to that, the posts get their identifier as slug.
 */
@FraiseDatabase(seeds = true, migrations = true, isolation = Isolation.PER_METHOD)
class PostSlugMigrationTest {

    private static final Migrator MIGRATOR = Fraise.migrator(FraiseSettings.forProject(Path.of(".")));
    private static final String ALICE = "a0000000-0000-4000-8000-000000000001";

    @Test
    void rollingBackLeavesTheBlogAsMigration001LeftIt(Database db) throws Exception {
        try (Connection c = db.connect()) {
            assertEquals(List.of("002"), MIGRATOR.down(c, 1).versions());
        }
        assertEquals("[0]", db.queryJson("SELECT count(*) FROM information_schema.columns"
                + " WHERE table_name = 'tb_post' AND column_name = 'slug'"));
        assertEquals("[null]", db.queryJson("SELECT to_regclass('tv_comment')::text"));
        assertEquals("[0]", db.queryJson("SELECT count(*) FROM pg_proc WHERE proname LIKE '%sync_tv_comment'"));
        assertEquals("[0]", db.queryJson("SELECT count(*) FROM (SELECT data FROM v_user UNION ALL"
                + " SELECT data FROM tv_post UNION ALL SELECT data FROM v_comment UNION ALL"
                + " SELECT data FROM v_user_with_posts) d WHERE jsonb_exists(d.data, 'updated_at')"
                + " OR jsonb_exists(d.data, 'slug')"));
        assertEquals("[3]", db.queryJson("SELECT count(*) FROM tv_post WHERE jsonb_exists(data, 'view_count')"),
                "001's view_count stays");
        JSONAssert.assertEquals("[{\"status\": \"new\", \"entity\": {\"identifier\": \"untitled-draft\"}}]",
                db.queryJson("SELECT to_jsonb(fn_create_post(?::jsonb))", "{\"author_id\": \"" + ALICE + "\","
                        + " \"title\": \"Untitled draft\", \"content\": \"...\"}"),
                JSONCompareMode.LENIENT);
    }

    @Test
    void reapplyingGivesEveryPostItsIdentifierAsSlug(Database db) throws Exception {
        try (Connection c = db.connect()) {
            MIGRATOR.down(c, 1);
            assertEquals(List.of("002"), MIGRATOR.up(c).versions());
            assertTrue(MIGRATOR.status(c).upToDate());
        }
        assertEquals("[0]", db.queryJson("SELECT count(*) FROM tb_post WHERE slug IS DISTINCT FROM identifier"),
                "the seeded getting-started-fraiseql became the identifier getting-started-with-fraiseql");
        assertEquals("[\"NO\"]", db.queryJson("SELECT is_nullable FROM information_schema.columns"
                + " WHERE table_name = 'tb_post' AND column_name = 'slug'"));
        JSONAssert.assertEquals("[{\"status\": \"failed:conflict\", \"metadata\": {\"field\": \"slug\"}}]",
                db.queryJson("SELECT to_jsonb(fn_create_post(?::jsonb))", "{\"author_id\": \"" + ALICE + "\","
                        + " \"title\": \"CQRS again\", \"slug\": \"cqrs-in-postgresql\", \"content\": \"...\"}"),
                JSONCompareMode.LENIENT);
        assertEquals("[\"tb_post_slug_key\"]", db.queryJson("SELECT conname FROM pg_constraint"
                + " WHERE conrelid = 'tb_post'::regclass AND contype = 'u' AND conname LIKE '%slug%'"));
        JSONAssert.assertEquals(db.queryJson("SELECT data FROM v_post ORDER BY id"),
                db.queryJson("SELECT data FROM tv_post ORDER BY id"), JSONCompareMode.STRICT);
        JSONAssert.assertEquals(db.queryJson("SELECT data FROM v_comment ORDER BY id"),
                db.queryJson("SELECT data FROM tv_comment ORDER BY id"), JSONCompareMode.STRICT);
    }
}
