package dev.fraise.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.shape.ViewShape;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public API: whole-schema inference in a fixed number of queries, schemas, errors, printing. */
class ShapeInferenceApiTest {

    private static ScratchDatabase database;

    @BeforeAll
    static void schema() throws SQLException {
        database = ScratchDatabase.create("""
                CREATE TABLE tb_user (pk_user INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id UUID NOT NULL,
                    name TEXT NOT NULL, email TEXT)""",
                "CREATE VIEW v_user AS SELECT u.id, jsonb_build_object('name', u.name, 'email', u.email) AS data"
                        + " FROM tb_user u",
                "CREATE TABLE tv_user (id UUID PRIMARY KEY, data JSONB NOT NULL)",
                "CREATE VIEW v_user_names AS SELECT u.id, u.name FROM tb_user u",
                "CREATE SCHEMA app",
                "CREATE VIEW app.v_user_card AS SELECT vu.id, jsonb_build_object('user', vu.data) AS data"
                        + " FROM public.v_user vu");
    }

    @AfterAll
    static void drop() throws SQLException {
        database.close();
    }

    @Test
    void inferAllReadsTheCatalogInSevenQueriesWhateverTheNumberOfViews() throws SQLException {
        try (Statement st = database.connection().createStatement()) {
            for (int i = 0; i < 40; i++) {
                st.execute("CREATE VIEW v_many_" + i + " AS SELECT vu.id, jsonb_build_object('n', " + i
                        + ", 'user', vu.data) AS data FROM v_user vu");
            }
        }
        AtomicInteger statements = new AtomicInteger();
        List<ViewShape> all = ShapeInference.load(counting(database.connection(), statements)).inferAll();
        assertEquals(7, statements.get());
        assertTrue(all.size() >= 42, "v_user, tv_user and 40 views: " + all.size());
        assertTrue(all.stream().noneMatch(v -> v.relation().equals("v_user_names")), "no data column, not listed");
        assertEquals("{n: integer!, user: {name: string!, email: string?}!}!",
                CompactShape.of(all.stream().filter(v -> v.relation().equals("v_many_7")).findFirst().orElseThrow()));
    }

    @Test
    void otherSchemasAreInferredWhenConfiguredAndNamedQualified() {
        ShapeInference inference = ShapeInference.load(database.connection(),
                new InferenceOptions(List.of("public", "app"), Map.of()));
        ViewShape card = inference.infer("app.v_user_card");
        assertEquals("app.v_user_card", card.relation());
        assertEquals("{user: {name: string!, email: string?}!}!", CompactShape.of(card));
        assertEquals(card, inference.infer("v_user_card"), "bare names are searched in the schemas in order");
        assertTrue(inference.exists("app.v_user_card"));
    }

    @Test
    void missingRelationAndMissingDataColumnAreReported() {
        ShapeInference inference = ShapeInference.load(database.connection());
        FraiseException missing = assertThrows(FraiseException.class, () -> inference.infer("v_nope"));
        assertEquals(ErrorCode.INFERENCE_RELATION_MISSING, missing.code());
        assertEquals("INFERENCE_RELATION_MISSING: no view or table v_nope in schemas [public]", missing.getMessage());
        FraiseException noData = assertThrows(FraiseException.class, () -> inference.infer("v_user_names"));
        assertEquals("INFERENCE_RELATION_MISSING: v_user_names has no data column", noData.getMessage());
        assertThrows(FraiseException.class, () -> inference.infer("app.v_user_card"), "app is not inferred");
    }

    @Test
    void treeNamesEveryKeyItsTypeSourceAndReason() {
        String tree = ShapeInference.load(database.connection()).infer("tv_user").toTree();
        assertEquals("""
                tv_user.data (tv_user.data is materialised from v_user (tv_x ← v_x))
                  data: object, non-null  ← jsonb_build_object(...) :: jsonb in v_user
                    name: string, non-null  ← tb_user.name :: text in v_user
                    email: string, nullable (tb_user.email has no NOT NULL)  ← tb_user.email :: text in v_user
                """, tree);
    }

    @Test
    void sqlJsonConstructorsOnPostgres16AndLater() throws SQLException {
        assumeTrue(database.majorVersion() >= 16, "JSON_OBJECT and JSON_ARRAYAGG exist from PostgreSQL 16");
        try (Statement st = database.connection().createStatement()) {
            st.execute("""
                    CREATE VIEW v_sql_json AS SELECT u.id, JSON_OBJECT('name': u.name, 'email': u.email,
                        'maybe': u.email ABSENT ON NULL RETURNING jsonb) AS data FROM tb_user u""");
            st.execute("""
                    CREATE VIEW v_sql_json_agg AS SELECT 1 AS id, JSON_OBJECT('emails': (SELECT JSON_ARRAYAGG(u.email)
                        FROM tb_user u), 'all': JSON_ARRAY(1, NULL), 'kept': JSON_ARRAY(1, NULL NULL ON NULL)) AS data""");
        }
        ShapeInference inference = ShapeInference.load(database.connection());
        assertEquals("{name: string!, email: string!~, maybe: string!~}!",
                CompactShape.of(inference.infer("v_sql_json")),
                "ABSENT ON NULL applies to the whole object");
        assertEquals("{emails: [string!]?, all: [integer!]!, kept: [integer?]!}!",
                CompactShape.of(inference.infer("v_sql_json_agg")));
    }

    private static Connection counting(Connection connection, AtomicInteger statements) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createStatement") || method.getName().equals("prepareStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
