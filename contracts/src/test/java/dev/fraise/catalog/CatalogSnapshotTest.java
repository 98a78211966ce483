package dev.fraise.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogSnapshotTest {

    static final String EVERY_KIND = """
            CREATE EXTENSION pgcrypto;
            CREATE SCHEMA app;
            CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
            CREATE TYPE app.pair AS (a integer, b text);
            CREATE DOMAIN app.positive AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0);
            CREATE TYPE app.span AS RANGE (subtype = numeric);
            CREATE SEQUENCE app.counter AS integer START 10 INCREMENT 5;
            CREATE TABLE app.item (
                pk_item integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                code text COLLATE "C" NOT NULL UNIQUE,
                mood app.mood DEFAULT 'ok',
                qty app.positive,
                price numeric(10,2) CHECK (price >= 0),
                total numeric GENERATED ALWAYS AS (price * 2) STORED,
                serial_no serial,
                CONSTRAINT item_code_short CHECK (length(code) < 10)
            );
            CREATE TABLE app.item_tag (
                fk_item integer REFERENCES app.item (pk_item) ON DELETE CASCADE,
                tag text,
                EXCLUDE USING btree (tag WITH =)
            );
            CREATE INDEX item_lower_code ON app.item (lower(code));
            CREATE INDEX ON app.item_tag (fk_item);
            CREATE VIEW app.v_item AS SELECT pk_item, code FROM app.item WHERE qty > 1;
            CREATE MATERIALIZED VIEW app.mv_item AS SELECT count(*) AS n FROM app.item;
            CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RETURN NEW;
            END;
            $$;
            CREATE FUNCTION app.add(a integer, b integer DEFAULT 1) RETURNS integer
                LANGUAGE sql IMMUTABLE STRICT RETURN a + b;
            CREATE PROCEDURE app.reset() LANGUAGE sql AS $$ DELETE FROM app.item_tag $$;
            CREATE AGGREGATE app.total_of(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
            CREATE TRIGGER item_touch BEFORE UPDATE ON app.item FOR EACH ROW EXECUTE FUNCTION app.touch();
            CREATE TABLE public.tb_confiture (pk integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, version text);
            """;

    @Test
    void readsOneOfEveryKind() throws Exception {
        try (TestDatabases.Scratch db = TestDatabases.create()) {
            db.execute(EVERY_KIND);
            CatalogSnapshot snapshot;
            String pgcrypto;
            try (Connection c = db.connect()) {
                snapshot = CatalogSnapshot.take(c, List.of());
                pgcrypto = installedVersion(c, "pgcrypto");
            }
            assertEquals(EnumSet.allOf(ObjectKind.class),
                    snapshot.objects().stream().map(CatalogObject::kind)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ObjectKind.class))));

            assertEquals("SCHEMA app", def(snapshot, ObjectKind.SCHEMA, "app"));
            // 1.3 on PostgreSQL 14-17, 1.4 on 18
            assertEquals("EXTENSION pgcrypto VERSION " + pgcrypto + " SCHEMA public",
                    def(snapshot, ObjectKind.EXTENSION, "pgcrypto"));
            assertEquals("ENUM ('sad', 'ok', 'happy')", def(snapshot, ObjectKind.ENUM, "app.mood"));
            assertEquals("(a integer, b text)", def(snapshot, ObjectKind.COMPOSITE_TYPE, "app.pair"));
            assertEquals("integer NOT NULL DEFAULT 1 CHECK (VALUE > 0)", def(snapshot, ObjectKind.DOMAIN,
                    "app.positive"));
            assertEquals("RANGE (SUBTYPE = numeric)", def(snapshot, ObjectKind.RANGE_TYPE, "app.span"));
            assertEquals("AS integer START 10 INCREMENT 5 MINVALUE 1 MAXVALUE 2147483647 CACHE 1",
                    def(snapshot, ObjectKind.SEQUENCE, "app.counter"));
            assertEquals("AS integer START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1"
                    + " OWNED BY app.item.serial_no", def(snapshot, ObjectKind.SEQUENCE, "app.item_serial_no_seq"));
            assertEquals("TABLE", def(snapshot, ObjectKind.TABLE, "app.item"));

            assertEquals("integer NOT NULL GENERATED ALWAYS AS IDENTITY",
                    def(snapshot, ObjectKind.COLUMN, "app.item.pk_item"));
            assertEquals("text COLLATE \"C\" NOT NULL", def(snapshot, ObjectKind.COLUMN, "app.item.code"));
            assertEquals("app.mood DEFAULT 'ok'::app.mood", def(snapshot, ObjectKind.COLUMN, "app.item.mood"));
            assertEquals("app.positive", def(snapshot, ObjectKind.COLUMN, "app.item.qty"));
            assertEquals("numeric(10,2)", def(snapshot, ObjectKind.COLUMN, "app.item.price"));
            assertEquals("numeric GENERATED ALWAYS AS ((price * (2)::numeric)) STORED",
                    def(snapshot, ObjectKind.COLUMN, "app.item.total"));
            assertEquals("integer NOT NULL DEFAULT nextval('app.item_serial_no_seq'::regclass)",
                    def(snapshot, ObjectKind.COLUMN, "app.item.serial_no"));

            assertEquals("PRIMARY KEY (pk_item)", def(snapshot, ObjectKind.CONSTRAINT, "app.item.item_pkey"));
            assertEquals("UNIQUE (code)", def(snapshot, ObjectKind.CONSTRAINT, "app.item.item_code_key"));
            assertEquals("CHECK (price >= 0::numeric)",
                    def(snapshot, ObjectKind.CONSTRAINT, "app.item.item_price_check"));
            assertEquals("CHECK (length(code) < 10)",
                    def(snapshot, ObjectKind.CONSTRAINT, "app.item.item_code_short"));
            assertEquals("FOREIGN KEY (fk_item) REFERENCES app.item(pk_item) ON DELETE CASCADE",
                    def(snapshot, ObjectKind.CONSTRAINT, "app.item_tag.item_tag_fk_item_fkey"));
            assertEquals("EXCLUDE USING btree (tag WITH =)",
                    def(snapshot, ObjectKind.CONSTRAINT, "app.item_tag.item_tag_tag_excl"));

            assertEquals("CREATE INDEX ON app.item USING btree (lower(code))",
                    def(snapshot, ObjectKind.INDEX, "app.item_lower_code"));
            assertEquals("CREATE INDEX ON app.item_tag USING btree (fk_item)",
                    def(snapshot, ObjectKind.INDEX, "app.item_tag_fk_item_idx"));
            assertEquals(List.of("app.item_lower_code", "app.item_tag_fk_item_idx"), names(snapshot, ObjectKind.INDEX),
                    "indexes of primary key, unique and exclusion constraints are their constraints");

            // PostgreSQL 15 qualifies the columns (item.code), 16 and later do not
            assertTrue(def(snapshot, ObjectKind.VIEW, "app.v_item").replace("item.", "")
                    .startsWith("SELECT pk_item,\n    code\n   FROM app.item\n  WHERE "));
            assertEquals("SELECT count(*) AS n\n   FROM app.item", def(snapshot, ObjectKind.MATERIALIZED_VIEW,
                    "app.mv_item"));

            assertEquals("""
                    CREATE OR REPLACE FUNCTION app.touch()
                     RETURNS trigger
                     LANGUAGE plpgsql
                    AS $function$
                    BEGIN
                        RETURN NEW;
                    END;
                    $function$""", def(snapshot, ObjectKind.FUNCTION, "app.touch()"));
            assertEquals("""
                    CREATE OR REPLACE FUNCTION app.add(a integer, b integer DEFAULT 1)
                     RETURNS integer
                     LANGUAGE sql
                     IMMUTABLE STRICT
                    RETURN (a + b)""", def(snapshot, ObjectKind.FUNCTION, "app.add(integer, integer)"));
            assertEquals(List.of("app.add(integer, integer)", "app.touch()"), names(snapshot, ObjectKind.FUNCTION),
                    "no range constructors, no pgcrypto functions");
            assertEquals("CREATE OR REPLACE PROCEDURE app.reset()\n LANGUAGE sql\nAS $procedure$ DELETE FROM"
                    + " app.item_tag $procedure$", def(snapshot, ObjectKind.PROCEDURE, "app.reset()"));
            assertEquals("RETURNS integer (SFUNC = int4pl(integer,integer), STYPE = integer, INITCOND = '0')",
                    def(snapshot, ObjectKind.AGGREGATE, "app.total_of(integer)"));
            assertEquals("CREATE TRIGGER item_touch BEFORE UPDATE ON app.item FOR EACH ROW EXECUTE FUNCTION"
                    + " app.touch()", def(snapshot, ObjectKind.TRIGGER, "app.item.item_touch"));

            assertEquals(List.of("app", "public"), names(snapshot, ObjectKind.SCHEMA));
            assertEquals(List.of("app.item", "app.item_tag"), names(snapshot, ObjectKind.TABLE),
                    "the tracking table is left out");
            assertTrue(snapshot.objects().stream().noneMatch(o -> o.name().contains("tb_confiture")));
        }
    }

    @Test
    void tableDescriptionListsWhatBelongsToIt() throws Exception {
        try (TestDatabases.Scratch db = TestDatabases.create()) {
            db.execute(EVERY_KIND);
            CatalogSnapshot snapshot;
            try (Connection c = db.connect()) {
                snapshot = CatalogSnapshot.take(c, List.of("app"));
            }
            CatalogObject table = snapshot.find(ObjectKind.TABLE, "app.item_tag").orElseThrow();
            assertEquals("""
                    TABLE
                      column app.item_tag.fk_item: integer
                      column app.item_tag.tag: text
                      constraint app.item_tag.item_tag_fk_item_fkey: FOREIGN KEY (fk_item) REFERENCES app.item(pk_item) ON DELETE CASCADE
                      constraint app.item_tag.item_tag_tag_excl: EXCLUDE USING btree (tag WITH =)
                      index app.item_tag_fk_item_idx: CREATE INDEX ON app.item_tag USING btree (fk_item)""",
                    snapshot.describe(table));
        }
    }

    @Test
    void scopeSelectsSchemasAndTheTrackingTable() throws Exception {
        try (TestDatabases.Scratch db = TestDatabases.create()) {
            db.execute(EVERY_KIND + """
                    CREATE TABLE app.migrations (version text PRIMARY KEY);
                    CREATE TABLE app."Mixed Case" ("Odd Column" int);
                    """);
            try (Connection c = db.connect()) {
                CatalogSnapshot app = CatalogSnapshot.take(c, List.of("app"));
                assertEquals(List.of("app"), names(app, ObjectKind.SCHEMA));
                assertEquals(List.of(), names(app, ObjectKind.EXTENSION), "pgcrypto lives in public");
                assertEquals(List.of("app.\"Mixed Case\"", "app.item", "app.item_tag", "app.migrations"),
                        names(app, ObjectKind.TABLE));
                assertEquals("integer", def(app, ObjectKind.COLUMN, "app.\"Mixed Case\".\"Odd Column\""));

                CatalogSnapshot custom = CatalogSnapshot.take(c, CatalogScope.of(List.of())
                        .withTrackingTable("app.migrations"));
                assertEquals(List.of("app.\"Mixed Case\"", "app.item", "app.item_tag", "public.tb_confiture"),
                        names(custom, ObjectKind.TABLE));
                assertTrue(custom.find(ObjectKind.CONSTRAINT, "app.migrations.migrations_pkey").isEmpty());
            }
        }
    }

    @Test
    void snapshotsOfEqualSchemasAreEqual() throws Exception {
        try (TestDatabases.Scratch first = TestDatabases.create(); TestDatabases.Scratch second = TestDatabases.create()) {
            first.execute(EVERY_KIND);
            second.execute(EVERY_KIND);
            try (Connection a = first.connect(); Connection b = second.connect()) {
                CatalogSnapshot one = CatalogSnapshot.take(a, List.of());
                CatalogSnapshot two = CatalogSnapshot.take(b, List.of());
                assertEquals(one, two);
                assertEquals(List.of(), CatalogDiff.between(one, two));
            }
        }
    }

    /** The extension's version as PostgreSQL's own catalog has it, independently of the snapshot. */
    private static String installedVersion(Connection c, String extension) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT extversion FROM pg_extension WHERE extname = ?")) {
            s.setString(1, extension);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), extension + " not installed");
                return rs.getString(1);
            }
        }
    }

    static String def(CatalogSnapshot snapshot, ObjectKind kind, String name) {
        return snapshot.find(kind, name).map(CatalogObject::definition)
                .orElseThrow(() -> new AssertionError(kind.label() + " " + name + " not in " + names(snapshot, kind)));
    }

    static List<String> names(CatalogSnapshot snapshot, ObjectKind kind) {
        return snapshot.objects().stream().filter(o -> o.kind() == kind).map(CatalogObject::name).sorted().toList();
    }
}
