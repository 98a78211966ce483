package dev.fraise.build;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import dev.fraise.sql.SqlLexis;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reading, splitting and error reporting for SQL files, shared by the schema build and the migrations engine:
 * one psql-grade splitter, one way to turn a PostgreSQL error into {@code file:line:col}.
 */
public final class SqlScripts {

    private static final Set<String> OPENERS = Set.of("BEGIN", "BEGIN WORK", "BEGIN TRANSACTION",
            "START TRANSACTION");
    private static final Set<String> CLOSERS = Set.of("COMMIT", "COMMIT WORK", "COMMIT TRANSACTION", "END",
            "END WORK", "END TRANSACTION");

    private SqlScripts() {
    }

    /** Whether {@code statement} is a plain {@code BEGIN [WORK|TRANSACTION]} or {@code START TRANSACTION}. */
    public static boolean opensTransaction(SqlStatement statement) {
        return OPENERS.contains(normalise(statement.sql()));
    }

    /** Whether {@code statement} is a plain {@code COMMIT|END [WORK|TRANSACTION]}. */
    public static boolean closesTransaction(SqlStatement statement) {
        return CLOSERS.contains(normalise(statement.sql()));
    }

    /**
     * The statement upper-cased, comments removed, whitespace collapsed (the first 400 characters): enough to
     * match its leading keywords.
     */
    public static String normalise(String sql) {
        StringBuilder out = new StringBuilder(Math.min(sql.length(), 400));
        int i = 0;
        int n = sql.length();
        while (i < n && out.length() < 400) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = SqlLexis.blockCommentEnd(sql, i);
                out.append(' ');
            } else if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? n : end + 1;
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(Character.isWhitespace(c) ? ' ' : c);
                i++;
            }
        }
        return out.toString().replaceAll(" {2,}", " ").strip().toUpperCase(Locale.ROOT);
    }

    /**
     * {@code sql} with its comments, string literals and dollar-quoted bodies blanked out: the same length and the
     * same line breaks, so an index into the mask is an index into {@code sql}. Quoted identifiers are kept.
     */
    public static String mask(String sql) {
        return SqlMask.mask(sql, false);
    }

    /**
     * Decodes {@code bytes} as UTF-8, dropping a byte-order mark.
     *
     * @param file shown in the error location
     * @throws FraiseException {@code BUILD_NOT_UTF8} naming the bad byte, its offset and line
     */
    public static String decode(byte[] bytes, Path file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new FraiseException(ErrorCode.BUILD_NOT_UTF8,
                    "file is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[bad] & 0xFF) + " at offset " + bad
                            + "); convert it with iconv -t UTF-8",
                    SourceLocation.of(file, line));
        }
    }

    /**
     * Splits {@code text} into top-level statements as psql does (quotes, dollar-quoted bodies, nested comments,
     * {@code BEGIN ATOMIC} bodies), each with its line and column in the file.
     *
     * @param file shown in error locations
     * @throws FraiseException {@code BUILD_UNCLOSED_COMMENT} or {@code BUILD_UNTERMINATED_LITERAL}
     */
    public static List<SqlStatement> split(String text, Path file) {
        return SqlSplitter.split(text, file);
    }

    /**
     * The failure of {@code statement} of {@code file}: located at PostgreSQL's error position (or the statement's
     * start), with PostgreSQL's message, the SQLSTATE and the statement's first line.
     */
    public static FraiseException statementError(ErrorCode code, Path file, SqlStatement statement, SQLException e) {
        String detail = describe(e) + " in statement: " + statement.firstLine();
        return new FraiseException(code, detail, errorLocation(file, statement, e), e);
    }

    /** Where in {@code file} PostgreSQL's error position in {@code statement} is (the statement's start without one). */
    static SourceLocation errorLocation(Path file, SqlStatement statement, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server != null && server.getPosition() > 0) {
            int[] at = statement.fileLocationOf(server.getPosition());
            return new SourceLocation(file, at[0], at[1]);
        }
        return new SourceLocation(file, statement.line(), statement.column());
    }

    /** PostgreSQL's one-line message and the SQLSTATE, e.g. {@code relation "x" does not exist (SQLSTATE 42P01)}. */
    public static String describe(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String message = server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
        String state = e.getSQLState() != null ? " (SQLSTATE " + e.getSQLState() + ")" : "";
        return firstLine(String.valueOf(message)) + state;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }
}
