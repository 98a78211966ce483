package dev.fraise.contract;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;

/**
 * One call of a mutation function in a transaction that is always rolled back (a savepoint inside the caller's
 * transaction), with the checked schemas as {@code search_path} and a {@value #TIMEOUT} {@code statement_timeout}:
 * nothing it writes persists, whether it returns or raises. The arguments are generated inside that transaction.
 */
final class MutationCall {

    /** What the call came to. */
    sealed interface Outcome permits NoInput, Raised, Returned {
    }

    /** No valid input could be generated: nothing was called. */
    record NoInput(String reason) implements Outcome {
    }

    /** The call raised: PostgreSQL's SQLSTATE and message. */
    record Raised(String call, String sqlState, String message) implements Outcome {
    }

    /** The call returned: its first row, column by column as text, if any. */
    record Returned(String call, Optional<Map<String, String>> row) implements Outcome {
    }

    /** Generates the arguments of the call. */
    @FunctionalInterface
    interface Arguments {
        List<MutationInputs.Argument> generate() throws MutationInputs.NoInput;
    }

    static final String TIMEOUT = "10s";

    private MutationCall() {
    }

    static Outcome run(Connection connection, List<String> schemas, SqlFunctions.Function function,
            Arguments arguments) {
        Savepoint savepoint = null;
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            } else {
                savepoint = connection.setSavepoint();
            }
        } catch (SQLException e) {
            throw failure("starting a transaction", function, e);
        }
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL search_path TO " + schemas.stream().map(MutationCall::quote)
                        .collect(Collectors.joining(", ")));
                statement.execute("SET LOCAL statement_timeout = '" + TIMEOUT + "'");
            }
            List<MutationInputs.Argument> generated;
            try {
                generated = arguments.generate();
            } catch (MutationInputs.NoInput e) {
                return new NoInput(e.getMessage());
            }
            String shown = shown(function, generated);
            try {
                return new Returned(shown, Optional.ofNullable(call(connection, function, generated)));
            } catch (SQLException e) {
                return new Raised(shown, e.getSQLState(), serverMessage(e));
            }
        } catch (SQLException e) {
            throw failure("preparing the call", function, e);
        } finally {
            restore(connection, autoCommit, savepoint, function);
        }
    }

    /** The first result row, column by column as text; {@code null} when there is none. */
    private static Map<String, String> call(Connection connection, SqlFunctions.Function function,
            List<MutationInputs.Argument> arguments) throws SQLException {
        String placeholders = arguments.stream().map(a -> a.kind() == 'p' ? "?" : "CAST(? AS " + a.sqlType() + ")")
                .collect(Collectors.joining(", "));
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + quote(function.schema())
                + "." + quote(function.name()) + "(" + placeholders + ")")) {
            for (int i = 0; i < arguments.size(); i++) {
                statement.setString(i + 1, arguments.get(i).text());
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                ResultSetMetaData meta = rows.getMetaData();
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rows.getString(i));
                }
                return row;
            }
        }
    }

    /** {@code public.fn_create_post({"title":"fraise-sample-1-title"})}: the call with its arguments as JSON. */
    private static String shown(SqlFunctions.Function function, List<MutationInputs.Argument> arguments) {
        return function.schema() + "." + function.name() + "(" + arguments.stream().map(a -> a.shown().toString())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getMessage();
        }
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    private static void restore(Connection connection, boolean autoCommit, Savepoint savepoint,
            SqlFunctions.Function function) {
        try {
            if (savepoint != null) {
                connection.rollback(savepoint);
            } else {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("rolling back", function, e);
        }
    }

    private static FraiseException failure(String what, SqlFunctions.Function function, SQLException e) {
        return new FraiseException(ErrorCode.SAMPLE_QUERY_FAILED, what + " for a sample call of " + function.name()
                + " failed: " + e.getMessage(), null, e);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
