package dev.fraise.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fraise.database.Database;
import dev.fraise.junit.FraiseDatabase;
import dev.fraise.junit.Isolation;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** Writes go through the fn_ mutation functions; reads come from the v_ views and tv_ projections. */
@FraiseDatabase(isolation = Isolation.PER_METHOD)
class MutationsTest {

    private static final String CREATE_ALICE = "SELECT to_jsonb(fn_create_user(?::jsonb))";

    @Test
    void createUserReturnsTheViewRowAndFillsTheProjection(Database db) throws Exception {
        String response = db.queryJson(CREATE_ALICE,
                "{\"email\":\"alice@example.com\",\"username\":\"alice\",\"full_name\":\"Alice Johnson\"}");
        JSONAssert.assertEquals("[{\"status\":\"new\",\"entity_type\":\"User\",\"entity\":{\"username\":\"alice\","
                + "\"full_name\":\"Alice Johnson\",\"email\":\"alice@example.com\",\"bio\":null,\"is_active\":true}}]",
                response, JSONCompareMode.LENIENT);
        String view = db.queryJson("SELECT data FROM v_user WHERE data->>'username' = 'alice'");
        String projection = db.queryJson("SELECT data FROM tv_user WHERE data->>'username' = 'alice'");
        JSONAssert.assertEquals(view, projection, JSONCompareMode.STRICT);
    }

    @Test
    void createPostEmbedsItsAuthorAndSyncsTvPost(Database db) throws Exception {
        db.queryJson(CREATE_ALICE, "{\"email\":\"a@example.com\",\"username\":\"alice\",\"full_name\":\"Alice\"}");
        String authorId = db.queryJson("SELECT id::text FROM tb_user WHERE username = 'alice'")
                .replaceAll("[\\[\\]\"]", "");
        String response = db.queryJson("SELECT to_jsonb(fn_create_post(?::jsonb))",
                "{\"author_id\":\"" + authorId + "\",\"title\":\"Hello, World!\",\"content\":\"First post\","
                        + "\"tags\":[\"intro\"],\"is_published\":true}");
        JSONAssert.assertEquals("[{\"status\":\"new\",\"entity\":{\"identifier\":\"hello-world\",\"tags\":[\"intro\"],"
                + "\"excerpt\":null,\"is_published\":true,\"author\":{\"username\":\"alice\"}}}]",
                response, JSONCompareMode.LENIENT);
        JSONAssert.assertEquals(db.queryJson("SELECT data FROM v_post"), db.queryJson("SELECT data FROM tv_post"),
                JSONCompareMode.STRICT);
        JSONAssert.assertEquals("[{\"posts\":[{\"title\":\"Hello, World!\"}]}]",
                db.queryJson("SELECT data FROM v_user_with_posts"), JSONCompareMode.LENIENT);
    }

    @Test
    void failuresAreReportedWithoutRaisingAndWriteNothing(Database db) throws Exception {
        JSONAssert.assertEquals("[{\"status\":\"failed:validation\",\"entity\":null}]",
                db.queryJson(CREATE_ALICE, "{\"username\":\"nomail\",\"full_name\":\"No Mail\"}"),
                JSONCompareMode.LENIENT);
        JSONAssert.assertEquals("[{\"status\":\"failed:not_found\",\"entity\":null}]",
                db.queryJson("SELECT to_jsonb(fn_create_post(?::jsonb))", "{\"author_id\":"
                        + "\"00000000-0000-4000-8000-000000000000\",\"title\":\"t\",\"content\":\"c\"}"),
                JSONCompareMode.LENIENT);
        db.queryJson(CREATE_ALICE, "{\"email\":\"a@example.com\",\"username\":\"alice\",\"full_name\":\"Alice\"}");
        JSONAssert.assertEquals("[{\"status\":\"failed:conflict\"}]",
                db.queryJson(CREATE_ALICE, "{\"email\":\"a@example.com\",\"username\":\"alice2\",\"full_name\":\"A\"}"),
                JSONCompareMode.LENIENT);
        assertEquals("[1]", db.queryJson("SELECT count(*) FROM tb_user"));
        assertEquals("[0]", db.queryJson("SELECT count(*) FROM tb_post"));
    }
}
