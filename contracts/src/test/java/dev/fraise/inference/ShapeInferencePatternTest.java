package dev.fraise.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.shape.ViewShape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per view pattern of FraiseQL's view composition guide, on a real PostgreSQL (17 by default, 15 in the
 * {@code postgres-15} run): the inferred shape and nullability are asserted exactly.
 * Notation: {@code !} non-null, {@code ?} nullable, {@code ~} key may be absent.
 */
class ShapeInferencePatternTest {

    private static ScratchDatabase database;

    @BeforeAll
    static void schema() throws Exception {
        try (InputStream in = ShapeInferencePatternTest.class.getResourceAsStream("/inference/patterns.sql")) {
            database = ScratchDatabase.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        execute("""
                CREATE VIEW v_user AS SELECT u.id, jsonb_build_object(
                    'id', u.id::text, 'name', u.name, 'email', u.email) AS data FROM tb_user u""",
                """
                CREATE VIEW v_post AS SELECT p.id, jsonb_build_object(
                    'id', p.id::text, 'title', p.title, 'content', p.content, 'author', vu.data) AS data
                FROM tb_post p JOIN tb_user u ON u.pk_user = p.fk_user JOIN v_user vu ON vu.id = u.id""",
                """
                CREATE VIEW v_tag AS SELECT t.id, jsonb_build_object('id', t.id::text, 'name', t.name) AS data
                FROM tb_tag t""");
    }

    @AfterAll
    static void drop() throws SQLException {
        database.close();
    }

    private static void execute(String... statements) throws SQLException {
        try (Statement st = database.connection().createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static ViewShape infer(String view, String... ddl) throws SQLException {
        execute(ddl);
        return ShapeInference.load(database.connection()).infer(view);
    }

    private static String shape(String view, String... ddl) throws SQLException {
        return CompactShape.of(infer(view, ddl));
    }

    @Test
    void buildObjectWithConstantKeysAndBaseColumnNullability() throws SQLException {
        assertEquals("{id: string!, name: string!, email: string?}!", shape("v_user"));
    }

    @Test
    void jsonBuildObjectNestedObjectsAndScalarKinds() throws SQLException {
        assertEquals("{id: string!, stats: {age: integer?, score: number?, active: boolean!, created: string!,"
                + " tags: [string?]?, nick: string!}!}!", shape("v_user_json", """
                CREATE VIEW v_user_json AS SELECT u.id, json_build_object('id', u.id, 'stats', json_build_object(
                    'age', u.age, 'score', u.score, 'active', u.is_active, 'created', u.created_at,
                    'tags', u.tags, 'nick', u.nickname)) AS data FROM tb_user u"""));
    }

    @Test
    void nonConstantKeyGivesUnknown() throws SQLException {
        assertEquals("unknown!", shape("v_dynamic_key", """
                CREATE VIEW v_dynamic_key AS SELECT u.id, jsonb_build_object(u.identifier, u.name) AS data
                FROM tb_user u"""));
    }

    @Test
    void childViewDataIsEmbeddedThroughInnerJoins() throws SQLException {
        ViewShape post = infer("v_post");
        assertEquals("{id: string!, title: string!, content: string?, author: {id: string!, name: string!,"
                + " email: string?}!}!", CompactShape.of(post));
        assertTrue(post.toTree().contains("author: object, non-null"), post.toTree());
        assertTrue(post.toTree().contains("email: string, nullable (tb_user.email has no NOT NULL)"), post.toTree());
    }

    @Test
    void leftJoinedChildViewIsNullableAndSaysWhy() throws SQLException {
        ViewShape profile = infer("v_profile_left", """
                CREATE VIEW v_profile_left AS SELECT p.id, jsonb_build_object('id', p.id::text, 'bio', p.bio,
                    'user', vu.data) AS data
                FROM tb_profile p LEFT JOIN tb_user u ON u.pk_user = p.fk_user LEFT JOIN v_user vu ON vu.id = u.id""");
        assertEquals("{id: string!, bio: string?, user: {id: string!, name: string!, email: string?}?}!",
                CompactShape.of(profile));
        assertTrue(profile.toTree().contains("user: object, nullable (LEFT JOIN v_user vu in v_profile_left)"),
                profile.toTree());
    }

    @Test
    void rightAndFullJoinsNullTheirOtherSides() throws SQLException {
        assertEquals("{user: string?, settings: string?}!", shape("v_full_join", """
                CREATE VIEW v_full_join AS SELECT u.id, jsonb_build_object('user', u.name, 'settings', s.theme) AS data
                FROM tb_user u FULL JOIN tb_user_settings s ON s.fk_user = u.pk_user"""));
        assertEquals("{user: string?, settings: string!}!", shape("v_right_join", """
                CREATE VIEW v_right_join AS SELECT s.pk_user_settings AS id,
                    jsonb_build_object('user', u.name, 'settings', s.theme) AS data
                FROM tb_user u RIGHT JOIN tb_user_settings s ON s.fk_user = u.pk_user"""));
    }

    @Test
    void filteredCoalescedAggregateOfChildViewsIsNonNullWithNonNullItems() throws SQLException {
        assertEquals("{id: string!, name: string!, posts: [{id: string!, title: string!, content: string?,"
                + " author: {id: string!, name: string!, email: string?}!}!]!}!", shape("v_user_with_posts", """
                CREATE VIEW v_user_with_posts AS SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name,
                    'posts', COALESCE(jsonb_agg(vp.data ORDER BY vp.data->>'title' DESC)
                        FILTER (WHERE vp.id IS NOT NULL), '[]'::jsonb)) AS data
                FROM tb_user u LEFT JOIN tb_post p ON p.fk_user = u.pk_user LEFT JOIN v_post vp ON vp.id = p.id
                GROUP BY u.id, u.name"""));
    }

    @Test
    void aggregateWithoutFilterHasNullableItemsAndWithoutCoalesceIsNullable() throws SQLException {
        assertEquals("{tags: [{id: string!, name: string!}?]!, titles: [string!]?}!", shape("v_post_tags_loose", """
                CREATE VIEW v_post_tags_loose AS SELECT p.id, jsonb_build_object(
                    'tags', jsonb_agg(vt.data ORDER BY vt.data->>'name'),
                    'titles', json_agg(p.title) FILTER (WHERE p.is_published)) AS data
                FROM tb_post p LEFT JOIN tb_post_tag pt ON pt.fk_post = p.pk_post
                LEFT JOIN tb_tag t ON t.pk_tag = pt.fk_tag LEFT JOIN v_tag vt ON vt.id = t.id
                GROUP BY p.id"""));
    }

    @Test
    void arrayAggAndAggregateWithoutGroupByOverZeroRows() throws SQLException {
        assertEquals("{names: [string!]?, count: integer!}!", shape("v_all_names", """
                CREATE VIEW v_all_names AS SELECT 1 AS id, jsonb_build_object('names', array_agg(u.name),
                    'count', count(*)) AS data FROM tb_user u"""));
    }

    @Test
    void groupByAggregates() throws SQLException {
        assertEquals("{id: string!, name: string!, post_count: integer!, total_views: integer!,"
                + " latest_post_at: string?, average: number?}!", shape("v_user_stats", """
                CREATE VIEW v_user_stats AS SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name,
                    'post_count', COUNT(p.pk_post), 'total_views', COALESCE(SUM(p.view_count), 0),
                    'latest_post_at', MAX(p.published_at), 'average', AVG(p.view_count)) AS data
                FROM tb_user u LEFT JOIN tb_post p ON p.fk_user = u.pk_user AND p.is_published = true
                GROUP BY u.id, u.name"""));
    }

    @Test
    void coalesceWithNonNullFallbacks() throws SQLException {
        assertEquals("{display_name: string!, bio: string!, meta: {}!, n: integer!}!", shape("v_coalesce", """
                CREATE VIEW v_coalesce AS SELECT u.id, jsonb_build_object(
                    'display_name', COALESCE(u.display_name, u.name), 'bio', COALESCE(u.bio, ''),
                    'meta', COALESCE(NULL::jsonb, '{}'::jsonb), 'n', COALESCE(u.age, 0)) AS data FROM tb_user u"""));
    }

    @Test
    void caseMergesBranchesAndElseNullIsNullable() throws SQLException {
        assertEquals("{settings: {theme: string!, notifications: boolean?}?, kind: string!, label: string?}!",
                shape("v_case", """
                CREATE VIEW v_case AS SELECT u.id, jsonb_build_object(
                    'settings', CASE WHEN us.pk_user_settings IS NOT NULL THEN jsonb_build_object(
                        'theme', us.theme, 'notifications', us.notifications_enabled) ELSE NULL END,
                    'kind', CASE WHEN u.is_active THEN 'active' ELSE 'inactive' END,
                    'label', CASE WHEN u.age > 18 THEN 'adult' END) AS data
                FROM tb_user u LEFT JOIN tb_user_settings us ON us.fk_user = u.pk_user"""));
    }

    @Test
    void caseBranchesWithDifferentKeysMakeKeysMaybeAbsent() throws SQLException {
        assertEquals("{a: integer!, b: string!~, c: boolean!~}!", shape("v_case_keys", """
                CREATE VIEW v_case_keys AS SELECT u.id, CASE WHEN u.is_active
                    THEN jsonb_build_object('a', 1, 'b', u.name) ELSE jsonb_build_object('a', 2, 'c', true) END AS data
                FROM tb_user u"""));
    }

    @Test
    void stripNullsMakesNullableKeysMaybeAbsent() throws SQLException {
        assertEquals("{id: string!, email: string!~, profile: {bio: string!~, name: string!}!}!",
                shape("v_stripped", """
                CREATE VIEW v_stripped AS SELECT u.id, jsonb_strip_nulls(jsonb_build_object('id', u.id::text,
                    'email', u.email, 'profile', jsonb_build_object('bio', u.bio, 'name', u.name))) AS data
                FROM tb_user u"""));
    }

    @Test
    void concatenationOfObjectsMergesKeysRightWins() throws SQLException {
        assertEquals("{id: string!, name: integer!, email: string?}!", shape("v_concat", """
                CREATE VIEW v_concat AS SELECT u.id,
                    jsonb_build_object('id', u.id::text, 'name', u.name) || jsonb_build_object('name', 1, 'email',
                    u.email) AS data FROM tb_user u"""));
    }

    @Test
    void toJsonbOfRowsUsesColumnNames() throws SQLException {
        assertEquals("{tag: {pk_tag: integer!, id: string!, name: string!}!, summary: {title: string!,"
                + " views: integer!}!, settings: {pk_user_settings: integer!, fk_user: integer!, theme: string!,"
                + " notifications_enabled: boolean?}?}!", shape("v_rows", """
                CREATE VIEW v_rows AS SELECT t.id, jsonb_build_object('tag', to_jsonb(t),
                    'summary', row_to_json(ROW('x', 1)::post_summary), 'settings', to_jsonb(s)) AS data
                FROM tb_tag t LEFT JOIN tb_user_settings s ON s.pk_user_settings = t.pk_tag"""));
    }

    @Test
    void castsAndConstants() throws SQLException {
        assertEquals("{id: string!, age: string?, views: number!, flag: boolean!, pi: number!, nothing: null?,"
                + " label: string!, list: [integer!]!, json: {a: [integer!]!}!}!", shape("v_casts", """
                CREATE VIEW v_casts AS SELECT p.id, jsonb_build_object('id', p.id::text,
                    'age', (SELECT u.age FROM tb_user u WHERE u.pk_user = p.fk_user)::varchar,
                    'views', p.view_count::numeric, 'flag', true, 'pi', 3.14, 'nothing', NULL, 'label', 'post'::text,
                    'list', jsonb_build_array(1, 2), 'json', '{"a": [1, 2]}'::jsonb) AS data FROM tb_post p"""));
    }

    @Test
    void scalarSubSelectsAreNullableUnlessAnAggregateWithoutGroupBy() throws SQLException {
        assertEquals("{author: string?, comments: integer!, tags: [string!]?, latest: string?, exists: boolean!,"
                + " ids: [integer!]!}!", shape("v_sub_selects", """
                CREATE VIEW v_sub_selects AS SELECT p.id, jsonb_build_object(
                    'author', (SELECT u.name FROM tb_user u WHERE u.pk_user = p.fk_user),
                    'comments', (SELECT count(*) FROM tb_comment c WHERE c.fk_post = p.pk_post),
                    'tags', (SELECT jsonb_agg(t.name) FROM tb_tag t JOIN tb_post_tag pt ON pt.fk_tag = t.pk_tag
                             WHERE pt.fk_post = p.pk_post),
                    'latest', (SELECT max(c.content) FROM tb_comment c WHERE c.fk_post = p.pk_post),
                    'exists', EXISTS (SELECT 1 FROM tb_comment c WHERE c.fk_post = p.pk_post),
                    'ids', ARRAY(SELECT c.pk_comment FROM tb_comment c WHERE c.fk_post = p.pk_post)) AS data
                FROM tb_post p"""));
    }

    @Test
    void lateralSubqueries() throws SQLException {
        assertEquals("{title: string!, stats: {n: integer!, last: string?}!, first_tag: string?}!",
                shape("v_lateral", """
                CREATE VIEW v_lateral AS SELECT p.id, jsonb_build_object('title', p.title,
                    'stats', jsonb_build_object('n', s.n, 'last', s.last), 'first_tag', ft.name) AS data
                FROM tb_post p
                CROSS JOIN LATERAL (SELECT count(*) AS n, max(c.content) AS last FROM tb_comment c
                                    WHERE c.fk_post = p.pk_post) s
                LEFT JOIN LATERAL (SELECT t.name FROM tb_tag t JOIN tb_post_tag pt ON pt.fk_tag = t.pk_tag
                                   WHERE pt.fk_post = p.pk_post LIMIT 1) ft ON true"""));
    }

    @Test
    void ctesAndRecursiveCtes() throws SQLException {
        assertEquals("{id: string!, content: string!, depth: integer!, post: {id: string!, title: string!,"
                + " content: string?, author: {id: string!, name: string!, email: string?}!}!, author: {id: string!,"
                + " name: string!, email: string?}!, parent_comment: {id: string!, author: {id: string!,"
                + " name: string!, email: string?}?}?}!", shape("v_comment", """
                CREATE VIEW v_comment AS WITH RECURSIVE comment_tree AS (
                    SELECT c.pk_comment, c.id, c.content, c.fk_post, c.fk_user, c.fk_parent_comment, 0 AS depth,
                           ARRAY[c.pk_comment] AS path
                    FROM tb_comment c WHERE c.fk_parent_comment IS NULL
                    UNION ALL
                    SELECT c.pk_comment, c.id, c.content, c.fk_post, c.fk_user, c.fk_parent_comment, ct.depth + 1,
                           ct.path || c.pk_comment
                    FROM tb_comment c JOIN comment_tree ct ON ct.pk_comment = c.fk_parent_comment
                    WHERE NOT c.pk_comment = ANY(ct.path))
                SELECT c.id, jsonb_build_object('id', c.id::text, 'content', c.content, 'depth', c.depth,
                    'post', vp.data, 'author', vu.data,
                    'parent_comment', CASE WHEN pc.id IS NOT NULL THEN jsonb_build_object('id', pc.id::text,
                        'author', vu_pc.data) ELSE NULL END) AS data
                FROM comment_tree c
                JOIN tb_post p ON p.pk_post = c.fk_post JOIN v_post vp ON vp.id = p.id
                JOIN tb_user u ON u.pk_user = c.fk_user JOIN v_user vu ON vu.id = u.id
                LEFT JOIN tb_comment pc ON pc.pk_comment = c.fk_parent_comment
                LEFT JOIN v_user vu_pc ON vu_pc.id = (SELECT u2.id FROM tb_user u2 WHERE u2.pk_user = pc.fk_user)"""));
    }

    @Test
    void recursiveCteReachesAFixpointThatLoosensNullability() throws SQLException {
        assertEquals("{level: integer!, parent: string?}!", shape("v_tree", """
                CREATE VIEW v_tree AS WITH RECURSIVE t AS (
                    SELECT c.pk_comment, 0 AS level, 'root'::text AS parent FROM tb_comment c
                    WHERE c.fk_parent_comment IS NULL
                    UNION ALL
                    SELECT c.pk_comment, t.level + 1, NULL::text FROM tb_comment c JOIN t ON t.pk_comment
                        = c.fk_parent_comment)
                SELECT t.pk_comment AS id, jsonb_build_object('level', t.level, 'parent', t.parent) AS data FROM t"""));
    }

    @Test
    void unionMergesEveryBranch() throws SQLException {
        assertEquals("{name: string!, email: string?, kind: string!}!", shape("v_union", """
                CREATE VIEW v_union AS SELECT x.id, jsonb_build_object('name', x.name, 'email', x.email,
                    'kind', x.kind) AS data FROM (
                    SELECT u.id, u.name, 'x@y' AS email, 'user' AS kind FROM tb_user u
                    UNION ALL SELECT t.id, t.name, NULL, 'tag' FROM tb_tag t) x"""));
    }

    @Test
    void subqueryOutputsCarryTheirNullability() throws SQLException {
        assertEquals("{name: string!, email: string?, seen: integer?}!", shape("v_subquery", """
                CREATE VIEW v_subquery AS SELECT s.id, jsonb_build_object('name', s.name, 'email', s.email,
                    'seen', s.seen) AS data
                FROM (SELECT u.id, u.name, u.email, p.view_count AS seen
                      FROM tb_user u LEFT JOIN tb_post p ON p.fk_user = u.pk_user) s"""));
    }

    @Test
    void whereIsNotNullProvesAnOuterJoinedRowReal() throws SQLException {
        assertEquals("{title: string!, content: string?}!", shape("v_where_proof", """
                CREATE VIEW v_where_proof AS SELECT u.id, jsonb_build_object('title', p.title,
                    'content', p.content) AS data
                FROM tb_user u LEFT JOIN tb_post p ON p.fk_user = u.pk_user WHERE p.pk_post IS NOT NULL"""));
    }

    @Test
    void projectionTableIsTracedToItsSourceView() throws SQLException {
        ViewShape projection = infer("tv_post", """
                CREATE TABLE tv_post (id UUID PRIMARY KEY, data JSONB NOT NULL)""");
        assertEquals("{id: string!, title: string!, content: string?, author: {id: string!, name: string!,"
                + " email: string?}!}!", CompactShape.of(projection));
        assertEquals("tv_post.data is materialised from v_post (tv_x ← v_x)", projection.origin());
    }

    @Test
    void projectionTableWithAConfiguredSourceAndANullableDataColumn() throws SQLException {
        execute("CREATE TABLE tv_author (id UUID PRIMARY KEY, data JSONB)");
        ViewShape projection = ShapeInference.load(database.connection(),
                InferenceOptions.DEFAULT.withProjectionSource("tv_author", "v_user")).infer("tv_author");
        assertEquals("{id: string!, name: string!, email: string?}?", CompactShape.of(projection));
        assertEquals("tv_author.data is materialised from v_user (configured)", projection.origin());
        assertTrue(projection.toTree().contains("tv_author.data has no NOT NULL"), projection.toTree());
    }

    @Test
    void projectionTableWithoutSourceViewIsUnknown() throws SQLException {
        ViewShape projection = infer("tv_orphan", "CREATE TABLE tv_orphan (id UUID PRIMARY KEY, data JSONB NOT NULL)");
        assertEquals("unknown?", CompactShape.of(projection), "NOT NULL keeps SQL NULL out, not a JSON null");
        assertTrue(projection.origin().contains("source view v_orphan does not exist"), projection.origin());
        assertTrue(projection.nullability().reason().startsWith("may be JSON null"), projection.toTree());
    }

    @Test
    void viewOverViewColumnsIsRecursive() throws SQLException {
        assertEquals("{post: {id: string!, title: string!, content: string?, author: {id: string!, name: string!,"
                + " email: string?}!}!, author_name: string!}!", shape("v_post_card", """
                CREATE VIEW v_post_card AS SELECT vp.id, jsonb_build_object('post', vp.data,
                    'author_name', vp.data->'author'->>'name') AS data FROM v_post vp"""));
    }
}
