package dev.fraise.inference;

import dev.fraise.nodetree.NodeTreeParser;
import dev.fraise.nodetree.PgNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.util.PSQLException;

/**
 * Lets PostgreSQL analyse queries taken from function bodies: each becomes a temporary view, created inside a
 * transaction (or, inside the caller's, a savepoint) that is rolled back once their analysed trees
 * ({@code pg_rewrite.ev_action}) are read. Nothing is left in the database, and nothing beyond the
 * {@code TEMPORARY} privilege every role has by default is needed. A query PostgreSQL rejects keeps its message.
 */
final class ProbeViews {

    private static final String PLACEHOLDER_FUNCTION = "CREATE FUNCTION " + ProbeSql.PLACEHOLDER
            + "(anyelement, text) RETURNS anyelement LANGUAGE sql IMMUTABLE AS 'SELECT $1'";
    private static final String TREES = """
            SELECT c.relname, r.ev_action::text
            FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
            WHERE c.relnamespace = pg_my_temp_schema() AND c.relname LIKE 'fraise\\_probe\\_%'""";

    /** One probe's outcome: PostgreSQL's analysed query, or why it was rejected. */
    record Result(PgNode query, String error) {

        boolean analysed() {
            return query != null;
        }
    }

    /** What a session found: each probe's result in order, and the placeholder function's oid. */
    record Session(List<Result> results, long placeholderOid) {
    }

    private ProbeViews() {
    }

    /**
     * Creates one view per definition ({@code " (c1) AS SELECT …"}), reads their trees, and rolls everything back.
     *
     * @param schemas the search path the queries are resolved in
     */
    static Session analyse(Connection connection, List<String> schemas, List<String> definitions) {
        List<Result> results = new ArrayList<>();
        try {
            boolean autoCommit = connection.getAutoCommit();
            Savepoint outer = null;
            if (autoCommit) {
                connection.setAutoCommit(false);
            } else {
                outer = connection.setSavepoint();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL search_path TO " + String.join(", ", schemas.stream()
                        .map(ProbeViews::quote).toList()));
                statement.execute(PLACEHOLDER_FUNCTION);
                long placeholder;
                try (ResultSet rs = statement.executeQuery("SELECT '" + ProbeSql.PLACEHOLDER
                        + "(anyelement, text)'::regprocedure::oid")) {
                    rs.next();
                    placeholder = rs.getLong(1);
                }
                List<String> errors = new ArrayList<>();
                for (int i = 0; i < definitions.size(); i++) {
                    errors.add(create(connection, statement, i, definitions.get(i)));
                }
                Map<String, PgNode> trees = new HashMap<>();
                try (ResultSet rs = statement.executeQuery(TREES)) {
                    while (rs.next()) {
                        List<PgNode> queries = NodeTreeParser.parseNodes(rs.getString(2));
                        if (queries.size() == 1) {
                            trees.put(rs.getString(1), queries.get(0));
                        }
                    }
                }
                for (int i = 0; i < definitions.size(); i++) {
                    PgNode tree = trees.get(name(i));
                    results.add(tree != null ? new Result(tree, null)
                            : new Result(null, errors.get(i) == null ? "PostgreSQL stored no query" : errors.get(i)));
                }
                return new Session(results, placeholder);
            } finally {
                if (outer != null) {
                    connection.rollback(outer);
                } else {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            String reason = "the probe transaction failed: " + ProbeViews.describe(e);
            List<Result> failed = new ArrayList<>();
            definitions.forEach(d -> failed.add(new Result(null, reason)));
            return new Session(failed, -1);
        }
    }

    /** Creates one probe view in a savepoint of its own; PostgreSQL's message when it is rejected. */
    private static String create(Connection connection, Statement statement, int index, String definition)
            throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            statement.execute("CREATE TEMPORARY VIEW " + name(index) + definition);
            connection.releaseSavepoint(savepoint);
            return null;
        } catch (SQLException e) {
            connection.rollback(savepoint);
            return ProbeViews.describe(e);
        }
    }

    /** PostgreSQL's one-line message and the SQLSTATE: {@code column u.x does not exist (SQLSTATE 42703)}. */
    static String describe(SQLException e) {
        String message = String.valueOf(e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getMessage() != null ? p.getServerErrorMessage().getMessage()
                : e.getMessage());
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline))
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }

    private static String name(int index) {
        return "fraise_probe_" + index;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
