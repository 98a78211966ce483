package dev.fraise.contract;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.inference.ShapeInference;
import dev.fraise.shape.ArrayShape;
import dev.fraise.shape.Field;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.ScalarShape;
import dev.fraise.shape.Shape;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The FraiseQL naming lint (trinity identifiers, {@code fk_} targets, {@code v_} view columns, {@code pk_} leaks),
 * read from the catalog in two queries and from the inferred shapes of the {@code v_} views. Findings are located
 * by relation: {@code tb_post.fk_user}, {@code v_post.author.pk_user}.
 */
final class NamingLint {

    /** Every column of every table and view of the schemas, with its primary-key and single-column-unique flags. */
    private static final String COLUMNS = """
            SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END,
                   c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   a.attidentity,
                   EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary
                           AND i.indnkeyatts = 1 AND i.indkey[0] = a.attnum),
                   EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique
                           AND i.indnkeyatts = 1 AND i.indkey[0] = a.attnum AND i.indpred IS NULL)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname = ANY (?)
            ORDER BY 1, a.attnum""";

    /** Every foreign-key column of the schemas' tables, with the table and column it references. */
    private static final String FOREIGN_KEYS = """
            SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END,
                   a.attname, f.relname, fa.attname
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_class f ON f.oid = k.confrelid
            CROSS JOIN LATERAL unnest(k.conkey, k.confkey) AS u(col, fcol)
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.col
            JOIN pg_attribute fa ON fa.attrelid = k.confrelid AND fa.attnum = u.fcol
            WHERE k.contype = 'f' AND n.nspname = ANY (?)
            ORDER BY 1, 2""";

    private static final Set<String> INTEGER_TYPES = Set.of("integer", "bigint", "smallint");
    private static final Pattern TEXT_TYPE = Pattern.compile("text|character varying(\\(\\d+\\))?|citext");
    /** A source that is a {@code pk_} column, possibly cast: {@code tb_user.pk_user::text}. */
    private static final Pattern PK_SOURCE = Pattern.compile("(?:.*\\.)?pk_\\w*(?:::[\\w ]+)*");

    private record Column(String name, String type, boolean notNull, boolean identity, boolean primaryKey,
            boolean unique) {
    }

    private record Relation(String name, String bareName, char kind, Map<String, Column> columns) {

        Optional<Column> column(String column) {
            return Optional.ofNullable(columns.get(column));
        }
    }

    private final Severity severity;
    private final List<Finding> findings = new ArrayList<>();

    private NamingLint(Severity severity) {
        this.severity = severity;
    }

    /**
     * The lint findings of the schemas {@code options} infers, at the lint's severity; none when it is off. What
     * {@code reported} (the checker's findings) already says of a view, {@code ID_COLUMN_MISSING} or
     * {@code DATA_COLUMN_MISSING}, the lint does not repeat.
     */
    static List<Finding> run(Connection connection, ShapeInference inference, ContractOptions options,
            List<Finding> reported) {
        if (!options.lint().enabled()) {
            return List.of();
        }
        NamingLint lint = new NamingLint(options.lint().severity());
        try {
            Map<String, Relation> relations = relations(connection, options.inference().schemas());
            Map<String, Map<String, String[]>> foreignKeys = foreignKeys(connection,
                    options.inference().schemas());
            for (Relation relation : relations.values()) {
                if (options.lint().excluded().contains(relation.name())) {
                    continue;
                }
                if (relation.bareName().startsWith("tb_") && isTable(relation)) {
                    lint.table(relation, foreignKeys.getOrDefault(relation.name(), Map.of()));
                } else if (relation.bareName().startsWith("v_") && !isTable(relation)) {
                    lint.view(relation, inference, relations, reportedColumns(reported, relations,
                            options.inference().schemas()).getOrDefault(relation.name(), Set.of()));
                }
            }
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.INFERENCE_CATALOG_FAILED, "reading the catalog for the naming lint"
                    + " failed: " + e.getMessage(), null, e);
        }
        return List.copyOf(lint.findings);
    }

    /** View (as the lint names it) → the codes of the column findings the checker reported for it. */
    private static Map<String, Set<FindingCode>> reportedColumns(List<Finding> reported,
            Map<String, Relation> relations, List<String> schemas) {
        Map<String, Set<FindingCode>> columns = new HashMap<>();
        for (Finding finding : reported) {
            if (finding.code() == FindingCode.ID_COLUMN_MISSING || finding.code() == FindingCode.DATA_COLUMN_MISSING) {
                lintName(finding.view(), relations, schemas).ifPresent(view -> columns
                        .computeIfAbsent(view, v -> EnumSet.noneOf(FindingCode.class)).add(finding.code()));
            }
        }
        return columns;
    }

    /** A bare name resolved through the schemas in order, or a qualified one, as the lint names relations. */
    private static Optional<String> lintName(String name, Map<String, Relation> relations, List<String> schemas) {
        if (name.contains(".")) {
            String qualified = name.startsWith("public.") ? name.substring("public.".length()) : name;
            return Optional.of(qualified).filter(relations::containsKey);
        }
        return schemas.stream().map(schema -> schema.equals("public") ? name : schema + "." + name)
                .filter(relations::containsKey).findFirst();
    }

    private static boolean isTable(Relation relation) {
        return relation.kind() == 'r' || relation.kind() == 'p';
    }

    private void table(Relation table, Map<String, String[]> foreignKeys) {
        String entity = table.bareName().substring(3);
        String pk = "pk_" + entity;
        Optional<Column> pkColumn = table.column(pk);
        if (pkColumn.isEmpty()) {
            add(FindingCode.LINT_TRINITY_PK, table.name() + "." + pk, table.name(), table.name() + " has no " + pk
                    + " column", "columns: " + String.join(", ", table.columns().keySet()));
        } else if (!pkColumn.get().primaryKey() || !pkColumn.get().identity()
                || !INTEGER_TYPES.contains(pkColumn.get().type())) {
            Column column = pkColumn.get();
            List<String> wrong = new ArrayList<>();
            if (!INTEGER_TYPES.contains(column.type())) {
                wrong.add("is " + column.type() + ", not an integer");
            }
            if (!column.identity()) {
                wrong.add("is not GENERATED AS IDENTITY");
            }
            if (!column.primaryKey()) {
                wrong.add("is not the primary key");
            }
            add(FindingCode.LINT_TRINITY_PK, table.name() + "." + pk, table.name(), table.name() + "." + pk + " "
                    + String.join(", ", wrong), column.type());
        }
        Optional<Column> id = table.column("id");
        if (id.isEmpty()) {
            add(FindingCode.LINT_TRINITY_ID, table.name() + ".id", table.name(), table.name()
                    + " has no id uuid column", "columns: " + String.join(", ", table.columns().keySet()));
        } else if (!id.get().type().equals("uuid") || !id.get().notNull() || !id.get().unique()) {
            List<String> wrong = new ArrayList<>();
            if (!id.get().type().equals("uuid")) {
                wrong.add("is " + id.get().type() + ", not uuid");
            }
            if (!id.get().notNull()) {
                wrong.add("has no NOT NULL");
            }
            if (!id.get().unique()) {
                wrong.add("is not UNIQUE");
            }
            add(FindingCode.LINT_TRINITY_ID, table.name() + ".id", table.name(), table.name() + ".id "
                    + String.join(", ", wrong), id.get().type());
        }
        Optional<Column> identifier = table.column("identifier");
        if (identifier.isEmpty()) {
            add(FindingCode.LINT_TRINITY_IDENTIFIER, table.name() + ".identifier", table.name(), table.name()
                    + " has no identifier column", "columns: " + String.join(", ", table.columns().keySet()));
        } else if (!TEXT_TYPE.matcher(identifier.get().type()).matches()) {
            add(FindingCode.LINT_TRINITY_IDENTIFIER, table.name() + ".identifier", table.name(), table.name()
                    + ".identifier is " + identifier.get().type() + ", not text", identifier.get().type());
        }
        for (Column column : table.columns().values()) {
            if (column.name().startsWith("fk_")) {
                foreignKey(table, column, foreignKeys.get(column.name()));
            }
        }
    }

    /**
     * {@code fk_x} references the {@code pk_} column of a {@code tb_} table: {@code tb_x.pk_x}, or, for a role name
     * ({@code fk_author}), the entity it stands for ({@code tb_user.pk_user}).
     */
    private void foreignKey(Relation table, Column column, String[] target) {
        String name = column.name().substring(3);
        String path = table.name() + "." + column.name();
        if (target == null) {
            add(FindingCode.LINT_FK_TARGET, path, table.name(), path + " has no foreign key (expected REFERENCES "
                    + "tb_" + name + "(pk_" + name + "), or the pk_ of the tb_ table its role stands for)",
                    column.type());
            return;
        }
        String targetTable = target[0];
        String targetColumn = target[1];
        if (!targetTable.startsWith("tb_") || !targetColumn.equals("pk_" + targetTable.substring(3))) {
            add(FindingCode.LINT_FK_TARGET, path, table.name(), path + " references " + targetTable + "."
                    + targetColumn + ", which is not the pk_ column of a tb_ table", "REFERENCES " + targetTable
                    + "(" + targetColumn + ")");
        }
    }

    private void view(Relation view, ShapeInference inference, Map<String, Relation> relations,
            Set<FindingCode> reported) {
        List<String> missing = new ArrayList<>();
        if (view.column("id").isEmpty() && !reported.contains(FindingCode.ID_COLUMN_MISSING)) {
            missing.add("no id column");
        }
        Optional<Column> data = view.column("data");
        if (data.isEmpty()) {
            if (!reported.contains(FindingCode.DATA_COLUMN_MISSING)) {
                missing.add("no data column");
            }
        } else if (!data.get().type().equals("jsonb") && !data.get().type().equals("json")) {
            missing.add("data is " + data.get().type() + ", not jsonb");
        }
        if (!missing.isEmpty()) {
            add(FindingCode.LINT_VIEW_COLUMNS, view.name(), view.name(), view.name() + " has "
                    + String.join(", ", missing), "columns: " + String.join(", ", view.columns().keySet()));
        }
        if (data.isPresent() && inference.exists(view.name())) {
            leaks(view.name(), inference.infer(view.name()).data(), view.name(), "$", relations);
        }
    }

    /**
     * Reports each {@code pk_} value once, in the view that builds the object holding it: a leak in {@code v_user}
     * that {@code v_post} embeds is {@code v_user}'s, and {@code v_user}'s own walk finds it, so an object another
     * view builds is not walked again (a chain of views embedding each other is walked once per view).
     */
    private void leaks(String view, Shape shape, String path, String jsonPath, Map<String, Relation> relations) {
        if (shape instanceof ObjectShape object) {
            String origin = object.provenance().view();
            boolean own = origin.equals(view) || !relations.containsKey(origin)
                    || !relations.get(origin).bareName().startsWith("v_");
            if (!own) {
                return;
            }
            for (Field field : object.fields().values()) {
                String keyPath = path + "." + field.key();
                String keyJsonPath = jsonPath + "." + field.key();
                Optional<String> source = pkSource(field.shape());
                if (field.key().startsWith("pk_") || source.isPresent()) {
                    add(FindingCode.LINT_PK_LEAK, keyPath, view, keyJsonPath, view + " exposes "
                            + source.map(s -> s + " as '" + field.key() + "'").orElse("key '" + field.key() + "'")
                            + " in data", field.shape().provenance().toString());
                }
                leaks(view, field.shape(), keyPath, keyJsonPath, relations);
            }
        } else if (shape instanceof ArrayShape array) {
            leaks(view, array.items(), path + "[]", jsonPath + "[*]", relations);
        }
    }

    /** The {@code pk_} column a scalar (or the items of an array of scalars) is read from. */
    private static Optional<String> pkSource(Shape shape) {
        Shape value = shape instanceof ArrayShape array ? array.items() : shape;
        return value instanceof ScalarShape scalar && scalar.provenance().source().contains("pk_")
                && PK_SOURCE.matcher(scalar.provenance().source()).matches()
                ? Optional.of(scalar.provenance().source()) : Optional.empty();
    }

    private void add(FindingCode code, String path, String relation, String message, String provenance) {
        add(code, path, relation, "", message, provenance);
    }

    private void add(FindingCode code, String path, String relation, String jsonPath, String message,
            String provenance) {
        findings.add(new Finding(code, path, "", Optional.empty(), Optional.empty(), relation, jsonPath, message,
                provenance, Optional.empty(), severity));
    }

    private static Map<String, Relation> relations(Connection connection, List<String> schemas)
            throws SQLException {
        Map<String, Relation> relations = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setArray(1, textArray(connection, schemas));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Relation relation = relations.get(rows.getString(1));
                    if (relation == null) {
                        relation = new Relation(rows.getString(1), rows.getString(2), rows.getString(3).charAt(0),
                                new LinkedHashMap<>());
                        relations.put(relation.name(), relation);
                    }
                    String identity = rows.getString(7);
                    relation.columns().put(rows.getString(4), new Column(rows.getString(4), rows.getString(5),
                            rows.getBoolean(6), identity != null && !identity.isEmpty(), rows.getBoolean(8),
                            rows.getBoolean(9)));
                }
            }
        }
        return relations;
    }

    /** Table → fk column → {target table, target column}. */
    private static Map<String, Map<String, String[]>> foreignKeys(Connection connection, List<String> schemas)
            throws SQLException {
        Map<String, Map<String, String[]>> keys = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(FOREIGN_KEYS)) {
            statement.setArray(1, textArray(connection, schemas));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.computeIfAbsent(rows.getString(1), t -> new LinkedHashMap<>())
                            .putIfAbsent(rows.getString(2), new String[] {rows.getString(3), rows.getString(4)});
                }
            }
        }
        return keys;
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
