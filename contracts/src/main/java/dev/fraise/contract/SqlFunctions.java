package dev.fraise.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The functions of the checked schemas with their signatures and result types, read from {@code pg_proc} in one
 * query: mutation functions and {@code tv_} sync functions are looked up here.
 */
final class SqlFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String QUERY = """
            SELECT n.nspname, p.proname, p.pronargdefaults, p.proretset,
                   format_type(p.prorettype, NULL), rt.typtype, rc.relname, rc.relkind,
                   (SELECT coalesce(jsonb_agg(jsonb_build_object('type', format_type(a.t, NULL), 'kind', ty.typtype,
                               'mode', coalesce(p.proargmodes[a.i]::text, 'i'),
                               'name', coalesce(p.proargnames[a.i], '')) ORDER BY a.i), '[]')
                    FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY a(t, i)
                    JOIN pg_type ty ON ty.oid = a.t),
                   (SELECT coalesce(jsonb_agg(jsonb_build_object('name', att.attname,
                               'type', format_type(att.atttypid, att.atttypmod), 'kind', ty.typtype)
                               ORDER BY att.attnum), '[]')
                    FROM pg_attribute att JOIN pg_type ty ON ty.oid = att.atttypid
                    WHERE att.attrelid = rt.typrelid AND att.attnum > 0 AND NOT att.attisdropped)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_type rt ON rt.oid = p.prorettype
            LEFT JOIN pg_class rc ON rc.oid = rt.typrelid
            WHERE p.prokind = 'f' AND n.nspname = ANY (?)
            ORDER BY n.nspname, p.proname, p.oid""";

    /** A parameter or a result column: its name, {@code format_type} name and {@code typtype}. */
    record Column(String name, String type, char kind) {

        String describe() {
            return (name.isEmpty() ? "" : name + " ") + type;
        }
    }

    /**
     * One function.
     *
     * @param inputs         the IN, INOUT and VARIADIC parameters
     * @param outputs        the OUT, INOUT and TABLE parameters, empty when the result is not a record of them
     * @param defaults       how many trailing inputs have defaults
     * @param returnRelation the view or table whose row type it returns, with its {@code relkind}
     * @param returnColumns  the attributes of a composite return type
     */
    record Function(String schema, String name, List<Column> inputs, List<Column> outputs, int defaults,
            boolean setOf, String returnType, char returnKind, Optional<String> returnRelation, char relationKind,
            List<Column> returnColumns) {

        /** Whether a call with {@code count} positional arguments reaches this function. */
        boolean accepts(int count) {
            return count <= inputs.size() && count >= inputs.size() - defaults;
        }

        /** The columns of each result row: the OUT parameters, else the composite type's attributes. */
        List<Column> resultColumns() {
            return outputs.isEmpty() ? returnColumns : outputs;
        }

        /** {@code public.fn_create_post(input jsonb) RETURNS mutation_response}. */
        String signature() {
            return schema + "." + name + "(" + inputs.stream().map(Column::describe).collect(Collectors.joining(", "))
                    + ") RETURNS " + (setOf ? "SETOF " : "") + returnType;
        }
    }

    private final Map<String, List<Function>> byName;
    private final List<String> schemas;

    private SqlFunctions(Map<String, List<Function>> byName, List<String> schemas) {
        this.byName = byName;
        this.schemas = schemas;
    }

    static SqlFunctions load(Connection connection, List<String> schemas) {
        Map<String, List<Function>> byName = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Function function = function(rows);
                    byName.computeIfAbsent(function.schema() + "." + function.name(), k -> new ArrayList<>())
                            .add(function);
                }
            }
        } catch (SQLException | IOException e) {
            throw new FraiseException(ErrorCode.INFERENCE_CATALOG_FAILED, "reading pg_proc failed: "
                    + e.getMessage(), null, e);
        }
        return new SqlFunctions(byName, List.copyOf(schemas));
    }

    private static Function function(ResultSet rows) throws SQLException, IOException {
        List<Column> inputs = new ArrayList<>();
        List<Column> outputs = new ArrayList<>();
        for (JsonNode arg : JSON.readTree(rows.getString(9))) {
            Column column = column(arg);
            String mode = arg.get("mode").asText();
            if (!mode.equals("o") && !mode.equals("t")) {
                inputs.add(column);
            }
            if (mode.equals("o") || mode.equals("b") || mode.equals("t")) {
                outputs.add(column);
            }
        }
        List<Column> returnColumns = new ArrayList<>();
        for (JsonNode attribute : JSON.readTree(rows.getString(10))) {
            returnColumns.add(column(attribute));
        }
        String relkind = rows.getString(8);
        return new Function(rows.getString(1), rows.getString(2), inputs, outputs, rows.getInt(3), rows.getBoolean(4),
                rows.getString(5), rows.getString(6).charAt(0), Optional.ofNullable(rows.getString(7)),
                relkind == null ? ' ' : relkind.charAt(0), returnColumns);
    }

    private static Column column(JsonNode node) {
        return new Column(node.get("name").asText(), node.get("type").asText(), node.get("kind").asText(" ").charAt(0));
    }

    /** The functions named {@code name} ({@code fn_x} searched through the schemas in order, or {@code app.fn_x}). */
    List<Function> named(String name) {
        if (name.contains(".")) {
            return byName.getOrDefault(name, List.of());
        }
        for (String schema : schemas) {
            List<Function> found = byName.get(schema + "." + name);
            if (found != null) {
                return found;
            }
        }
        return List.of();
    }

    /** The function named {@code name} a call with {@code arguments} positional arguments reaches, if any. */
    Optional<Function> callable(String name, int arguments) {
        return named(name).stream().filter(f -> f.accepts(arguments)).findFirst();
    }
}
