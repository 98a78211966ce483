package dev.fraise.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.inference.ShapeInference;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks every {@code tv_} table: an {@code id uuid} primary key and a {@code data jsonb NOT NULL} column, a sync
 * function, and, when comparing, that after each sync function runs on the current rows (in a transaction that is
 * rolled back) the table equals its source view row by row.
 */
final class ProjectionChecker {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int SHOWN_IDS = 3;

    private static final String TABLES = """
            SELECT n.nspname, c.relname,
                   (SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped),
                   EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid
                           AND a.attnum = i.indkey[0]
                           WHERE i.indrelid = c.oid AND i.indisprimary AND i.indnkeyatts = 1 AND a.attname = 'id'),
                   (SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = 'data' AND NOT a.attisdropped),
                   coalesce((SELECT a.attnotnull FROM pg_attribute a
                             WHERE a.attrelid = c.oid AND a.attname = 'data' AND NOT a.attisdropped), false)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND c.relname LIKE 'tv\\_%' AND n.nspname = ANY (?)
            ORDER BY array_position(?::text[], n.nspname::text), c.relname""";

    /** One {@code tv_} table as the catalog has it. */
    private record Table(String schema, String name, String display, Optional<String> idType, boolean idPrimaryKey,
            Optional<String> dataType, boolean dataNotNull) {
    }

    private final Connection connection;
    private final ContractOptions options;
    private final ShapeInference inference;
    private final SqlFunctions functions;
    private final List<Finding> findings = new ArrayList<>();
    private final List<ProjectionResult> results = new ArrayList<>();

    ProjectionChecker(Connection connection, ContractOptions options, ShapeInference inference,
            SqlFunctions functions) {
        this.connection = connection;
        this.options = options;
        this.inference = inference;
        this.functions = functions;
    }

    List<Finding> findings() {
        return findings;
    }

    List<ProjectionResult> results() {
        return results;
    }

    void check() {
        boolean compare = options.mode() == CheckMode.SAMPLE || options.cqrs().syncProjections();
        for (Table table : tables()) {
            boolean valid = checkShape(table);
            String suffix = table.name().substring(3);
            List<String> syncs = new ArrayList<>();
            functions.named(table.schema() + ".sync_tv_" + suffix).stream().filter(f -> f.accepts(0)).findFirst()
                    .ifPresent(f -> syncs.add(f.name() + "()"));
            functions.named(table.schema() + ".fn_sync_tv_" + suffix).stream().filter(f -> f.accepts(1)).findFirst()
                    .ifPresent(f -> syncs.add(f.name() + "(id)"));
            if (syncs.isEmpty()) {
                add(FindingCode.TV_SYNC_FUNCTION_MISSING, table, "$", table.display() + " has no sync function:"
                        + " neither sync_tv_" + suffix + "() nor fn_sync_tv_" + suffix + "(id) exists in "
                        + table.schema(), "");
            }
            Optional<String> source = options.inference().projectionSource(table.display())
                    .filter(s -> inference.columns(s).map(c -> c.contains("id") && c.contains("data")).orElse(false));
            boolean compared = compare && valid && source.isPresent() && !syncs.isEmpty();
            if (compared) {
                syncs.forEach(sync -> compare(table, source.get(), sync));
            }
            results.add(new ProjectionResult(table.display(), source, syncs, compared));
        }
    }

    private List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        List<String> schemas = options.inference().schemas();
        try (PreparedStatement statement = connection.prepareStatement(TABLES)) {
            statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            statement.setArray(2, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String schema = rows.getString(1);
                    String name = rows.getString(2);
                    tables.add(new Table(schema, name, schema.equals("public") ? name : schema + "." + name,
                            Optional.ofNullable(rows.getString(3)), rows.getBoolean(4),
                            Optional.ofNullable(rows.getString(5)), rows.getBoolean(6)));
                }
            }
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.INFERENCE_CATALOG_FAILED, "reading the tv_ tables failed: "
                    + e.getMessage(), null, e);
        }
        return tables;
    }

    private boolean checkShape(Table table) {
        List<String> problems = new ArrayList<>();
        if (table.idType().isEmpty()) {
            problems.add("no id column");
        } else if (!table.idType().get().equals("uuid")) {
            problems.add("id is " + table.idType().get() + ", not uuid");
        }
        if (table.idType().isPresent() && !table.idPrimaryKey()) {
            problems.add("id is not its primary key");
        }
        if (table.dataType().isEmpty()) {
            problems.add("no data column");
        } else if (!table.dataType().get().equals("jsonb")) {
            problems.add("data is " + table.dataType().get() + ", not jsonb");
        } else if (!table.dataNotNull()) {
            problems.add("data is not NOT NULL");
        }
        if (!problems.isEmpty()) {
            add(FindingCode.TV_SHAPE_INVALID, table, "$", table.display() + " is not (id uuid PRIMARY KEY, data jsonb"
                    + " NOT NULL): " + String.join(", ", problems), "");
        }
        return problems.isEmpty();
    }

    /** Runs one sync function in a transaction that is rolled back, and compares the table with its source. */
    private void compare(Table table, String source, String sync) {
        String target = quote(table.schema()) + "." + quote(table.name());
        String function = quote(table.schema()) + "." + quote(sync.substring(0, sync.indexOf('(')));
        Savepoint savepoint = null;
        boolean autoCommit = true;
        try {
            autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            } else {
                savepoint = connection.setSavepoint();
            }
            try (Statement statement = connection.createStatement()) {
                searchPath(statement);
                if (sync.endsWith("()")) {
                    statement.execute("SELECT " + function + "()");
                } else {
                    statement.execute("DELETE FROM " + target);
                    statement.execute("SELECT " + function + "(s.id) FROM " + quoteQualified(source) + " s");
                }
                differences(table, source, sync, statement.executeQuery("""
                        SELECT coalesce(s.id, t.id)::text, s.data::text, t.data::text, count(*) OVER ()
                        FROM %s s FULL JOIN %s t ON t.id = s.id
                        WHERE s.id IS NULL OR t.id IS NULL OR s.data IS DISTINCT FROM t.data
                        ORDER BY 1 LIMIT %d""".formatted(quoteQualified(source), target, SHOWN_IDS)));
            }
        } catch (SQLException e) {
            add(FindingCode.TV_OUT_OF_SYNC, table, "$", sync + " could not be run and compared with " + source + ": "
                    + e.getMessage().lines().findFirst().orElse(""), "rolled back");
        } finally {
            restore(autoCommit, savepoint);
        }
    }

    /** Bare names in sync functions and sources resolve through the checked schemas, for this transaction only. */
    private void searchPath(Statement statement) throws SQLException {
        statement.execute("SET LOCAL search_path TO " + String.join(", ", options.inference().schemas().stream()
                .map(ProjectionChecker::quote).toList()));
    }

    private void differences(Table table, String source, String sync, ResultSet rows) throws SQLException {
        try (rows) {
            List<String> ids = new ArrayList<>();
            String first = null;
            String jsonPath = "$";
            long total = 0;
            while (rows.next()) {
                ids.add(rows.getString(1));
                total = rows.getLong(4);
                if (first == null) {
                    String expected = rows.getString(2);
                    String actual = rows.getString(3);
                    if (expected == null || actual == null) {
                        first = "id " + rows.getString(1) + (expected == null ? " is in " + table.display()
                                + " but not in " + source : " is in " + source + " but not in " + table.display());
                    } else {
                        JsonDiff.Difference difference = JsonDiff.first(parse(expected), parse(actual)).orElseThrow();
                        jsonPath = difference.path();
                        first = "id " + rows.getString(1) + " at " + difference.path() + ": " + source + " "
                                + difference.expected() + ", " + table.display() + " " + difference.actual();
                    }
                }
            }
            if (first != null) {
                add(FindingCode.TV_OUT_OF_SYNC, table, jsonPath, "after " + sync + ", " + total + (total == 1
                        ? " row of " : " rows of ") + table.display() + " differ from " + source + "; first " + first
                        + (ids.size() > 1 ? " (ids " + String.join(", ", ids) + (total > ids.size() ? ", …" : "")
                        + ")" : ""), sync + " run on the current rows and rolled back");
            }
        }
    }

    private static JsonNode parse(String json) throws SQLException {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new SQLException("unreadable jsonb: " + e.getMessage(), e);
        }
    }

    private void restore(boolean autoCommit, Savepoint savepoint) {
        try {
            if (savepoint != null) {
                connection.rollback(savepoint);
            } else if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.SAMPLE_QUERY_FAILED, "rolling back a tv_ sync failed: "
                    + e.getMessage(), null, e);
        }
    }

    private void add(FindingCode code, Table table, String jsonPath, String message, String provenance) {
        findings.add(new Finding(code, table.display(), "", Optional.empty(), Optional.empty(), table.display(),
                jsonPath, message, provenance, Optional.empty()));
    }

    private static String quoteQualified(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? quote(name) : quote(name.substring(0, dot)) + "." + quote(name.substring(dot + 1));
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
