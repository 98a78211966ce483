package dev.fraise.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.sample.SampleReport;
import dev.fraise.sample.SampleValidator;
import dev.fraise.shape.ViewShape;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Open objects: {@code jsonb_build_object(…) || t.data} and {@code t.data || jsonb_build_object(…)} over a column a
 * CHECK proves an object, {@code jsonb - 'key'}, and what {@code CHECK (jsonb_typeof(x) …)} proves. Each shape is
 * asserted exactly ({@link CompactShape}: {@code ...} closes an open object), and every real row of each view — data
 * holding the literal's keys (with other kinds, with JSON null), arrays, scalars, JSON null where nothing proves
 * otherwise — must conform to it.
 */
class ShapeInferenceOpenObjectTest {

    private static ScratchDatabase database;

    @BeforeAll
    static void tables() throws SQLException {
        database = ScratchDatabase.create("""
                CREATE TABLE tb_x (pk integer PRIMARY KEY, id uuid NOT NULL, name text NOT NULL, nick text,
                    data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
                    loose jsonb NOT NULL,
                    maybe jsonb CHECK ('object' = jsonb_typeof(maybe)),
                    solid jsonb NOT NULL CHECK (jsonb_typeof(solid) <> 'null'),
                    kinds jsonb CHECK (jsonb_typeof(kinds) IN ('object', 'array')))""", """
                INSERT INTO tb_x VALUES
                    (1, '6f1c1b8e-0000-4000-8000-000000000001', 'ann', NULL, '{}', '[1]', NULL, '[]', NULL),
                    (2, '6f1c1b8e-0000-4000-8000-000000000002', 'bob', 'b',
                        '{"id": 5, "name": null, "nick": [1], "extra": {"a": null}}', 'null', '{"k": 1}', '3',
                        '[null]'),
                    (3, '6f1c1b8e-0000-4000-8000-000000000003', 'cy', NULL, '{"extra": null}', '"s"',
                        '{"id": null}', '{"x": null}', '{"id": 1}'),
                    (4, '6f1c1b8e-0000-4000-8000-000000000004', 'di', 'd', '{"k": 2}', '{"a": 1}', NULL, 'true',
                        '{}')""");
    }

    @AfterAll
    static void drop() throws SQLException {
        database.close();
    }

    @Test
    void literalThenDataKeepsTheLiteralKeysButTheirValuesMayBeReplaced() throws SQLException {
        ViewShape shape = conforming("v_literal_data", """
                CREATE VIEW v_literal_data AS SELECT x.pk AS id,
                    jsonb_build_object('id', x.id::text, 'name', x.name) || x.data AS data FROM tb_x x""");
        assertEquals("{id: unknown?, name: unknown?, ...}!", CompactShape.of(shape));
        assertTrue(shape.toTree().contains("data: object (open), non-null"), shape.toTree());
        assertTrue(shape.toTree().contains("'name' may be replaced by its value in tb_x.data, an object whose keys"
                + " are not known statically (CHECK jsonb_typeof(data) = 'object') (the right operand of || wins)"),
                shape.toTree());
        assertTrue(shape.toTree().contains("*: any other key, any value, may be absent [tb_x.data, an object"),
                shape.toTree());
    }

    @Test
    void dataThenLiteralMakesTheLiteralKeysExact() throws SQLException {
        ViewShape shape = conforming("v_data_literal", """
                CREATE VIEW v_data_literal AS SELECT x.pk AS id,
                    x.data || jsonb_build_object('id', x.id::text, 'nick', x.nick) AS data FROM tb_x x""");
        assertEquals("{id: string!, nick: string?, ...}!", CompactShape.of(shape));
        assertEquals("""
                v_data_literal.data (view definition)
                  data: object (open), non-null  ← jsonb || jsonb :: jsonb in v_data_literal
                    id: string, non-null  ← tb_x.id::text :: text in v_data_literal
                    nick: string, nullable (tb_x.nick has no NOT NULL)  ← tb_x.nick :: text in v_data_literal
                    *: any other key, any value, may be absent [tb_x.data, an object whose keys are not known \
                statically (CHECK jsonb_typeof(data) = 'object')]  ← tb_x.data :: jsonb in v_data_literal
                """, shape.toTree());
    }

    @Test
    void duplicateKeysOnBothSidesOfTheData() throws SQLException {
        assertEquals("{id: unknown?, name: string?, nick: string!, ...}!", shape("v_both_sides", """
                CREATE VIEW v_both_sides AS SELECT x.pk AS id,
                    jsonb_build_object('id', x.pk, 'name', x.name) || x.data
                        || jsonb_build_object('name', x.nick, 'nick', 'n') AS data FROM tb_x x"""));
        assertEquals("{a: string!, b: integer!}!", shape("v_literal_duplicates", """
                CREATE VIEW v_literal_duplicates AS SELECT x.pk AS id,
                    jsonb_build_object('a', 1, 'b', 2) || jsonb_build_object('a', x.name) AS data FROM tb_x x"""));
    }

    @Test
    void aNullOperandMakesTheResultNull() throws SQLException {
        assertEquals("{sql_null: null?, maybe_object: {id: unknown?, ...}?}!", shape("v_null_operand", """
                CREATE VIEW v_null_operand AS SELECT x.pk AS id, jsonb_build_object(
                    'sql_null', jsonb_build_object('id', x.pk) || NULL::jsonb,
                    'maybe_object', jsonb_build_object('id', x.pk) || x.maybe) AS data FROM tb_x x"""));
    }

    @Test
    void aCheckProvesAnObjectOrNoJsonNull() throws SQLException {
        ViewShape shape = conforming("v_proofs", """
                CREATE VIEW v_proofs AS SELECT x.pk AS id, jsonb_build_object('data', x.data, 'maybe', x.maybe,
                    'solid', x.solid, 'loose', x.loose, 'kinds', x.kinds) AS data FROM tb_x x""");
        assertEquals("{data: {...}!, maybe: {...}?, solid: json!, loose: json?, kinds: json?}!",
                CompactShape.of(shape));
        assertTrue(shape.toTree().contains("solid: json, non-null"), shape.toTree());
    }

    @Test
    void withoutAnObjectProofConcatenationIsOfUnknownKind() throws SQLException {
        ViewShape shape = conforming("v_unproven", """
                CREATE VIEW v_unproven AS SELECT x.pk AS id, jsonb_build_object(
                    'loose', jsonb_build_object('id', x.pk) || x.loose,
                    'solid', jsonb_build_object('id', x.pk) || x.solid,
                    'kinds', x.kinds || jsonb_build_object('id', x.pk)) AS data FROM tb_x x""");
        assertEquals("{loose: unknown!, solid: unknown!, kinds: unknown?}!", CompactShape.of(shape));
        assertTrue(shape.toTree().contains("tb_x.solid may be an array, a scalar or JSON null, which makes || an"
                + " array"),
                shape.toTree());
    }

    @Test
    void removingAConstantKeyDropsItAndAnyOtherKeyMakesEveryKeyMaybeAbsent() throws SQLException {
        assertEquals("{removed: {id: integer!}!, open: {id: unknown?, ...}!,"
                + " dynamic: {id: integer!~, nick: string?~}!, data: {...}?}!", shape("v_delete", """
                CREATE VIEW v_delete AS SELECT x.pk AS id, jsonb_build_object(
                    'removed', jsonb_build_object('id', x.pk, 'nick', x.nick) - 'nick',
                    'open', (jsonb_build_object('id', x.id::text, 'name', x.name) || x.data) - 'name',
                    'dynamic', jsonb_build_object('id', x.pk, 'nick', x.nick) - x.name,
                    'data', x.maybe - 'k') AS data FROM tb_x x"""));
    }

    @Test
    void openObjectsThroughViewsCaseAndStripNulls() throws SQLException {
        conforming("v_open_child", """
                CREATE VIEW v_open_child AS SELECT x.pk AS id,
                    x.data || jsonb_build_object('name', x.name) AS data FROM tb_x x""");
        assertEquals("{child: {name: string!, ...}!, either: {id: unknown?~, ...}!, stripped: {nick: string!~, ...}!}!",
                shape("v_open_parent", """
                CREATE VIEW v_open_parent AS SELECT x.pk AS id, jsonb_build_object(
                    'child', c.data,
                    'either', CASE WHEN x.pk > 2 THEN x.data ELSE jsonb_build_object('id', x.pk) END,
                    'stripped', jsonb_strip_nulls(x.data || jsonb_build_object('nick', x.nick))) AS data
                FROM tb_x x JOIN v_open_child c ON c.id = x.pk"""));
    }

    private static String shape(String view, String ddl) throws SQLException {
        return CompactShape.of(conforming(view, ddl));
    }

    /** Creates the view, infers it, and asserts that each of its rows conforms to the inferred shape. */
    private static ViewShape conforming(String view, String ddl) throws SQLException {
        try (Statement st = database.connection().createStatement()) {
            st.execute(ddl);
        }
        ViewShape shape = ShapeInference.load(database.connection()).infer(view);
        SampleReport report = new SampleValidator(1000, 20).validate(database.connection(), shape);
        assertEquals(4, report.rowsChecked(), view + " rows");
        assertTrue(report.violations().isEmpty(), () -> view + " has rows that contradict its inferred shape:\n"
                + shape.toTree() + report.violations().stream().map(v -> "  " + v.kind() + " " + v)
                .collect(Collectors.joining("\n")));
        return shape;
    }
}
