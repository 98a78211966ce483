package dev.fraise.build;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a {@link SchemaPlan} in one transaction: either every statement of every file is applied, or
 * nothing is. A failure names the file, line and column, the SQLSTATE and PostgreSQL's message.
 *
 * <p>A file wrapped as a whole in {@code BEGIN;} (or {@code START TRANSACTION;}) ... {@code COMMIT;} (or
 * {@code END;}) builds: the outer wrapper is stripped, as migrations strip it, and the build says so once per file
 * at INFO. Any other transaction control is {@code BUILD_TRANSACTION_CONTROL}.
 *
 * <p>With {@link SchemaPlan#twoPass()} (Confiture's {@code build.two_pass}) the foreign keys of {@code CREATE TABLE}
 * statements are added after the last file, so tables may reference tables of later files.
 */
public final class SchemaBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaBuilder.class);

    private static final Set<String> TRANSACTION_CONTROL =
            Set.of("begin", "start", "commit", "end", "rollback", "abort");

    private SchemaBuilder() {
    }

    /**
     * Reads and splits every file of {@code plan} without touching a database, so that file-level problems
     * (encoding, unclosed comments) are reported before anything runs.
     */
    static List<ParsedFile> parse(SchemaPlan plan) {
        return plan.files().stream().map(SchemaBuilder::parse).toList();
    }

    /**
     * Builds {@code plan} on {@code connection} in a single transaction. The connection's auto-commit mode is
     * restored afterwards.
     *
     * @throws FraiseException {@code BUILD_SQL_ERROR}, {@code BUILD_ORDER} (a statement needs an object a later
     *                         file creates), {@code BUILD_VIEW_CYCLE}, {@code BUILD_NOT_UTF8},
     *                         {@code BUILD_UNCLOSED_COMMENT}, {@code BUILD_UNTERMINATED_LITERAL} or
     *                         {@code BUILD_TRANSACTION_CONTROL}; the transaction is rolled back
     */
    public static BuildResult build(Connection connection, SchemaPlan plan) {
        long start = System.nanoTime();
        List<ParsedFile> parsed = parse(plan);
        List<DeferredKey> deferred = new ArrayList<>();
        List<ParsedFile> files = plan.twoPass() ? parsed.stream().map(f -> deferKeys(f, deferred)).toList() : parsed;
        List<SourceLocation> unwrapped = files.stream().flatMap(f -> f.wrapper().stream()).toList();
        unwrapped.forEach(at -> LOG.info("{}: outer BEGIN ... COMMIT stripped: the build runs every file in one"
                + " transaction", at));
        int count = 0;
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            Exception failure = null;
            try (Statement statement = connection.createStatement()) {
                statement.setEscapeProcessing(false);
                for (int i = 0; i < files.size(); i++) {
                    for (SqlStatement sql : files.get(i).statements()) {
                        execute(statement, files, i, sql);
                        count++;
                    }
                }
                for (DeferredKey key : deferred) {
                    executeDeferred(statement, key);
                    count++;
                }
                commit(connection);
            } catch (RuntimeException | SQLException e) {
                failure = e;
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    // a lost connection must not hide the error that explains it
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                try {
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException restore) {
                    if (failure == null) {
                        throw restore;
                    }
                    failure.addSuppressed(restore);
                }
            }
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.BUILD_SQL_ERROR, "build transaction failed: " + SqlScripts.describe(e),
                    null, e);
        }
        return new BuildResult(files.size(), count, Duration.ofNanos(System.nanoTime() - start), unwrapped);
    }

    /** Commits; deferred constraints are checked here, after the last statement, so no file is to blame. */
    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.BUILD_SQL_ERROR, "COMMIT of the build failed: " + SqlScripts.describe(e),
                    null, e);
        }
    }

    /** Runs one statement; a failure because a later file defines what it needs is a {@code BUILD_ORDER} error. */
    private static void execute(Statement statement, List<ParsedFile> files, int file, SqlStatement sql) {
        try {
            statement.execute(sql.sql());
        } catch (SQLException e) {
            throw BuildOrder.explain(files, file, sql, e).orElseGet(() -> SqlScripts.statementError(
                    ErrorCode.BUILD_SQL_ERROR, files.get(file).file().displayPath(), sql, e));
        }
    }

    /** {@code file} with the foreign keys of its {@code CREATE TABLE} statements moved to {@code deferred}. */
    private static ParsedFile deferKeys(ParsedFile file, List<DeferredKey> deferred) {
        List<SqlStatement> statements = new ArrayList<>(file.statements().size());
        for (SqlStatement sql : file.statements()) {
            ForeignKeys.Split split = ForeignKeys.split(sql);
            statements.add(split.table());
            for (ForeignKeys.Deferred key : split.keys()) {
                int[] at = sql.fileLocationOf(key.position());
                deferred.add(new DeferredKey(key.sql(), new SourceLocation(file.file().displayPath(), at[0], at[1])));
            }
        }
        return new ParsedFile(file.file(), statements, file.wrapper());
    }

    /** Adds a foreign key that {@code build.two_pass} took out of its {@code CREATE TABLE}. */
    private static void executeDeferred(Statement statement, DeferredKey key) {
        try {
            statement.execute(key.sql());
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.BUILD_SQL_ERROR, "foreign key added after every file (build.two_pass)"
                    + " failed: " + SqlScripts.describe(e) + " in statement: " + key.sql(), key.at(), e);
        }
    }

    private static ParsedFile parse(SchemaFile file) {
        String text = decode(file);
        List<SqlStatement> statements = new ArrayList<>(SqlScripts.split(text, file.displayPath()));
        SourceLocation wrapper = null;
        int last = statements.size() - 1;
        if (last > 0 && SqlScripts.opensTransaction(statements.get(0))
                && SqlScripts.closesTransaction(statements.get(last))) {
            wrapper = new SourceLocation(file.displayPath(), statements.get(0).line(), statements.get(0).column());
            statements.remove(last);
            statements.remove(0);
        }
        if (wrapper == null && last > 0 && SqlScripts.opensTransaction(statements.get(0))) {
            SqlStatement end = statements.get(last);
            String word = end.sql().split("[\\s(;]+", 2)[0].toLowerCase(Locale.ROOT);
            if (word.equals("rollback") || word.equals("abort")) {
                throw new FraiseException(ErrorCode.BUILD_TRANSACTION_CONTROL, "'" + end.firstLine() + "' ends the"
                        + " file's BEGIN block, so the build would discard it; end the file with COMMIT (an outer"
                        + " BEGIN ... COMMIT wrapping the whole file is stripped)",
                        new SourceLocation(file.displayPath(), end.line(), end.column()));
            }
        }
        for (SqlStatement sql : statements) {
            String first = sql.sql().split("[\\s(;]+", 2)[0].toLowerCase(Locale.ROOT);
            if (TRANSACTION_CONTROL.contains(first)) {
                throw new FraiseException(ErrorCode.BUILD_TRANSACTION_CONTROL,
                        "'" + sql.firstLine() + "' would break the build's single transaction; remove it"
                                + " (only an outer BEGIN ... COMMIT wrapping the whole file is stripped)",
                        new SourceLocation(file.displayPath(), sql.line(), sql.column()));
            }
        }
        return new ParsedFile(file, statements, Optional.ofNullable(wrapper));
    }

    private static String decode(SchemaFile file) {
        try {
            return SqlScripts.decode(Files.readAllBytes(file.path()), file.displayPath());
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.FILE_READ_FAILED, "cannot read the schema file: " + e,
                    SourceLocation.of(file.displayPath()), e);
        }
    }

    /** A foreign key {@code build.two_pass} adds at the end, and where it is written. */
    private record DeferredKey(String sql, SourceLocation at) {
    }

    /**
     * A file read and split into statements.
     *
     * @param wrapper where the outer {@code BEGIN} that was stripped (with its {@code COMMIT}) stood, if any
     */
    record ParsedFile(SchemaFile file, List<SqlStatement> statements, Optional<SourceLocation> wrapper) {

        ParsedFile {
            statements = List.copyOf(statements);
        }
    }
}
