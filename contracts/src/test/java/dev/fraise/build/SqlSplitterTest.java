package dev.fraise.build;

import static dev.fraise.build.BuildTestSupport.assertFraise;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    private static final Path FILE = Path.of("db/schema/10_tables/t.sql");

    private static List<SqlStatement> split(String sql) {
        return SqlSplitter.split(sql, FILE);
    }

    private static List<String> texts(String sql) {
        return split(sql).stream().map(SqlStatement::sql).toList();
    }

    @Nested
    class Basics {

        @Test
        void splitsOnTopLevelSemicolonsAndDropsThem() {
            assertEquals(List.of("SELECT 1", "SELECT 2", "SELECT 3"), texts("SELECT 1;SELECT 2;\nSELECT 3;\n"));
        }

        @Test
        void emptyInputHasNoStatements() {
            assertEquals(List.of(), split(""));
        }

        @Test
        void whitespaceCommentsAndEmptyStatementsHaveNoStatements() {
            assertEquals(List.of(), split("  \n\t\r\n-- only a comment\n/* and ; a block */ ;;\n ; \n"));
        }

        @Test
        void trailingStatementWithoutSemicolonIsKeptAndStripped() {
            List<SqlStatement> statements = split("SELECT 1;\n\nSELECT 2  \n\n");
            assertEquals(2, statements.size());
            assertEquals(new SqlStatement("SELECT 2", 3, 1), statements.get(1));
        }

        @Test
        void trailingStatementEndingInALineCommentIsKept() {
            assertEquals(List.of("SELECT 1", "SELECT 2 -- the end; really"),
                    texts("SELECT 1;\nSELECT 2 -- the end; really"));
        }

        @Test
        void reportsLineAndColumnOfEachStatementsFirstCharacter() {
            String sql = "-- header\n"
                    + "/* block\n   comment */  CREATE TABLE a (id int);\n"
                    + "\n"
                    + "    CREATE TABLE b (\n      id int\n    );  SELECT 1;\n";
            List<SqlStatement> statements = split(sql);
            assertEquals(3, statements.size());
            assertAll(
                    () -> assertEquals(new SqlStatement("CREATE TABLE a (id int)", 3, 16), statements.get(0)),
                    () -> assertEquals(new SqlStatement("CREATE TABLE b (\n      id int\n    )", 5, 5),
                            statements.get(1)),
                    () -> assertEquals(new SqlStatement("SELECT 1", 7, 9), statements.get(2)));
        }

        @Test
        void columnsCountCharactersNotUtf16Units() {
            // U+1F600 is two UTF-16 units but one character, as PostgreSQL counts it.
            List<SqlStatement> statements = split("SELECT '\uD83D\uDE00'; SELECT 2;");
            assertEquals(new SqlStatement("SELECT 2", 1, 13), statements.get(1));
        }

        @Test
        void crlfLineEndingsCountAsOneLine() {
            List<SqlStatement> statements = split("SELECT 1;\r\n-- c\r\nSELECT 2;\r\n");
            assertEquals(new SqlStatement("SELECT 2", 3, 1), statements.get(1));
        }
    }

    @Nested
    class Literals {

        @Test
        void semicolonInsideStringWithDoubledQuotes() {
            assertEquals(List.of("INSERT INTO t VALUES ('it''s; fine', ';')", "SELECT 2"),
                    texts("INSERT INTO t VALUES ('it''s; fine', ';');SELECT 2;"));
        }

        @Test
        void backslashInStandardStringIsLiteral() {
            // standard_conforming_strings: 'a\' is a complete string
            assertEquals(List.of("SELECT 'a\\'", "SELECT 2"), texts("SELECT 'a\\';SELECT 2;"));
        }

        @Test
        void backslashEscapesInEscapeStrings() {
            assertEquals(List.of("SELECT E'a\\';b'", "SELECT e'\\\\'", "SELECT 3"),
                    texts("SELECT E'a\\';b';SELECT e'\\\\';SELECT 3;"));
        }

        @Test
        void escapeStringRightAfterAParenthesis() {
            assertEquals(List.of("SELECT (E'x\\';y')", "SELECT 2"), texts("SELECT (E'x\\';y');SELECT 2"));
        }

        @Test
        void identifierEndingInEIsNotAnEscapeStringPrefix() {
            // 'x\' is a standard string: the E belongs to "some", so the backslash does not escape
            assertEquals(2, split("SELECT some'x\\';SELECT 2;").size());
        }

        @Test
        void semicolonInsideQuotedIdentifier() {
            assertEquals(List.of("CREATE TABLE \"quoted;ident\" (\"a\"\"b;c\" int)", "SELECT 2"),
                    texts("CREATE TABLE \"quoted;ident\" (\"a\"\"b;c\" int); SELECT 2;"));
        }

        @Test
        void dollarQuotedBody() {
            String fn = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\n"
                    + "BEGIN\n  PERFORM 1; -- ' not a quote\n  RETURN 2;\nEND;\n$$";
            assertEquals(List.of(fn, "SELECT f()"), texts(fn + ";\nSELECT f();"));
        }

        @Test
        void taggedDollarQuoteMayContainPlainDollarQuotes() {
            String fn = "CREATE FUNCTION g() RETURNS text LANGUAGE plpgsql AS $body$\n"
                    + "BEGIN\n  EXECUTE $$SELECT ';'$$;\n  RETURN $x$;$x$;\nEND\n$body$";
            assertEquals(List.of(fn, "SELECT 1"), texts(fn + ";SELECT 1"));
        }

        @Test
        void positionalParametersAreNotDollarQuotes() {
            String fn = "CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT $1 + $2; $$";
            assertEquals(List.of(fn, "PREPARE p(int) AS SELECT $1::int", "SELECT $2"),
                    texts(fn + ";\nPREPARE p(int) AS SELECT $1::int; SELECT $2"));
        }

        @Test
        void dollarInsideIdentifierIsNotAQuote() {
            assertEquals(List.of("SELECT 1 AS a$b$", "SELECT 2"), texts("SELECT 1 AS a$b$; SELECT 2"));
        }

        @Test
        void dollarQuoteTagTouchingBodyText() {
            assertEquals(List.of("DO $do$BEGIN PERFORM 1; END$do$", "SELECT 1"),
                    texts("DO $do$BEGIN PERFORM 1; END$do$; SELECT 1"));
        }
    }

    @Nested
    class Comments {

        @Test
        void lineCommentsHideSemicolonsAndQuotes() {
            assertEquals(List.of("SELECT 1 -- don't; split\n", "SELECT 2"),
                    texts("SELECT 1 -- don't; split\n; SELECT 2;"));
        }

        @Test
        void nestedBlockComments() {
            List<SqlStatement> statements = split("/* outer /* inner; */ still; ' comment */ SELECT 1; SELECT 2");
            assertEquals(List.of(new SqlStatement("SELECT 1", 1, 43), new SqlStatement("SELECT 2", 1, 53)),
                    statements);
        }

        @Test
        void blockCommentInsideStatementIsKept() {
            assertEquals(List.of("SELECT /* ; */ 1", "SELECT 2"), texts("SELECT /* ; */ 1; SELECT 2"));
        }

        @Test
        void commentMarkersInsideStringsAreText() {
            assertEquals(List.of("SELECT '/*', '--'", "SELECT 2"), texts("SELECT '/*', '--'; SELECT 2"));
        }

        @Test
        void unclosedBlockCommentIsReportedAtItsOpening() {
            FraiseException e = assertFraise(ErrorCode.BUILD_UNCLOSED_COMMENT,
                    () -> split("SELECT 1;\n  /* outer\n /* inner */\n SELECT 2;\n"));
            assertEquals(new SourceLocation(FILE, 2, 3), e.location().orElseThrow());
        }

        @Test
        void unclosedBlockCommentInsideAStatement() {
            FraiseException e = assertFraise(ErrorCode.BUILD_UNCLOSED_COMMENT,
                    () -> split("CREATE TABLE t (\n  id int /* no end\n);"));
            assertEquals(new SourceLocation(FILE, 2, 10), e.location().orElseThrow());
        }
    }

    @Nested
    class Unterminated {

        @Test
        void unterminatedString() {
            FraiseException e = assertFraise(ErrorCode.BUILD_UNTERMINATED_LITERAL,
                    () -> split("SELECT 1;\nINSERT INTO t VALUES ('oops);\nSELECT 2;"));
            assertEquals(new SourceLocation(FILE, 2, 23), e.location().orElseThrow());
        }

        @Test
        void unterminatedEscapeStringEndingInBackslashQuote() {
            FraiseException e = assertFraise(ErrorCode.BUILD_UNTERMINATED_LITERAL, () -> split("SELECT E'a\\'"));
            assertEquals(new SourceLocation(FILE, 1, 9), e.location().orElseThrow());
        }

        @Test
        void unterminatedQuotedIdentifier() {
            FraiseException e = assertFraise(ErrorCode.BUILD_UNTERMINATED_LITERAL,
                    () -> split("SELECT \"abc;\nSELECT 2;"));
            assertEquals(new SourceLocation(FILE, 1, 8), e.location().orElseThrow());
        }

        @Test
        void unterminatedDollarQuote() {
            FraiseException e = assertFraise(ErrorCode.BUILD_UNTERMINATED_LITERAL,
                    () -> split("\nCREATE FUNCTION f() RETURNS int AS $fn$\nBEGIN RETURN 1; END;\n$$;"));
            assertEquals(new SourceLocation(FILE, 2, 36), e.location().orElseThrow());
            assertTrue(e.getMessage().contains("$fn$"), e.getMessage());
        }
    }

    @Nested
    class AtomicBodies {

        @Test
        void beginAtomicBodyIsOneStatement() {
            String fn = "CREATE FUNCTION one() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND";
            assertEquals(List.of(fn, "SELECT one()"), texts(fn + ";\nSELECT one();"));
        }

        @Test
        void caseInsideAtomicBodyDoesNotEndIt() {
            String fn = "create or replace procedure p(x int) language sql\n"
                    + "begin atomic\n"
                    + "  insert into t values (case when x > 0 then 1 else 2 end);\n"
                    + "  select case x when 1 then 'a' end;\n"
                    + "end";
            assertEquals(List.of(fn, "call p(1)"), texts(fn + ";\ncall p(1);"));
        }

        @Test
        void parenthesisedBeginAndEndAreNotBlockKeywords() {
            // psql only counts BEGIN/CASE/END outside parentheses; "begin" is a legal column name
            String fn = "CREATE FUNCTION logit() RETURNS void LANGUAGE sql\n"
                    + "BEGIN ATOMIC\n  INSERT INTO log(begin) VALUES (1);\nEND";
            assertEquals(List.of(fn, "SELECT 2"), texts(fn + ";\nSELECT 2;"));
        }

        @Test
        void semicolonsInsideParenthesesDoNotEndAStatement() {
            // psql keeps multi-action rules together: DO ALSO ( cmd ; cmd )
            String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (\n"
                    + "  INSERT INTO a VALUES (1);\n  INSERT INTO b VALUES (2)\n)";
            assertEquals(List.of(rule, "SELECT 1"), texts(rule + ";\nSELECT 1;"));
        }

        @Test
        void strayClosingParenthesisDoesNotSwallowLaterStatements() {
            assertEquals(List.of("SELECT 1)", "SELECT 2"), texts("SELECT 1); SELECT 2;"));
        }

        @Test
        void beginOutsideRoutinesIsNotTracked() {
            assertEquals(List.of("BEGIN", "CREATE TABLE t (begin int)", "END"),
                    texts("BEGIN; CREATE TABLE t (begin int); END;"));
        }

        @Test
        void plpgsqlBodiesAreNotCountedTwice() {
            String fn = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$";
            assertEquals(List.of(fn, "SELECT 2"), texts(fn + "; SELECT 2"));
        }

        @Test
        void returnCaseOutsideABlockEndsNormally() {
            String fn = "CREATE FUNCTION s(x int) RETURNS int LANGUAGE sql RETURN CASE WHEN x > 0 THEN 1 END";
            assertEquals(List.of(fn, "SELECT 2"), texts(fn + "; SELECT 2"));
        }
    }

    @Nested
    class Statements {

        @Test
        void fileLocationOfMapsServerPositionsAcrossLines() {
            SqlStatement s = new SqlStatement("CREATE TABLE t (\n  id int,\n  bad tpye\n)", 4, 3);
            assertArrayEquals(new int[] {4, 3}, s.fileLocationOf(1));
            assertArrayEquals(new int[] {4, 8}, s.fileLocationOf(6));
            assertArrayEquals(new int[] {6, 7}, s.fileLocationOf(s.sql().indexOf("tpye") + 1));
        }

        @Test
        void fileLocationOfCountsCharactersLikePostgres() {
            // PostgreSQL positions count characters: the emoji is one
            SqlStatement s = new SqlStatement("SELECT '\uD83D\uDE00',\nnope", 1, 1);
            assertArrayEquals(new int[] {2, 1}, s.fileLocationOf(13));
        }

        @Test
        void firstLineIsStrippedAndTruncated() {
            assertEquals("CREATE TABLE t (", new SqlStatement("  CREATE TABLE t (\n id int)", 1, 1).firstLine());
            String longLine = "SELECT " + "x".repeat(100);
            String first = new SqlStatement(longLine, 1, 1).firstLine();
            assertEquals(80, first.length());
            assertTrue(first.endsWith("..."));
        }
    }
}
