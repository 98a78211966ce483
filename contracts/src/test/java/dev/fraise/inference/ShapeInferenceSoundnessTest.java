package dev.fraise.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fraise.sample.SampleReport;
import dev.fraise.sample.SampleValidator;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.ViewShape;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Soundness regressions found by {@link ShapeInferencePropertyTest} (and by review): each view is the minimal
 * reproduction, and every one of its real rows must conform to the inferred shape.
 */
class ShapeInferenceSoundnessTest {

    private static ScratchDatabase database;

    @BeforeAll
    static void tables() throws SQLException {
        database = ScratchDatabase.create(
                "CREATE TABLE tb_doc (pk integer PRIMARY KEY, payload jsonb NOT NULL, extra jsonb,"
                        + " amount numeric NOT NULL, cells text[] NOT NULL, pattern text, sep text,"
                        + " span int4range NOT NULL)",
                "INSERT INTO tb_doc VALUES (1, 'null', 'null', 'NaN', '{{a,b},{c,d}}', NULL, NULL, 'empty'),"
                        + " (2, '{\"a\": \"x\"}', NULL, 1.5, '{e}', '%s!', '-', '[1,3)')",
                "CREATE TABLE tb_left (pk integer PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE tb_right (pk integer PRIMARY KEY, label text NOT NULL)",
                "INSERT INTO tb_left VALUES (1, 'a')",
                "CREATE TABLE tb_event (pk integer PRIMARY KEY, at timestamptz NOT NULL)",
                "INSERT INTO tb_event VALUES (1, 'infinity'), (2, '2024-02-29 12:00+00')",
                "INSERT INTO tb_right VALUES (1, 'x'), (2, 'y')");
    }

    @AfterAll
    static void drop() throws SQLException {
        database.close();
    }

    /** A NOT NULL json/jsonb column can hold JSON {@code null}, which jsonb_strip_nulls then removes. */
    @Test
    void jsonNullInANotNullJsonbColumn() throws SQLException {
        assertConforms("v_json_null", """
                CREATE VIEW v_json_null AS SELECT d.pk AS id, jsonb_build_object('payload', d.payload,
                    'stripped', jsonb_strip_nulls(jsonb_build_object('payload', d.payload))) AS data FROM tb_doc d""");
    }

    /** COALESCE skips SQL NULL only: a JSON {@code null} argument is returned, not skipped. */
    @Test
    void coalesceReturnsAJsonNullArgument() throws SQLException {
        assertConforms("v_coalesce_json_null", """
                CREATE VIEW v_coalesce_json_null AS SELECT d.pk AS id, jsonb_build_object(
                    'literal', COALESCE('null'::jsonb, '"s"'::jsonb), 'column', COALESCE(d.extra, '{}'::jsonb)) AS data
                FROM tb_doc d""");
    }

    /** to_jsonb of a numeric NaN (or Infinity) is a JSON string. */
    @Test
    void numericNaNIsAJsonString() throws SQLException {
        assertConforms("v_nan", """
                CREATE VIEW v_nan AS SELECT d.pk AS id, jsonb_build_object('amount', d.amount) AS data
                FROM tb_doc d""");
    }

    /** to_char of an infinite timestamp is NULL, whatever the format. */
    @Test
    void toCharOfInfinityIsNull() throws SQLException {
        assertConforms("v_to_char_infinity", """
                CREATE VIEW v_to_char_infinity AS SELECT e.pk AS id, jsonb_build_object('day', to_char(e.at, 'DD'))
                    AS data FROM tb_event e""");
        assertNullable("v_to_char_infinity", "day");
    }

    /** extract (and date_part) of a field of an infinite timestamp is NULL. */
    @Test
    void extractOfInfinityIsNull() throws SQLException {
        assertConforms("v_extract_infinity", """
                CREATE VIEW v_extract_infinity AS SELECT e.pk AS id, jsonb_build_object(
                    'month', extract(month from e.at), 'part', date_part('month', e.at)) AS data FROM tb_event e""");
        assertNullable("v_extract_infinity", "month");
        assertNullable("v_extract_infinity", "part");
    }

    private static void assertNullable(String view, String key) {
        ViewShape shape = ShapeInference.load(database.connection()).infer(view);
        assertTrue(((ObjectShape) shape.data()).field(key).orElseThrow().nullable(), () -> view + "." + key
                + " is NULL on the 'infinity' row but inferred non-null:\n" + shape.toTree());
    }

    /** A row proven real on one side of a FULL JOIN says nothing about the other side. */
    @Test
    void provingOneSideOfAFullJoinDoesNotProveTheOther() throws SQLException {
        assertConforms("v_full_where", """
                CREATE VIEW v_full_where AS SELECT r.pk AS id,
                    jsonb_build_object('name', l.name, 'label', r.label) AS data
                FROM tb_left l FULL JOIN tb_right r ON r.pk = l.pk WHERE r.pk IS NOT NULL""");
        assertConforms("v_full_case", """
                CREATE VIEW v_full_case AS SELECT r.pk AS id, jsonb_build_object(
                    'name', CASE WHEN r.pk IS NOT NULL THEN l.name ELSE 'none' END) AS data
                FROM tb_left l FULL JOIN tb_right r ON r.pk = l.pk""");
    }

    /** json keeps duplicate keys: json_strip_nulls drops the later null pair and the earlier value remains. */
    @Test
    void jsonDuplicateKeyStrippedOfItsLastNullValue() throws SQLException {
        assertConforms("v_json_duplicate", """
                CREATE VIEW v_json_duplicate AS SELECT d.pk AS id,
                    json_strip_nulls(json_build_object('k', d.pk, 'k', d.pattern)) AS data FROM tb_doc d""");
    }

    /** ABSENT ON NULL drops a later null pair, so an earlier pair of the same key remains (PostgreSQL 16+). */
    @Test
    void absentOnNullKeepsAnEarlierPairOfTheSameKey() throws SQLException {
        assumeTrue(database.majorVersion() >= 16, "JSON_OBJECT needs PostgreSQL 16");
        assertConforms("v_absent_duplicate", """
                CREATE VIEW v_absent_duplicate AS SELECT d.pk AS id,
                    JSON_OBJECT('k' : d.pk, 'k' : d.pattern ABSENT ON NULL RETURNING jsonb) AS data FROM tb_doc d""");
    }

    /** GROUPING SETS and ROLLUP null the grouped columns in their super-aggregate rows. */
    @Test
    void groupingSetsNullTheGroupedColumns() throws SQLException {
        assertConforms("v_rollup", """
                CREATE VIEW v_rollup AS SELECT l.pk AS id, jsonb_build_object('name', l.name, 'n', count(*)) AS data
                FROM tb_left l GROUP BY ROLLUP ((l.pk, l.name))""");
    }

    /** format() and concat_ws() return NULL when the format string or separator is NULL. */
    @Test
    void formatAndConcatWsWithANullFirstArgument() throws SQLException {
        assertConforms("v_format", """
                CREATE VIEW v_format AS SELECT d.pk AS id, jsonb_build_object('f', format(d.pattern, d.pk),
                    'c', concat_ws(d.sep, 'a', 'b')) AS data FROM tb_doc d""");
    }

    /** A JSON builder called with VARIADIC NULL returns NULL. */
    @Test
    void variadicNullBuildsNull() throws SQLException {
        assertConforms("v_variadic", """
                CREATE VIEW v_variadic AS SELECT d.pk AS id, jsonb_build_object(
                    'object', jsonb_build_object(VARIADIC CASE WHEN d.pk = 2 THEN ARRAY['k', 'v'] END),
                    'array', json_build_array(VARIADIC CASE WHEN d.pk = 2 THEN ARRAY['v'] END)) AS data
                FROM tb_doc d""");
    }

    /** An array column may hold a multi-dimensional array: to_jsonb nests it. */
    @Test
    void arrayColumnsCanBeMultiDimensional() throws SQLException {
        assertConforms("v_grid", """
                CREATE VIEW v_grid AS SELECT d.pk AS id, jsonb_build_object('cells', d.cells) AS data FROM tb_doc d""");
    }

    /** Strict built-ins that return NULL for non-null input: jsonb_path_match, lower/upper of an empty range. */
    @Test
    void strictBuiltInsThatReturnNullForNonNullInput() throws SQLException {
        assertConforms("v_strict_null", """
                CREATE VIEW v_strict_null AS SELECT d.pk AS id, jsonb_build_object(
                    'match', jsonb_path_match(d.payload, '$.a == 1'), 'low', lower(d.span)) AS data
                FROM tb_doc d""");
    }

    private static void assertConforms(String view, String ddl) throws SQLException {
        try (Statement st = database.connection().createStatement()) {
            st.execute(ddl);
        }
        ViewShape shape = ShapeInference.load(database.connection()).infer(view);
        SampleReport report = new SampleValidator(1000, 20).validate(database.connection(), shape);
        assertTrue(report.rowsChecked() > 0, view + " has rows");
        assertTrue(report.violations().isEmpty(), () -> view + " has rows that contradict its inferred shape:\n"
                + shape.toTree() + report.violations().stream().map(v -> "  " + v.kind() + " " + v)
                .collect(Collectors.joining("\n")));
    }
}
