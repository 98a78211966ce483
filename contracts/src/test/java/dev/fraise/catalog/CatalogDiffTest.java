package dev.fraise.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fraise.TestDatabases;
import dev.fraise.catalog.CatalogDifference.Type;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogDiffTest {

    static final String COMMON = """
            CREATE TABLE t (id integer PRIMARY KEY, a integer);
            CREATE TABLE u (fk integer);
            CREATE TABLE w (x integer);
            CREATE FUNCTION f(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x $$;
            CREATE TABLE tb_confiture (version text);
            """;

    static final String EXPECTED = COMMON + """
            ALTER TABLE t ADD COLUMN name text, ADD COLUMN note text;
            CREATE VIEW v AS SELECT id FROM t;
            ALTER TABLE u ADD FOREIGN KEY (fk) REFERENCES t (id);
            ALTER TABLE w ADD CHECK (x > 0);
            ALTER TABLE w ADD CHECK (x < 10);
            CREATE TABLE gone (id integer PRIMARY KEY, c text);
            INSERT INTO tb_confiture VALUES ('001');
            """;

    static final String ACTUAL = COMMON + """
            ALTER TABLE t ADD COLUMN name varchar(20);
            CREATE VIEW v AS SELECT id, name FROM t;
            ALTER TABLE u ADD FOREIGN KEY (fk) REFERENCES t (id) ON DELETE CASCADE;
            ALTER TABLE w ADD CHECK (x < 10);
            ALTER TABLE w ADD CHECK (x > 0);
            CREATE INDEX ON t (name);
            ALTER TABLE tb_confiture ADD COLUMN applied_at timestamptz;
            """;

    static CatalogSnapshot expected;
    static CatalogSnapshot actual;

    @BeforeAll
    static void snapshots() throws Exception {
        expected = snapshot(EXPECTED);
        actual = snapshot(ACTUAL);
    }

    @Test
    void reportsMissingExtraAndDifferentObjects() {
        List<String> found = CatalogDiff.between(expected, actual).stream()
                .map(d -> d.type() + " " + d.object()).toList();
        assertEquals(List.of(
                "MISSING_IN_ACTUAL table public.gone",
                "DEFINITION_DIFFERS column public.t.name",
                "MISSING_IN_ACTUAL column public.t.note",
                "DEFINITION_DIFFERS constraint public.u.u_fk_fkey",
                "EXTRA_IN_ACTUAL index public.t_name_idx",
                "DEFINITION_DIFFERS view public.v"), found);
    }

    @Test
    void differencesCarryBothDefinitions() {
        CatalogDifference view = find(CatalogDiff.between(expected, actual), ObjectKind.VIEW, "public.v");
        // PostgreSQL 15 qualifies the columns (t.id), 16 and later do not
        assertEquals(Optional.of("SELECT id\n   FROM t"), view.expected().map(d -> d.replace("t.", "")));
        assertEquals(Optional.of("SELECT id,\n    name\n   FROM t"), view.actual().map(d -> d.replace("t.", "")));
        assertEquals(new CatalogDifference(Type.DEFINITION_DIFFERS, ObjectKind.COLUMN, "public.t.name",
                Optional.of("text"), Optional.of("character varying(20)")),
                find(CatalogDiff.between(expected, actual), ObjectKind.COLUMN, "public.t.name"));
        assertEquals(new CatalogDifference(Type.DEFINITION_DIFFERS, ObjectKind.CONSTRAINT, "public.u.u_fk_fkey",
                Optional.of("FOREIGN KEY (fk) REFERENCES t(id)"),
                Optional.of("FOREIGN KEY (fk) REFERENCES t(id) ON DELETE CASCADE")),
                find(CatalogDiff.between(expected, actual), ObjectKind.CONSTRAINT, "public.u.u_fk_fkey"));
        assertEquals(new CatalogDifference(Type.EXTRA_IN_ACTUAL, ObjectKind.INDEX, "public.t_name_idx",
                Optional.empty(), Optional.of("CREATE INDEX ON public.t USING btree (name)")),
                find(CatalogDiff.between(expected, actual), ObjectKind.INDEX, "public.t_name_idx"));
        assertEquals(new CatalogDifference(Type.MISSING_IN_ACTUAL, ObjectKind.COLUMN, "public.t.note",
                Optional.of("text"), Optional.empty()),
                find(CatalogDiff.between(expected, actual), ObjectKind.COLUMN, "public.t.note"));
    }

    @Test
    void aMissingTableCarriesItsColumnsAndConstraints() {
        assertEquals(Optional.of("""
                TABLE
                  column public.gone.c: text
                  column public.gone.id: integer NOT NULL
                  constraint public.gone.gone_pkey: PRIMARY KEY (id)"""),
                find(CatalogDiff.between(expected, actual), ObjectKind.TABLE, "public.gone").expected());
    }

    @Test
    void directionIsSymmetric() {
        List<String> reverse = CatalogDiff.between(actual, expected).stream()
                .map(d -> d.type() + " " + d.object()).toList();
        assertEquals(List.of(
                "EXTRA_IN_ACTUAL table public.gone",
                "DEFINITION_DIFFERS column public.t.name",
                "EXTRA_IN_ACTUAL column public.t.note",
                "DEFINITION_DIFFERS constraint public.u.u_fk_fkey",
                "MISSING_IN_ACTUAL index public.t_name_idx",
                "DEFINITION_DIFFERS view public.v"), reverse);
    }

    @Test
    void generatedNamesWithOtherCountersAreTheSameConstraint() {
        assertEquals("CHECK (x > 0)", CatalogSnapshotTest.def(expected, ObjectKind.CONSTRAINT, "public.w.w_x_check"));
        assertEquals("CHECK (x < 10)", CatalogSnapshotTest.def(actual, ObjectKind.CONSTRAINT, "public.w.w_x_check"));
        assertEquals(List.of(), CatalogDiff.between(expected, actual).stream()
                .filter(d -> d.name().startsWith("public.w.")).toList());
    }

    @Test
    void identicalSnapshotsHaveNoDifferences() {
        assertEquals(List.of(), CatalogDiff.between(expected, expected));
    }

    @Test
    void objectsOfAMissingSchemaFoldIntoIt() throws Exception {
        CatalogSnapshot withSchema = snapshot("CREATE SCHEMA extra; CREATE TABLE extra.t (id integer);"
                + " CREATE VIEW extra.v AS SELECT 1 AS one;");
        CatalogSnapshot without = snapshot("SELECT 1");
        List<CatalogDifference> differences = CatalogDiff.between(withSchema, without);
        assertEquals(1, differences.size(), differences.toString());
        assertEquals("""
                SCHEMA extra
                  table extra.t: TABLE
                    column extra.t.id: integer
                  view extra.v: SELECT 1 AS one""", differences.get(0).expected().orElseThrow());
    }

    private static CatalogDifference find(List<CatalogDifference> differences, ObjectKind kind, String name) {
        return differences.stream().filter(d -> d.kind() == kind && d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " " + name + " not in " + differences));
    }

    private static CatalogSnapshot snapshot(String sql) throws Exception {
        try (TestDatabases.Scratch db = TestDatabases.create()) {
            db.execute(sql);
            try (Connection c = db.connect()) {
                return CatalogSnapshot.take(c, List.of());
            }
        }
    }
}
