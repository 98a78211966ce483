package dev.fraise.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import dev.fraise.inference.ShapeInference;
import dev.fraise.shape.UnknownShape;
import dev.fraise.source.SourceFinder;
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
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Checks every {@code tv_} relation: a table (not a view), with an {@code id uuid} primary key and a
 * {@code data jsonb NOT NULL} column, a sync function, and, when comparing, that each sync function runs on the
 * current rows (in a transaction that is rolled back) and leaves the table equal to its source view row by row.
 * It compares in sample mode, with {@link ContractOptions#withProjectionSync()}, and whenever the source view or
 * the table has rows (a database built with seeds). Findings are located at the {@code CREATE} of the table (or of
 * the sync function that fails) in {@link ContractOptions#sqlSources()}.
 */
final class ProjectionChecker {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int SHOWN_IDS = 3;

    private static final String TABLES = """
            SELECT n.nspname, c.relname, c.relkind::text,
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
            WHERE c.relkind IN ('r', 'p', 'v', 'm') AND c.relname LIKE 'tv\\_%' AND n.nspname = ANY (?)
            ORDER BY array_position(?::text[], n.nspname::text), c.relname""";

    /** One {@code tv_} table as the catalog has it. */
    private record Table(String schema, String name, String display, String kind, Optional<String> idType,
            boolean idPrimaryKey, Optional<String> dataType, boolean dataNotNull) {
    }

    /** Work in a transaction (or savepoint) that is rolled back afterwards. */
    @FunctionalInterface
    private interface RolledBack<T> {
        T run(Statement statement) throws SQLException;
    }

    private final Connection connection;
    private final ContractOptions options;
    private final ShapeInference inference;
    private final SqlFunctions functions;
    private final List<Finding> findings = new ArrayList<>();
    private final List<ProjectionResult> results = new ArrayList<>();
    private final SourceFinder sqlSources;

    ProjectionChecker(Connection connection, ContractOptions options, ShapeInference inference,
            SqlFunctions functions) {
        this.connection = connection;
        this.options = options;
        this.inference = inference;
        this.functions = functions;
        this.sqlSources = new SourceFinder(options.sqlSources());
    }

    List<Finding> findings() {
        return findings;
    }

    List<ProjectionResult> results() {
        return results;
    }

    void check() {
        boolean always = options.mode() == CheckMode.SAMPLE || options.cqrs().syncProjections();
        for (Table table : tables()) {
            if (!table.kind().equals("r") && !table.kind().equals("p")) {
                notATable(table);
                continue;
            }
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
                        + table.schema(), "", definition(table.display()));
            }
            Optional<String> named = options.inference().projectionSource(table.display());
            Optional<String> source = named
                    .filter(s -> inference.columns(s).map(c -> c.contains("id") && c.contains("data")).orElse(false));
            if (valid && source.isEmpty() && !shapedByFunctions(table)) {
                add(FindingCode.TV_SOURCE_MISSING, table, "$", table.display() + " has no source view to compare"
                        + " with: " + named.map(s -> s + (inference.exists(s) ? " has no id and data columns"
                        : " does not exist")).orElse("none is configured") + ", so its rows are never compared",
                        "configure projectionSources (" + table.display() + " → the view it is materialised from)",
                        definition(table.display()));
            }
            boolean compared = valid && source.isPresent() && !syncs.isEmpty()
                    && (always || hasRows(table, source.get()));
            if (compared) {
                syncs.forEach(sync -> compare(table, source.get(), sync));
            }
            results.add(new ProjectionResult(table.display(), source, syncs, compared));
        }
    }

    /**
     * Whether the table's static shape comes from the statements of the functions that write it: it is then no
     * coverage gap, the types bound to it are checked against that shape.
     */
    private boolean shapedByFunctions(Table table) {
        return !(inference.infer(table.display()).data() instanceof UnknownShape);
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
                            rows.getString(3), Optional.ofNullable(rows.getString(4)), rows.getBoolean(5),
                            Optional.ofNullable(rows.getString(6)), rows.getBoolean(7)));
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
                    + " NOT NULL): " + String.join(", ", problems), "", definition(table.display()));
        }
        return problems.isEmpty();
    }

    /**
     * A {@code tv_} view or materialised view: FraiseQL's projections are tables that {@code sync_tv_x()} fills,
     * and a view cannot be synced (nor indexed, for a plain view). One finding; its sync is not run.
     */
    private void notATable(Table table) {
        String kind = table.kind().equals("m") ? "a materialized view" : "a view";
        String source = options.inference().projectionSource(table.display()).orElse("its source view");
        add(FindingCode.TV_NOT_A_TABLE, table, "$", table.display() + " is " + kind + ", not a table: FraiseQL reads"
                + " tv_ projections as tables (id uuid PRIMARY KEY, data jsonb NOT NULL) that a sync function fills",
                table.kind().equals("m") ? "a materialized view is refreshed whole, not synced row by row; read "
                        + source + " or make " + table.display() + " a table"
                        : "a view cannot be synced: nothing is stored; read " + source + " directly or make "
                        + table.display() + " a table", definition(table.display()));
        results.add(new ProjectionResult(table.display(), Optional.empty(), List.of(), false));
    }

    /** Whether the source view or the table has a row: then the sync has something to copy, or to remove. */
    private boolean hasRows(Table table, String source) {
        try {
            return rolledBack(statement -> {
                try (ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quoteQualified(source)
                        + ") OR EXISTS (SELECT 1 FROM " + target(table) + ")")) {
                    return rows.next() && rows.getBoolean(1);
                }
            });
        } catch (SQLException e) {
            return true;
        }
    }

    /** Runs one sync function in a transaction that is rolled back, and compares the table with its source. */
    private void compare(Table table, String source, String sync) {
        String target = target(table);
        String name = sync.substring(0, sync.indexOf('('));
        String function = quote(table.schema()) + "." + quote(name);
        try {
            rolledBack(statement -> {
                try {
                    if (sync.endsWith("()")) {
                        statement.execute("SELECT " + function + "()");
                    } else {
                        statement.execute("DELETE FROM " + target);
                        statement.execute("SELECT " + function + "(s.id) FROM " + quoteQualified(source) + " s");
                    }
                } catch (SQLException e) {
                    syncFailed(table, sync, name, e);
                    return null;
                }
                differences(table, source, sync, statement.executeQuery("""
                        SELECT coalesce(s.id, t.id)::text, s.data::text, t.data::text, count(*) OVER ()
                        FROM %s s FULL JOIN %s t ON t.id = s.id
                        WHERE s.id IS NULL OR t.id IS NULL OR s.data IS DISTINCT FROM t.data
                        ORDER BY 1 LIMIT %d""".formatted(quoteQualified(source), target, SHOWN_IDS)));
                return null;
            });
        } catch (SQLException e) {
            add(FindingCode.TV_OUT_OF_SYNC, table, "$", table.display() + " could not be compared with " + source
                    + " after " + sync + ": " + describe(e), "rolled back", definition(table.display()));
        }
    }

    /** A sync function PostgreSQL rejects at run time: its message and SQLSTATE, at the function's CREATE. */
    private void syncFailed(Table table, String sync, String name, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        List<String> context = server == null || server.getWhere() == null ? List.of()
                : server.getWhere().lines().toList();
        String where = context.stream().filter(l -> l.startsWith("PL/pgSQL function") || l.startsWith("SQL function"))
                .findFirst().or(() -> context.stream().findFirst()).map(l -> "; " + l).orElse("");
        String qualified = table.schema().equals("public") ? name : table.schema() + "." + name;
        add(FindingCode.TV_SYNC_FAILED, table, "$", (sync.endsWith("()") ? qualified + "()" : qualified
                + "(id) for each id of the source") + " failed: " + describe(e), "run on the current rows and rolled"
                + " back" + where, definition(qualified).or(() -> definition(table.display())));
    }

    /** PostgreSQL's one-line message and the SQLSTATE: {@code cannot insert into view "x" (SQLSTATE 0A000)}. */
    private static String describe(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String message = server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
        return String.valueOf(message).lines().findFirst().orElse("")
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }

    /**
     * Runs {@code work} in a transaction (or, inside the caller's, a savepoint) with the checked schemas as its
     * search path, and rolls it back.
     */
    private <T> T rolledBack(RolledBack<T> work) throws SQLException {
        Savepoint savepoint = null;
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        } else {
            savepoint = connection.setSavepoint();
        }
        try (Statement statement = connection.createStatement()) {
            searchPath(statement);
            return work.run(statement);
        } finally {
            restore(autoCommit, savepoint);
        }
    }

    private Optional<SourceLocation> definition(String name) {
        return sqlSources.definition(name);
    }

    private static String target(Table table) {
        return quote(table.schema()) + "." + quote(table.name());
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
                        + ")" : ""), sync + " run on the current rows and rolled back", definition(table.display()));
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

    private void add(FindingCode code, Table table, String jsonPath, String message, String provenance,
            Optional<SourceLocation> location) {
        findings.add(new Finding(code, table.display(), "", Optional.empty(), location, table.display(),
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
