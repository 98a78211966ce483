package dev.fraise.examples.blog;

import static dev.fraise.junit.ViewAssertions.assertView;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.database.Database;
import dev.fraise.junit.FraiseDatabase;
import dev.fraise.junit.Isolation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** Writes go through the fn_ mutation functions; reads come from the v_ views and tv_ projections. */
@FraiseDatabase(isolation = Isolation.PER_METHOD)
class MutationsTest {

    private static final String CREATE_ALICE = "SELECT to_jsonb(fn_create_user(?::jsonb))";
    private static final String CREATE_POST = "SELECT to_jsonb(fn_create_post(?::jsonb))";
    private static final String CREATE_COMMENT = "SELECT to_jsonb(fn_create_comment(?::jsonb))";
    private static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

    @Test
    void createUserReturnsTheViewRowAndFillsTheProjection(Database db) throws Exception {
        String response = db.queryJson(CREATE_ALICE,
                "{\"email\":\"alice@example.com\",\"username\":\"alice\",\"full_name\":\"Alice Johnson\"}");
        JSONAssert.assertEquals("[{\"status\":\"new\",\"entity_type\":\"User\",\"entity\":{\"username\":\"alice\","
                + "\"full_name\":\"Alice Johnson\",\"email\":\"alice@example.com\",\"bio\":null,\"is_active\":true}}]",
                response, JSONCompareMode.LENIENT);
        JSONObject entity = new JSONArray(response).getJSONObject(0).getJSONObject("entity");
        assertEquals(entity.getString("created_at"), entity.getString("updated_at"), entity.toString());
        String view = db.queryJson("SELECT data FROM v_user WHERE data->>'username' = 'alice'");
        String projection = db.queryJson("SELECT data FROM tv_user WHERE data->>'username' = 'alice'");
        JSONAssert.assertEquals(view, projection, JSONCompareMode.STRICT);
    }

    @Test
    void createPostEmbedsItsAuthorAndSyncsTvPost(Database db) throws Exception {
        String authorId = createUser(db, "alice");
        String response = db.queryJson(CREATE_POST,
                "{\"author_id\":\"" + authorId + "\",\"title\":\"Hello, World!\",\"slug\":\"hello\","
                        + "\"content\":\"First post\",\"tags\":[\"intro\"],\"is_published\":true}");
        JSONAssert.assertEquals("[{\"status\":\"new\",\"entity\":{\"identifier\":\"hello-world\",\"slug\":\"hello\","
                + "\"tags\":[\"intro\"],\"excerpt\":null,\"is_published\":true,\"author\":{\"username\":\"alice\"}}}]",
                response, JSONCompareMode.LENIENT);
        JSONAssert.assertEquals(db.queryJson("SELECT data FROM v_post"), db.queryJson("SELECT data FROM tv_post"),
                JSONCompareMode.STRICT);
        JSONAssert.assertEquals("[{\"posts\":[{\"title\":\"Hello, World!\",\"slug\":\"hello\"}]}]",
                db.queryJson("SELECT data FROM v_user_with_posts"), JSONCompareMode.LENIENT);
    }

    @Test
    void createPostRequiresAFreeWellFormedSlug(Database db) throws Exception {
        String authorId = createUser(db, "alice");
        String post = "{\"author_id\":\"" + authorId + "\",\"title\":\"Getting Started with FraiseQL\","
                + "\"content\":\"FraiseQL makes GraphQL development a breeze\"";
        String postId = call(db, CREATE_POST, post + ",\"slug\":\"getting-started-fraiseql\"}").getString("entity_id");

        assertResponses(db, CREATE_POST, Map.of(
                post + "}", validation("slug", "slug is required"),
                post + ",\"slug\":\"  \"}", validation("slug", "slug is required"),
                post + ",\"slug\":\"Getting Started\"}", validation("slug",
                        "slug must be lowercase letters and digits separated by hyphens"),
                post + ",\"slug\":\"getting-started-fraiseql\"}", failure("conflict",
                        "a post with slug getting-started-fraiseql already exists",
                        "{\"field\":\"slug\",\"type\":\"conflict\"}")));

        JSONAssert.assertEquals(db.queryJson("SELECT data FROM v_post"), db.queryJson("SELECT data FROM tv_post"),
                JSONCompareMode.STRICT);
        assertView(db, "v_post").row(postId).matches("{\"slug\": \"getting-started-fraiseql\","
                + " \"identifier\": \"getting-started-with-fraiseql\"}");
        assertView(db, "v_post").rows().hasSize(1);
    }

    @Test
    void createCommentEmbedsItsAuthorRepliesToItsParentAndSyncsTvComment(Database db) throws Exception {
        String alice = createUser(db, "alice");
        String bob = createUser(db, "bob");
        String postId = createPost(db, alice, "getting-started-fraiseql");

        JSONObject comment = call(db, CREATE_COMMENT, "{\"post_id\":\"" + postId + "\",\"author_id\":\"" + bob
                + "\",\"content\":\"Great article! Very helpful.\"}");
        String commentId = comment.getString("entity_id");
        JSONAssert.assertEquals("{\"status\":\"new\",\"message\":\"Comment created\",\"entity_type\":\"Comment\","
                + "\"updated_fields\":null,\"cascade\":null,\"metadata\":null,\"entity\":{\"id\":\"" + commentId
                + "\",\"content\":\"Great article! Very helpful.\",\"is_edited\":false,\"post_id\":\"" + postId
                + "\",\"parent_comment_id\":null,\"author\":{\"username\":\"bob\"}}}", comment,
                JSONCompareMode.LENIENT);
        assertTrue(comment.getJSONObject("entity").getString("identifier").matches("comment-[0-9a-f]{12}"),
                comment.toString());
        assertView(db, "v_comment").row(commentId).strictly().matches(comment.getJSONObject("entity").toString());

        JSONObject reply = call(db, CREATE_COMMENT, "{\"post_id\":\"" + postId + "\",\"author_id\":\"" + alice
                + "\",\"content\":\"Thanks Bob!\",\"parent_comment_id\":\"" + commentId
                + "\",\"identifier\":\"alice-thanks-bob\"}");
        assertEquals("new", reply.getString("status"), reply.toString());
        assertView(db, "v_comment").row(reply.getString("entity_id")).matches("{\"identifier\": \"alice-thanks-bob\","
                + " \"parent_comment_id\": \"" + commentId + "\", \"author\": {\"username\": \"alice\"}}");

        assertView(db, "v_comment").rows().hasSize(2);
        JSONAssert.assertEquals(db.queryJson("SELECT data FROM v_comment ORDER BY id"),
                db.queryJson("SELECT data FROM tv_comment ORDER BY id"), JSONCompareMode.STRICT);
    }

    @Test
    void createCommentFailuresNameTheirFieldAndWriteNothing(Database db) throws Exception {
        String alice = createUser(db, "alice");
        String bob = createUser(db, "bob");
        String alicesPost = createPost(db, alice, "cqrs-in-postgresql");
        String bobsPost = createPost(db, bob, "jsonb-tips-and-tricks");
        String onBobsPost = call(db, CREATE_COMMENT, "{\"post_id\":\"" + bobsPost + "\",\"author_id\":\"" + alice
                + "\",\"content\":\"Nice tricks.\",\"identifier\":\"alice-on-jsonb\"}").getString("entity_id");
        String valid = "\"post_id\":\"" + alicesPost + "\",\"author_id\":\"" + bob + "\",\"content\":\"Reply\"";

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("[]", validation("input", "input must be a JSON object"));
        cases.put("{\"author_id\":\"" + bob + "\",\"content\":\"c\"}", validation("post_id", "post_id is required"));
        cases.put("{\"post_id\":\"42\",\"author_id\":\"" + bob + "\",\"content\":\"c\"}",
                validation("post_id", "post_id must be a UUID"));
        cases.put("{\"post_id\":\"" + alicesPost + "\",\"content\":\"c\"}",
                validation("author_id", "author_id is required"));
        cases.put("{\"post_id\":\"" + alicesPost + "\",\"author_id\":\"bob\",\"content\":\"c\"}",
                validation("author_id", "author_id must be a UUID"));
        cases.put("{\"post_id\":\"" + alicesPost + "\",\"author_id\":\"" + bob + "\",\"content\":\" \"}",
                validation("content", "content is required"));
        cases.put("{" + valid + ",\"parent_comment_id\":\"first\"}",
                validation("parent_comment_id", "parent_comment_id must be a UUID"));
        cases.put("{\"post_id\":\"" + UNKNOWN_ID + "\",\"author_id\":\"" + bob + "\",\"content\":\"c\"}",
                notFound("Post", UNKNOWN_ID, "post_id"));
        cases.put("{\"post_id\":\"" + alicesPost + "\",\"author_id\":\"" + UNKNOWN_ID + "\",\"content\":\"c\"}",
                notFound("User", UNKNOWN_ID, "author_id"));
        cases.put("{" + valid + ",\"parent_comment_id\":\"" + UNKNOWN_ID + "\"}",
                notFound("Comment", UNKNOWN_ID, "parent_comment_id"));
        cases.put("{" + valid + ",\"parent_comment_id\":\"" + onBobsPost + "\"}",
                validation("parent_comment_id", "parent comment belongs to another post"));
        cases.put("{" + valid + ",\"identifier\":\"alice-on-jsonb\"}", failure("conflict",
                "a comment with identifier alice-on-jsonb already exists",
                "{\"field\":\"identifier\",\"type\":\"conflict\"}"));
        assertResponses(db, CREATE_COMMENT, cases);

        assertView(db, "v_comment").rows().hasSize(1);
        assertView(db, "v_comment").row(onBobsPost).matches("{\"post_id\": \"" + bobsPost + "\"}");
        JSONAssert.assertEquals(db.queryJson("SELECT data FROM v_comment"), db.queryJson("SELECT data FROM tv_comment"),
                JSONCompareMode.STRICT);
    }

    @Test
    void failuresAreReportedWithoutRaisingAndWriteNothing(Database db) throws Exception {
        JSONAssert.assertEquals("[{\"status\":\"failed:validation\",\"entity\":null}]",
                db.queryJson(CREATE_ALICE, "{\"username\":\"nomail\",\"full_name\":\"No Mail\"}"),
                JSONCompareMode.LENIENT);
        JSONAssert.assertEquals("[{\"status\":\"failed:not_found\",\"entity\":null}]",
                db.queryJson(CREATE_POST, "{\"author_id\":\"" + UNKNOWN_ID + "\",\"title\":\"t\",\"slug\":\"t\","
                        + "\"content\":\"c\"}"),
                JSONCompareMode.LENIENT);
        db.queryJson(CREATE_ALICE, "{\"email\":\"a@example.com\",\"username\":\"alice\",\"full_name\":\"Alice\"}");
        JSONAssert.assertEquals("[{\"status\":\"failed:conflict\"}]",
                db.queryJson(CREATE_ALICE, "{\"email\":\"a@example.com\",\"username\":\"alice2\",\"full_name\":\"A\"}"),
                JSONCompareMode.LENIENT);
        assertEquals("[1]", db.queryJson("SELECT count(*) FROM tb_user"));
        assertEquals("[0]", db.queryJson("SELECT count(*) FROM tb_post"));
    }

    /** Calls {@code mutation} (a {@code SELECT to_jsonb(fn_x(?::jsonb))}) and returns its mutation_response. */
    private static JSONObject call(Database db, String mutation, String input) throws JSONException {
        return new JSONArray(db.queryJson(mutation, input)).getJSONObject(0);
    }

    private static String createUser(Database db, String username) throws JSONException {
        return call(db, CREATE_ALICE, "{\"email\":\"" + username + "@example.com\",\"username\":\"" + username
                + "\",\"full_name\":\"" + username + "\"}").getString("entity_id");
    }

    private static String createPost(Database db, String authorId, String slug) throws JSONException {
        return call(db, CREATE_POST, "{\"author_id\":\"" + authorId + "\",\"title\":\"" + slug + "\",\"slug\":\""
                + slug + "\",\"content\":\"content\"}").getString("entity_id");
    }

    /** Each input's whole mutation_response, compared strictly; every mismatch is reported. */
    private static void assertResponses(Database db, String mutation, Map<String, String> expectedByInput) {
        assertAll(expectedByInput.entrySet().stream().map(e -> (Executable) () -> JSONAssert.assertEquals(
                e.getKey(), "[" + e.getValue() + "]", db.queryJson(mutation, e.getKey()), JSONCompareMode.STRICT)));
    }

    private static String validation(String field, String message) {
        return failure("validation", message, "{\"field\":\"" + field + "\",\"type\":\"validation\"}");
    }

    private static String notFound(String type, String id, String field) {
        return failure("not_found", type + " with ID " + id + " not found", "{\"resource_type\":\"" + type
                + "\",\"resource_id\":\"" + id + "\",\"field\":\"" + field + "\"}");
    }

    /** A failed mutation_response: no entity, the details in metadata. */
    private static String failure(String type, String message, String metadata) {
        return "{\"status\":\"failed:" + type + "\",\"message\":\"" + message + "\",\"entity_id\":null,"
                + "\"entity_type\":null,\"entity\":null,\"updated_fields\":null,\"cascade\":null,\"metadata\":"
                + metadata + "}";
    }
}
