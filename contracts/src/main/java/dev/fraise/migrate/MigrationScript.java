package dev.fraise.migrate;

import dev.fraise.build.SqlScripts;
import dev.fraise.build.SqlStatement;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A migration file read and split into the statements to run: {@code BEGIN}/{@code COMMIT} wrappers stripped
 * (as Confiture strips them), and whether it must run outside a transaction (as Confiture detects it).
 *
 * @param file          the file as shown in messages
 * @param statements    the statements to run, wrappers removed
 * @param nonTransactional the statements' descriptions that cannot run in a transaction; empty when the file
 *                      runs in one
 */
record MigrationScript(Path file, List<SqlStatement> statements, List<String> nonTransactional) {

    /** Confiture's list (issue #169): statements PostgreSQL rejects, or restricts, inside a transaction block. */
    private static final List<Detector> NON_TRANSACTIONAL = List.of(
            new Detector(Pattern.compile("^CREATE (UNIQUE )?INDEX CONCURRENTLY\\b"), "CREATE INDEX CONCURRENTLY"),
            new Detector(Pattern.compile("^DROP INDEX CONCURRENTLY\\b"), "DROP INDEX CONCURRENTLY"),
            new Detector(Pattern.compile("^ALTER TYPE .+? ADD VALUE\\b"), "ALTER TYPE ... ADD VALUE"),
            new Detector(Pattern.compile("^REINDEX\\b.*\\bCONCURRENTLY\\b"), "REINDEX CONCURRENTLY"),
            new Detector(Pattern.compile("^CREATE DATABASE\\b"), "CREATE DATABASE"),
            new Detector(Pattern.compile("^DROP DATABASE\\b"), "DROP DATABASE"),
            new Detector(Pattern.compile("^VACUUM\\b"), "VACUUM"),
            new Detector(Pattern.compile("^CLUSTER\\b"), "CLUSTER"));

    private static final Pattern TRANSACTION_CONTROL =
            Pattern.compile("^(BEGIN|START|COMMIT|END|ROLLBACK|ABORT|PREPARE TRANSACTION)\\b(?! TO\\b)");

    MigrationScript {
        statements = List.copyOf(statements);
        nonTransactional = List.copyOf(nonTransactional);
    }

    /** Whether the file runs in one transaction (no statement needs auto-commit). */
    boolean transactional() {
        return nonTransactional.isEmpty();
    }

    /**
     * Reads {@code file}, shown as {@code display} in messages.
     *
     * @throws FraiseException {@code BUILD_NOT_UTF8}, {@code BUILD_UNCLOSED_COMMENT},
     *                         {@code BUILD_UNTERMINATED_LITERAL} or {@code MIGRATION_TRANSACTION_CONTROL}
     */
    static MigrationScript read(Path file, Path display) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.FILE_READ_FAILED, "cannot read the migration: " + e,
                    SourceLocation.of(display), e);
        }
        List<SqlStatement> statements = new ArrayList<>();
        List<String> nonTransactional = new ArrayList<>();
        for (SqlStatement statement : SqlScripts.split(SqlScripts.decode(bytes, display), display)) {
            String head = SqlScripts.normalise(statement.sql());
            if (SqlScripts.opensTransaction(statement) || SqlScripts.closesTransaction(statement)) {
                continue;
            }
            if (TRANSACTION_CONTROL.matcher(head).find()) {
                throw new FraiseException(ErrorCode.MIGRATION_TRANSACTION_CONTROL, "'" + statement.firstLine()
                        + "': Fraise runs each migration in its own transaction; only plain BEGIN/COMMIT"
                        + " wrappers are allowed (and stripped)",
                        new SourceLocation(display, statement.line(), statement.column()));
            }
            for (Detector detector : NON_TRANSACTIONAL) {
                if (detector.pattern().matcher(head).find()) {
                    nonTransactional.add(detector.description() + " (line " + statement.line() + ")");
                }
            }
            statements.add(statement);
        }
        return new MigrationScript(display, statements, nonTransactional);
    }

    private record Detector(Pattern pattern, String description) {
    }
}
