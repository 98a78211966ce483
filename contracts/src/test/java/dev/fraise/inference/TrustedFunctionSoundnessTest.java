package dev.fraise.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.shape.ViewShape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the trusted lists of {@link FunctionInference} honest: every built-in the inference trusts never to return
 * NULL (or to be NULL only on NULL input), and every SQL value function, is called in a view on the edge values of
 * its argument types (±infinity, NaN, empty strings, formats and arrays, arrays of NULLs, zero, negatives, extremes),
 * and each row is evaluated in real PostgreSQL, with the default and with an empty {@code search_path}. Whenever the
 * inference claims the call non-null, no row may be NULL. The calls are generated from {@code pg_proc}: every
 * overload of a trusted name (and of every function matching {@link FunctionInference#SCALAR_OPERATOR}) whose
 * argument types have edge columns, with every combination of those columns, plus hand-written formats and fields.
 */
class TrustedFunctionSoundnessTest {

    /** Edge columns by argument type (as {@code regtype} prints it). */
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("text", List.of("e.t", "''::text"));
        COLUMNS.put("character varying", List.of("e.vc"));
        COLUMNS.put("name", List.of("e.nm"));
        COLUMNS.put("integer", List.of("e.i"));
        COLUMNS.put("smallint", List.of("e.s"));
        COLUMNS.put("bigint", List.of("e.b"));
        COLUMNS.put("numeric", List.of("e.n"));
        COLUMNS.put("double precision", List.of("e.f"));
        COLUMNS.put("real", List.of("e.r"));
        COLUMNS.put("timestamp with time zone", List.of("e.tz"));
        COLUMNS.put("timestamp without time zone", List.of("e.ts"));
        COLUMNS.put("date", List.of("e.d"));
        COLUMNS.put("time without time zone", List.of("e.tm"));
        COLUMNS.put("time with time zone", List.of("e.ttz"));
        COLUMNS.put("interval", List.of("e.iv"));
        COLUMNS.put("boolean", List.of("e.bo"));
        COLUMNS.put("bytea", List.of("e.by"));
        COLUMNS.put("uuid", List.of("e.u"));
        COLUMNS.put("jsonb", List.of("e.j"));
        COLUMNS.put("json", List.of("e.js"));
        COLUMNS.put("text[]", List.of("e.arr"));
        COLUMNS.put("integer[]", List.of("e.iarr"));
        COLUMNS.put("oid", List.of("e.o"));
        COLUMNS.put("anyarray", List.of("e.arr", "e.iarr"));
        COLUMNS.put("anycompatiblearray", List.of("e.arr", "e.iarr"));
        COLUMNS.put("anyelement", List.of("e.i", "e.t"));
        COLUMNS.put("anycompatible", List.of("e.i", "e.t"));
        COLUMNS.put("anynonarray", List.of("e.i", "e.t"));
        COLUMNS.put("\"any\"", List.of("e.t", "e.i"));
    }

    /** Formats, fields and units that columns of edge text do not reach. */
    private static final List<String> EXTRA = List.of("to_char(e.tz, 'DD')", "to_char(e.ts, 'YYYY-MM')",
            "to_char(e.d, 'DD')", "to_char(e.n, '999D9')", "to_char(e.f, '999')", "to_char(e.i, '')",
            "to_char(e.iv, 'HH24')", "to_char(e.tz, '')", "extract(month from e.tz)", "extract(epoch from e.tz)",
            "extract(year from e.ts)", "extract(day from e.d)", "extract(month from e.iv)", "extract(hour from e.tm)",
            "date_part('month', e.tz)", "date_part('epoch', e.ts)", "date_part('year', e.d)",
            "date_part('day', e.iv)", "date_trunc('month', e.tz)", "date_trunc('day', e.ts)",
            "date_trunc('month', e.iv)", "date_trunc('day', e.tz, 'UTC')", "to_timestamp(e.t, 'YYYY')",
            "to_date(e.t, 'YYYY')", "to_number(e.t, '999')", "age(e.tz)", "age(e.ts, e.ts)",
            "timezone('UTC', e.tz)", "timezone('UTC', e.ts)", "split_part(e.t, ',', 2)", "encode(e.by, 'hex')",
            "decode(e.t, 'hex')", "array_to_string(e.arr, ',')", "array_to_string(e.iarr, ',', '*')",
            "round(e.n, 2)", "trunc(e.n, 1)", "left(e.t, -1)", "repeat(e.t, 0)", "lpad(e.t, 0)", "substr(e.t, 5)",
            "position('a' in e.t)", "lower(e.t)", "upper(e.t)", "e.t || e.t", "e.t LIKE e.t", "e.t ~ 'a'",
            "e.j ? 'a'", "e.j @> e.j", "e.arr @> e.arr", "e.arr && e.arr", "e.arr = e.arr", "e.tz + e.iv",
            "e.d + e.i", "e.d - e.d", "e.ts - e.ts", "e.n / 2", "-e.n", "e.iv * 2", "make_interval(days => e.i)",
            "jsonb_build_object('a', e.t)", "concat(e.t, e.i)", "e.ts::time", "e.tz::timetz", "e.tz::time");
    /** SQL value functions, which the parser turns into SQLValueFunction (or, since PostgreSQL 16, some into calls). */
    private static final List<String> VALUE_FUNCTIONS = List.of("current_date", "current_time",
            "current_timestamp", "current_time(2)", "current_timestamp(2)", "localtime", "localtimestamp",
            "localtime(2)", "localtimestamp(2)", "current_role", "current_user", "user", "session_user",
            "current_catalog", "current_schema", "current_schema()");

    private static ScratchDatabase database;

    @BeforeAll
    static void edges() throws SQLException {
        database = ScratchDatabase.create("""
                CREATE TABLE tb_edge (pk integer PRIMARY KEY, t text NOT NULL, vc varchar NOT NULL, nm name NOT NULL,
                    i int4 NOT NULL, s int2 NOT NULL, b int8 NOT NULL, n numeric NOT NULL, f float8 NOT NULL,
                    r float4 NOT NULL, tz timestamptz NOT NULL, ts timestamp NOT NULL, d date NOT NULL,
                    tm time NOT NULL, ttz timetz NOT NULL, iv interval NOT NULL, bo bool NOT NULL, by bytea NOT NULL,
                    u uuid NOT NULL, j jsonb NOT NULL, js json NOT NULL, arr text[] NOT NULL, iarr int4[] NOT NULL,
                    o oid NOT NULL)""", """
                INSERT INTO tb_edge VALUES
                (1, '', '', '', 0, 0, 0, 'NaN', 'NaN', 'NaN', 'infinity', 'infinity', 'infinity', '00:00',
                    '00:00+00', '0', false, '', '00000000-0000-0000-0000-000000000000', 'null', 'null', '{}', '{}', 0),
                (2, 'DD', 'x', 'x', -1, -1, -1, -1.5, '-Infinity', '-Infinity', '-infinity', '-infinity', '-infinity',
                    '23:59:59.999999', '24:00:00+14', '-1 day -1 sec', true, '\\x00',
                    'ffffffff-ffff-ffff-ffff-ffffffffffff', '{}', '[]', '{NULL}', '{NULL}', 1),
                (3, 'month', 'month', 'month', 2147483647, 32767, 9223372036854775807, 'Infinity', 'Infinity',
                    'Infinity', '2024-02-29 12:34:56+00', '2024-02-29 12:34:56', '2024-02-29', '12:00', '12:00-14',
                    '1 mon 2 days 03:04:05', true, '\\xff', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '[1, null]',
                    '{"a": null}', '{a,NULL}', '{1,NULL}', 4294967295),
                (4, ' a,b ', 'ab', 'ab', -2147483648, -32768, -9223372036854775808, 0.000001, 1e308, -0.0,
                    '4714-11-24 00:00:00+00 BC', '294276-12-31 23:59:59', '5874897-12-31', '24:00', '00:00-15:59',
                    '-178000000 years', false, '\\x5c', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '"s"', '1',
                    '{"",b}', '{{1,2},{3,4}}', 0),
                (5, 'epoch', 'YYYY', 'epoch', 2, 2, 2, 2.5, 0.5, 0.5, '2000-01-01 00:00+00', '1999-12-31 23:59:59',
                    '2000-01-01', '01:02:03', '01:02:03+01', '1 year', true, '\\x616263',
                    'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13', '[]', '{}', '{a,b}', '{1,2}', 2)""");
    }

    @AfterAll
    static void drop() throws SQLException {
        database.close();
    }

    @Test
    void everyTrustedCallIsNonNullOnEveryEdgeRow() throws SQLException {
        Connection connection = database.connection();
        Map<String, List<String>> calls = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        generate(connection, calls, missing);
        calls.computeIfAbsent("(hand-written)", k -> new ArrayList<>()).addAll(EXTRA);
        calls.computeIfAbsent("(SQL value functions)", k -> new ArrayList<>()).addAll(VALUE_FUNCTIONS);
        assertTrue(missing.isEmpty(), () -> "trusted functions with no generated call (give their argument types"
                + " edge columns or a hand-written call):\n  " + String.join("\n  ", missing));

        Map<String, String> views = new LinkedHashMap<>();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            int n = 0;
            for (List<String> expressions : calls.values()) {
                for (String expression : expressions) {
                    String view = "v_call_" + n++;
                    st.execute("SAVEPOINT create_view");
                    try {
                        st.execute("CREATE VIEW " + view + " AS SELECT e.pk AS id, " + expression
                                + " AS x FROM tb_edge e");
                        views.put(view, expression);
                    } catch (SQLException ambiguousOrMistyped) {
                        st.execute("ROLLBACK TO SAVEPOINT create_view");
                    }
                }
            }
            st.execute("RELEASE SAVEPOINT create_view");
        }
        connection.commit();

        ShapeInference inference = ShapeInference.load(connection);
        List<String> unsound = new ArrayList<>();
        int claimed = 0;
        int evaluated = 0;
        for (Map.Entry<String, String> entry : views.entrySet()) {
            ViewShape shape = inference.infer(entry.getKey(), "x");
            boolean nonNull = !shape.nullability().nullable() || shape.nullability().jsonNullOnly();
            if (!nonNull) {
                continue;
            }
            claimed++;
            List<String> nullOn = new ArrayList<>();
            for (String searchPath : List.of("DEFAULT", "''")) {
                for (int pk = 1; pk <= 5; pk++) {
                    Boolean isNull = evaluate(connection, entry.getKey(), pk, searchPath);
                    if (isNull == null) {
                        continue;
                    }
                    evaluated++;
                    if (isNull) {
                        nullOn.add(pk + (searchPath.equals("''") ? " (empty search_path)" : ""));
                    }
                }
            }
            if (!nullOn.isEmpty()) {
                unsound.add(entry.getValue() + " is NULL on edge rows " + nullOn + " but inferred "
                        + shape.nullability());
            }
        }
        connection.setAutoCommit(true);
        int views0 = views.size();
        int claimed0 = claimed;
        assertTrue(claimed > 100 && evaluated > claimed, () -> "too few calls exercised: " + claimed0 + " of "
                + views0);
        assertTrue(unsound.isEmpty(), () -> unsound.size() + " trusted calls return NULL on non-null input:\n  "
                + String.join("\n  ", unsound));
    }

    /** Whether the call is NULL on that row, or null when PostgreSQL raised an error (which is not a NULL). */
    private static Boolean evaluate(Connection connection, String view, int pk, String searchPath)
            throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SAVEPOINT evaluate");
            try {
                st.execute("SET LOCAL search_path = " + searchPath);
                try (PreparedStatement query = connection.prepareStatement("SELECT x IS NULL FROM public." + view
                        + " WHERE id = ?")) {
                    query.setInt(1, pk);
                    try (ResultSet rs = query.executeQuery()) {
                        return rs.next() ? rs.getBoolean(1) : null;
                    }
                }
            } catch (SQLException raised) {
                return null;
            } finally {
                st.execute("ROLLBACK TO SAVEPOINT evaluate");
            }
        }
    }

    /** Calls of every overload of every trusted name whose argument types all have edge columns. */
    private static void generate(Connection connection, Map<String, List<String>> calls, List<String> missing)
            throws SQLException {
        TreeSet<String> trusted = new TreeSet<>(FunctionInference.NULL_PRESERVING);
        trusted.addAll(FunctionInference.NEVER_NULL);
        trusted.add("lower");
        trusted.add("upper");
        Map<String, List<List<String>>> overloads = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT p.proname, p.proargtypes::regtype[]::text[] FROM pg_proc p
                WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.prokind = 'f' AND NOT p.proretset
                ORDER BY p.proname, p.oid""")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (trusted.contains(name) || FunctionInference.SCALAR_OPERATOR.matcher(name).matches()) {
                    overloads.computeIfAbsent(name, k -> new ArrayList<>())
                            .add(List.of((String[]) rs.getArray(2).getArray()));
                }
            }
        }
        for (Map.Entry<String, List<List<String>>> entry : overloads.entrySet()) {
            List<String> generated = new ArrayList<>();
            for (List<String> arguments : entry.getValue()) {
                if (arguments.stream().allMatch(COLUMNS::containsKey)) {
                    combinations(arguments, 0, new ArrayList<>(), entry.getKey(), generated);
                }
            }
            boolean extra = EXTRA.stream().anyMatch(e -> e.startsWith(entry.getKey() + "("));
            if (generated.isEmpty() && !extra && trusted.contains(entry.getKey())) {
                missing.add(entry.getKey() + " " + entry.getValue());
            }
            calls.put(entry.getKey(), generated);
        }
    }

    private static void combinations(List<String> types, int at, List<String> chosen, String name, List<String> out) {
        if (at == types.size()) {
            out.add("pg_catalog." + name + "(" + String.join(", ", chosen) + ")");
            return;
        }
        for (String column : COLUMNS.get(types.get(at))) {
            chosen.add(column);
            combinations(types, at + 1, chosen, name, out);
            chosen.remove(chosen.size() - 1);
        }
    }
}
