package dev.fraise.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads one snapshot: runs each of {@link CatalogQueries} once and turns the rows into {@link CatalogObject}s. */
final class CatalogReader {

    /** Names PostgreSQL generates for constraints: {@code <table>_<columns>_<label>} plus a collision counter. */
    private static final Pattern GENERATED_CONSTRAINT = Pattern.compile(".+_(pkey|key|fkey|check|excl)\\d*");
    /** Names PostgreSQL generates for indexes created without a name. */
    private static final Pattern GENERATED_INDEX = Pattern.compile(".+_(idx|key)\\d*");
    private static final Pattern INDEX_NAME = Pattern.compile(
            "^(CREATE (?:UNIQUE )?INDEX )(?:\"(?:[^\"]|\"\")*\"|\\S+) (ON )");

    private final Connection connection;
    private final CatalogScope scope;
    private final Map<ObjectId, CatalogObject> objects = new LinkedHashMap<>();

    private CatalogReader(Connection connection, CatalogScope scope) {
        this.connection = connection;
        this.scope = scope;
    }

    static List<CatalogObject> read(Connection connection, CatalogScope scope) throws SQLException {
        CatalogReader reader = new CatalogReader(connection, scope);
        reader.readAll();
        return new ArrayList<>(reader.objects.values());
    }

    private void readAll() throws SQLException {
        query(CatalogQueries.SCHEMAS, rs -> add(ObjectId.of(ObjectKind.SCHEMA, rs.getString(1)), rs.getString(1),
                null, "SCHEMA " + rs.getString(1)));
        query(CatalogQueries.EXTENSIONS, rs -> add(ObjectId.of(ObjectKind.EXTENSION, rs.getString(1)),
                rs.getString(1), schema(rs.getString(3)),
                "EXTENSION " + rs.getString(1) + " VERSION " + rs.getString(2) + " SCHEMA " + rs.getString(3)));
        query(CatalogQueries.TYPES, this::type);
        query(CatalogQueries.SEQUENCES, this::sequence);
        query(CatalogQueries.RELATIONS, this::relation);
        query(CatalogQueries.COLUMNS, this::column);
        query(CatalogQueries.CONSTRAINTS, this::constraint);
        query(CatalogQueries.INDEXES, this::index);
        query(CatalogQueries.ROUTINES, this::routine);
        query(CatalogQueries.TRIGGERS, this::trigger);
    }

    private void type(ResultSet rs) throws SQLException {
        String name = qualified(rs.getString(1), rs.getString(2));
        ObjectId schema = schema(rs.getString(1));
        switch (rs.getString(3)) {
            case "e" -> add(ObjectId.of(ObjectKind.ENUM, name), name, schema,
                    "ENUM (" + nullToEmpty(rs.getString(4)) + ")");
            case "c" -> add(ObjectId.of(ObjectKind.COMPOSITE_TYPE, name), name, schema,
                    "(" + nullToEmpty(rs.getString(5)) + ")");
            case "d" -> {
                StringBuilder def = new StringBuilder(rs.getString(6));
                if (rs.getBoolean(7)) {
                    def.append(" NOT NULL");
                }
                if (rs.getString(8) != null) {
                    def.append(" DEFAULT ").append(rs.getString(8));
                }
                if (rs.getString(9) != null) {
                    def.append(' ').append(rs.getString(9));
                }
                add(ObjectId.of(ObjectKind.DOMAIN, name), name, schema, def.toString());
            }
            default -> add(ObjectId.of(ObjectKind.RANGE_TYPE, name), name, schema,
                    "RANGE (SUBTYPE = " + rs.getString(10) + ")");
        }
    }

    private void sequence(ResultSet rs) throws SQLException {
        String name = qualified(rs.getString(1), rs.getString(2));
        String def = "AS " + rs.getString(3) + " START " + rs.getLong(4) + " INCREMENT " + rs.getLong(5)
                + " MINVALUE " + rs.getLong(6) + " MAXVALUE " + rs.getLong(7) + " CACHE " + rs.getLong(8)
                + (rs.getBoolean(9) ? " CYCLE" : "")
                + (rs.getString(10) != null ? " OWNED BY " + rs.getString(10) : "");
        add(ObjectId.of(ObjectKind.SEQUENCE, name), name, schema(rs.getString(1)), def);
    }

    private void relation(ResultSet rs) throws SQLException {
        String name = qualified(rs.getString(1), rs.getString(2));
        String relkind = rs.getString(3);
        ObjectId schema = schema(rs.getString(1));
        if (relkind.equals("v") || relkind.equals("m")) {
            add(ObjectId.of(relkind.equals("v") ? ObjectKind.VIEW : ObjectKind.MATERIALIZED_VIEW, name), name,
                    schema, normaliseQuery(rs.getString(5)));
            return;
        }
        StringBuilder def = new StringBuilder("u".equals(rs.getString(4)) ? "UNLOGGED TABLE" : "TABLE");
        String bound = rs.getString(7);
        String parents = rs.getString(8);
        if (bound != null) {
            def.append(" PARTITION OF ").append(parents).append(' ').append(bound);
        } else if (parents != null) {
            def.append(" INHERITS (").append(parents).append(')');
        }
        if (rs.getString(6) != null) {
            def.append(" PARTITION BY ").append(rs.getString(6));
        }
        if (rs.getString(9) != null && !rs.getString(9).isEmpty()) {
            def.append(" WITH (").append(rs.getString(9)).append(')');
        }
        if (rs.getBoolean(10)) {
            def.append(rs.getBoolean(11) ? " FORCE ROW LEVEL SECURITY" : " ROW LEVEL SECURITY");
        }
        add(ObjectId.of(ObjectKind.TABLE, name), name, schema, def.toString());
    }

    private void column(ResultSet rs) throws SQLException {
        String table = qualified(rs.getString(1), rs.getString(2));
        String name = table + "." + rs.getString(3);
        StringBuilder def = new StringBuilder(rs.getString(4));
        if (rs.getString(9) != null) {
            def.append(" COLLATE ").append(rs.getString(9));
        }
        if (rs.getBoolean(5)) {
            def.append(" NOT NULL");
        }
        String expression = rs.getString(6);
        String identity = rs.getString(7);
        String generated = rs.getString(8);
        if (generated != null && !generated.isEmpty() && expression != null) {
            def.append(" GENERATED ALWAYS AS (").append(expression).append(')')
                    .append("s".equals(generated) ? " STORED" : " VIRTUAL");
        } else if (expression != null) {
            def.append(" DEFAULT ").append(expression);
        }
        if ("a".equals(identity)) {
            def.append(" GENERATED ALWAYS AS IDENTITY");
        } else if ("d".equals(identity)) {
            def.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        add(ObjectId.of(ObjectKind.COLUMN, name), name, ObjectId.of(ObjectKind.TABLE, table), def.toString());
    }

    private void constraint(ResultSet rs) throws SQLException {
        String table = qualified(rs.getString(1), rs.getString(2));
        String def = rs.getString(5);
        ObjectId id = GENERATED_CONSTRAINT.matcher(rs.getString(3)).matches()
                ? new ObjectId(ObjectKind.CONSTRAINT, table, def)
                : ObjectId.of(ObjectKind.CONSTRAINT, table + "." + rs.getString(4));
        add(id, table + "." + rs.getString(4), ObjectId.of(ObjectKind.TABLE, table), def);
    }

    private void index(ResultSet rs) throws SQLException {
        String table = qualified(rs.getString(1), rs.getString(2));
        ObjectKind owner = "m".equals(rs.getString(3)) ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.TABLE;
        String def = INDEX_NAME.matcher(rs.getString(6)).replaceFirst("$1$2");
        String name = qualified(rs.getString(1), rs.getString(5));
        ObjectId id = GENERATED_INDEX.matcher(rs.getString(4)).matches()
                ? new ObjectId(ObjectKind.INDEX, table, def)
                : ObjectId.of(ObjectKind.INDEX, name);
        add(id, name, ObjectId.of(owner, table), def);
    }

    private void routine(ResultSet rs) throws SQLException {
        ObjectKind kind = switch (rs.getString(3)) {
            case "p" -> ObjectKind.PROCEDURE;
            case "a" -> ObjectKind.AGGREGATE;
            default -> ObjectKind.FUNCTION;
        };
        String name = qualified(rs.getString(1), rs.getString(2));
        String signature = "(" + rs.getString(4) + ")";
        add(new ObjectId(kind, name, signature), name + signature, schema(rs.getString(1)),
                normaliseRoutine(rs.getString(5)));
    }

    private void trigger(ResultSet rs) throws SQLException {
        String table = qualified(rs.getString(1), rs.getString(2));
        String name = table + "." + rs.getString(4);
        ObjectKind owner = "v".equals(rs.getString(3)) ? ObjectKind.VIEW : ObjectKind.TABLE;
        String enabled = switch (rs.getString(6)) {
            case "D" -> " DISABLED";
            case "R" -> " ENABLE REPLICA";
            case "A" -> " ENABLE ALWAYS";
            default -> "";
        };
        add(ObjectId.of(ObjectKind.TRIGGER, name), name, ObjectId.of(owner, table), rs.getString(5) + enabled);
    }

    /** Adds an object; two objects with one identity (identical generated-name constraints) are numbered. */
    private void add(ObjectId id, String name, ObjectId parent, String definition) {
        ObjectId unique = id;
        for (int n = 2; objects.containsKey(unique); n++) {
            unique = new ObjectId(id.kind(), id.qualifiedName(), id.signature() + " #" + n);
        }
        objects.put(unique, new CatalogObject(unique, name, Optional.ofNullable(parent), definition));
    }

    private void query(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array schemas = connection.createArrayOf("text", scope.schemas().toArray());
            statement.setArray(1, schemas);
            statement.setString(2, scope.trackingSchema());
            statement.setString(3, scope.trackingName());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            } finally {
                schemas.free();
            }
        }
    }

    private static ObjectId schema(String quotedName) {
        return ObjectId.of(ObjectKind.SCHEMA, quotedName);
    }

    private static String qualified(String schema, String name) {
        return schema + "." + name;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** A view query as {@code pg_get_viewdef(oid, true)} prints it, without trailing blanks and semicolon. */
    static String normaliseQuery(String text) {
        String result = stripLines(text);
        return result.endsWith(";") ? result.substring(0, result.length() - 1).strip() : result;
    }

    /** A routine definition with line endings and trailing blanks normalised. */
    static String normaliseRoutine(String text) {
        return stripLines(text);
    }

    private static String stripLines(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder result = new StringBuilder(text.length());
        for (String line : lines) {
            if (!result.isEmpty()) {
                result.append('\n');
            }
            result.append(line.stripTrailing());
        }
        return result.toString().strip();
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }
}
