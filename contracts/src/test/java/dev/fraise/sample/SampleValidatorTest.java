package dev.fraise.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestDatabases;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.inference.ShapeInference;
import dev.fraise.shape.ArrayShape;
import dev.fraise.shape.Field;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.Presence;
import dev.fraise.shape.Provenance;
import dev.fraise.shape.ScalarKind;
import dev.fraise.shape.ScalarShape;
import dev.fraise.shape.Shape;
import dev.fraise.shape.ViewShape;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real rows of real views checked against inferred and hand-written (GraphQL-like) expectations. */
class SampleValidatorTest {

    private static final Provenance HAND = new Provenance("expectation", "text", "test");
    private static final Nullability NON_NULL = Nullability.nonNull("declared non-null");
    private static final Nullability NULLABLE = Nullability.nullable("declared nullable");

    private static TestDatabases.Scratch database;
    private static Connection connection;

    @BeforeAll
    static void database() throws SQLException {
        database = TestDatabases.create();
        connection = database.connect();
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    CREATE TABLE tb_user (pk_user INT PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, email TEXT,
                        age NUMERIC)""");
            st.execute("CREATE TABLE tb_post (pk_post INT PRIMARY KEY, fk_user INT NOT NULL, title TEXT)");
            st.execute("INSERT INTO tb_user VALUES (1, 'u1', 'Ann', 'ann@x', 30), (2, 'u2', 'Bob', NULL, 30.5),"
                    + " (3, 'u3', 'Cy', NULL, NULL)");
            st.execute("INSERT INTO tb_post VALUES (10, 1, 'first'), (11, 1, NULL)");
            st.execute("""
                    CREATE VIEW v_user AS SELECT u.id, jsonb_build_object('name', u.name, 'email', u.email,
                        'age', u.age, 'posts', COALESCE((SELECT jsonb_agg(jsonb_build_object('title', p.title)
                        ORDER BY p.pk_post) FROM tb_post p WHERE p.fk_user = u.pk_user), '[]'::jsonb)) AS data
                    FROM tb_user u""");
            st.execute("CREATE VIEW v_no_id AS SELECT 1 AS pk, '{}'::jsonb AS data");
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        connection.close();
        database.close();
    }

    @Test
    void rowsConformToTheInferredShape() {
        ViewShape inferred = ShapeInference.load(connection).infer("v_user");
        SampleReport report = new SampleValidator(100, 10).validate(connection, inferred);
        assertEquals(3, report.rowsChecked());
        assertTrue(report.conforms(), report.violations().toString());
    }

    @Test
    void violationsNameTheRowIdAndJsonPath() {
        SampleReport report = new SampleValidator(100, 20).validate(connection, expectation());
        assertEquals(3, report.rowsChecked());
        assertEquals("""
                id u1 $.posts[1].title: null, but inferred non-null (declared non-null)
                id u1 $.nickname: key missing, but inferred always present
                id u1 $.name: expected integer but found string
                id u1 $.email: key not in the shape
                id u2 $.age: 30.5 is not an integer
                id u2 $.nickname: key missing, but inferred always present
                id u2 $.name: expected integer but found string
                id u2 $.email: key not in the shape
                id u3 $.age: null, but inferred non-null (declared non-null)
                id u3 $.nickname: key missing, but inferred always present
                id u3 $.name: expected integer but found string
                id u3 $.email: key not in the shape""", report.violations().stream().map(Violation::toString)
                .collect(Collectors.joining("\n")));
        assertEquals(ViolationKind.UNEXPECTED_NULL, report.violations().get(0).kind());
        assertEquals(ViolationKind.NOT_AN_INTEGER, report.violations().get(4).kind());
        assertFalse(report.truncated());
    }

    @Test
    void onlyTheFirstViolationsAreKeptAndTheReportSaysSo() {
        SampleReport report = new SampleValidator(2, 3).validate(connection, expectation());
        assertEquals(2, report.rowsChecked());
        assertEquals(3, report.violations().size());
        assertTrue(report.truncated());
    }

    @Test
    void aRelationWithoutIdFailsWithACode() {
        ViewShape shape = new ViewShape("v_no_id", new ObjectShape(Map.of(), HAND), NON_NULL, "test");
        FraiseException e = assertThrows(FraiseException.class,
                () -> new SampleValidator(10, 10).validate(connection, shape));
        assertEquals(ErrorCode.SAMPLE_QUERY_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("SAMPLE_QUERY_FAILED: v_no_id: "), e.getMessage());
    }

    /** What a stricter GraphQL type would expect: name Int!, age Int!, nickname always there, title non-null. */
    private static ViewShape expectation() {
        Map<String, Field> post = Map.of("title", new Field("title", scalar(ScalarKind.STRING, false), NON_NULL,
                Presence.ALWAYS));
        Map<String, Field> fields = new LinkedHashMap<>();
        fields.put("posts", new Field("posts", new ArrayShape(new ObjectShape(post, HAND), NON_NULL, HAND), NON_NULL,
                Presence.ALWAYS));
        fields.put("age", new Field("age", scalar(ScalarKind.NUMBER, true), NON_NULL, Presence.ALWAYS));
        fields.put("nickname", new Field("nickname", scalar(ScalarKind.STRING, false), NULLABLE, Presence.ALWAYS));
        fields.put("name", new Field("name", scalar(ScalarKind.NUMBER, true), NON_NULL, Presence.ALWAYS));
        return new ViewShape("v_user", new ObjectShape(fields, HAND), NON_NULL, "expectation");
    }

    private static Shape scalar(ScalarKind kind, boolean integer) {
        return new ScalarShape(kind, integer, HAND);
    }

    @Test
    void sqlNullDataIsAViolationOfANonNullShape() {
        List<Violation> found = ShapeConformance.violations("7", null, scalar(ScalarKind.STRING, false), NON_NULL);
        assertEquals(List.of(new Violation("7", "$", ViolationKind.UNEXPECTED_NULL,
                "null, but inferred non-null (declared non-null)")), found);
        assertTrue(ShapeConformance.violations("7", null, scalar(ScalarKind.STRING, false), NULLABLE).isEmpty());
    }
}
