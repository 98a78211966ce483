package dev.fraise.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fraise.database.Database;
import dev.fraise.junit.FraiseDatabase;
import dev.fraise.junit.FraiseInject;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** The read side on the seed data: nested authors, one-to-many arrays, nullable keys, projections. */
@FraiseDatabase(seeds = true)
class ReadViewsTest {

    @FraiseInject
    static Database db;

    @Test
    void postsEmbedTheirAuthorsData() throws Exception {
        JSONAssert.assertEquals("[{\"identifier\":\"jsonb-tips-and-tricks\",\"excerpt\":null,"
                        + "\"author\":{\"username\":\"bob\",\"avatar_url\":null}}]",
                db.queryJson("SELECT data FROM v_post WHERE id = 'b0000000-0000-4000-8000-000000000003'"),
                JSONCompareMode.LENIENT);
    }

    @Test
    void usersWithoutPostsGetAnEmptyArrayNotNull() throws Exception {
        JSONAssert.assertEquals("[{\"username\":\"carol\",\"posts\":[]}]",
                db.queryJson("SELECT data FROM v_user_with_posts WHERE data->>'username' = 'carol'"),
                JSONCompareMode.LENIENT);
        JSONAssert.assertEquals("[[\"CQRS in PostgreSQL\",\"Getting Started with FraiseQL\"]]",
                db.queryJson("SELECT jsonb_path_query_array(data, '$.posts[*].title') FROM v_user_with_posts"
                        + " WHERE data->>'username' = 'alice'"), JSONCompareMode.STRICT);
    }

    @Test
    void viewsNeverLeakInternalKeys() {
        assertEquals("[0]", db.queryJson("SELECT count(*) FROM (SELECT data FROM v_user UNION ALL"
                + " SELECT data FROM v_post UNION ALL SELECT data FROM v_comment) d WHERE d.data::text ~ '\"pk_'"));
    }

    @Test
    void projectionsMatchTheirViewsAfterSeeding() throws Exception {
        JSONAssert.assertEquals(db.queryJson("SELECT data FROM v_post ORDER BY id"),
                db.queryJson("SELECT data FROM tv_post ORDER BY id"), JSONCompareMode.STRICT);
        JSONAssert.assertEquals(db.queryJson("SELECT data FROM v_user ORDER BY id"),
                db.queryJson("SELECT data FROM tv_user ORDER BY id"), JSONCompareMode.STRICT);
        JSONAssert.assertEquals(db.queryJson("SELECT data FROM v_comment ORDER BY id"),
                db.queryJson("SELECT data FROM tv_comment ORDER BY id"), JSONCompareMode.STRICT);
    }

    @Test
    void postsCarryTheirOwnSlug() throws Exception {
        JSONAssert.assertEquals("""
                [{"identifier": "getting-started-with-fraiseql", "slug": "getting-started-fraiseql"},
                 {"identifier": "cqrs-in-postgresql", "slug": "cqrs-in-postgresql"},
                 {"identifier": "jsonb-tips-and-tricks", "slug": "jsonb-tips-and-tricks"}]""",
                db.queryJson("SELECT identifier, slug FROM tb_post ORDER BY id"), JSONCompareMode.STRICT);
        JSONAssert.assertEquals("[\"getting-started-fraiseql\", \"cqrs-in-postgresql\", \"jsonb-tips-and-tricks\"]",
                db.queryJson("SELECT data->>'slug' FROM v_post ORDER BY id"), JSONCompareMode.STRICT);
    }

    @Test
    void everyViewShowsWhenItsRowWasLastUpdated() {
        assertEquals("[\"comment-alice-on-jsonb-tips\"]", db.queryJson("SELECT data->>'identifier' FROM v_comment"
                + " WHERE (data->>'updated_at')::timestamptz > (data->>'created_at')::timestamptz"),
                "only the edited comment was updated after its creation");
        assertEquals("[0]", db.queryJson("SELECT count(*) FROM (SELECT data FROM v_user UNION ALL"
                + " SELECT data FROM v_post UNION ALL SELECT data FROM v_comment UNION ALL"
                + " SELECT data FROM v_user_with_posts) d WHERE NOT jsonb_exists(d.data, 'updated_at')"));
    }

    @Test
    void repliesPointToTheirParentComment() throws Exception {
        JSONAssert.assertEquals("[1]", db.queryJson("SELECT count(*) FROM v_comment"
                + " WHERE data->>'parent_comment_id' IS NOT NULL"), JSONCompareMode.STRICT);
    }
}
