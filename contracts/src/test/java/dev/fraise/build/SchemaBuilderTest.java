package dev.fraise.build;

import static dev.fraise.build.BuildTestSupport.assertFraise;
import static dev.fraise.build.BuildTestSupport.config;
import static dev.fraise.build.BuildTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.config.IncludeDir;
import dev.fraise.config.ProjectConfig;
import dev.fraise.config.ProjectConfigLoader;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builds schemas on a real (embedded) PostgreSQL, one scratch database per test. */
class SchemaBuilderTest {

    private static PostgresServer server;

    @TempDir
    Path project;

    private String database;

    @BeforeAll
    static void startServer() {
        server = PostgresServers.shared(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(),
                OptionalInt.empty()));
    }

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "fraise_build_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE \"" + database + "\"");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Connection connect() throws SQLException {
        return server.dataSource(database).getConnection();
    }

    private Path schema() {
        return project.resolve("db/schema");
    }

    private SchemaPlan plan() {
        return SchemaPlanner.plan(config(project, IncludeDir.required(schema())), false);
    }

    private BuildResult build() throws SQLException {
        try (Connection c = connect()) {
            BuildResult result = SchemaBuilder.build(c, plan());
            assertTrue(c.getAutoCommit(), "auto-commit is restored");
            return result;
        }
    }

    /** Builds and expects a failure; afterwards the connection is still usable and in auto-commit mode. */
    private FraiseException buildFails(ErrorCode code) throws SQLException {
        try (Connection c = connect()) {
            SchemaPlan plan = plan();
            FraiseException e = assertFraise(code, () -> SchemaBuilder.build(c, plan));
            if (!c.isClosed()) {
                assertTrue(c.getAutoCommit(), "auto-commit is restored");
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                    assertTrue(rs.next(), "connection is usable after a failed build");
                }
            }
            return e;
        }
    }

    /** Every user relation and routine in the scratch database, as {@code kind:name}. */
    private List<String> userObjects() throws SQLException {
        List<String> objects = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT 'rel:' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                     UNION ALL
                     SELECT 'fn:' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
                     UNION ALL
                     SELECT 'ext:' || extname FROM pg_extension WHERE extname <> 'plpgsql'
                     UNION ALL
                     SELECT 'schema:' || nspname FROM pg_namespace
                      WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'public')
                        AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'
                     ORDER BY 1""")) {
            while (rs.next()) {
                objects.add(rs.getString(1));
            }
        }
        return objects;
    }

    private void assertNothingLeftBehind() throws SQLException {
        assertEquals(List.of(), userObjects(), "the failed build must leave the database empty");
    }

    private String query(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static SourceLocation at(String file, int line, int column) {
        return new SourceLocation(Path.of(file), line, column);
    }

    @Test
    void buildsFiveFilesInOneTransaction() throws SQLException {
        write(schema(), "00_common/extensions.sql", """
                -- extensions first
                CREATE EXTENSION IF NOT EXISTS pgcrypto;
                CREATE SCHEMA app; /* a schema; with a comment */
                """);
        write(schema(), "10_tables/0101_users.sql", """
                /* users
                   /* nested comment; still comment */
                */
                CREATE TABLE app.users (
                    id    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                    email text NOT NULL UNIQUE, -- login; unique
                    note  text DEFAULT 'it''s; fine'
                );
                COMMENT ON TABLE app.users IS 'People; who log in';
                """);
        write(schema(), "10_tables/0102_posts.sql", """
                CREATE TABLE app.posts (
                    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    user_id uuid NOT NULL REFERENCES app.users (id),
                    "title;raw" text NOT NULL
                )""");
        write(schema(), "20_functions/fn_post_count.sql", """
                CREATE FUNCTION app.post_count(p_user uuid) RETURNS bigint
                LANGUAGE plpgsql STABLE AS $fn$
                DECLARE
                    n bigint;  -- a semicolon; inside
                BEGIN
                    SELECT count(*) INTO n FROM app.posts WHERE user_id = $1;
                    RETURN n + length($$;$$) - 1;
                END;
                $fn$;

                CREATE FUNCTION app.hash_email(e text) RETURNS text LANGUAGE sql IMMUTABLE
                BEGIN ATOMIC
                    SELECT encode(digest(lower(e), 'sha256'), 'hex');
                END;
                """);
        write(schema(), "30_views/v_user_posts.sql", """
                CREATE VIEW app.v_user_posts AS
                SELECT u.email, app.post_count(u.id) AS posts, E'tab\\there;' AS literal
                  FROM app.users u;
                INSERT INTO app.users (email) VALUES ('a@example.com');
                """);

        BuildResult result = build();

        assertAll(
                () -> assertEquals(5, result.files()),
                () -> assertEquals(9, result.statements()),
                () -> assertTrue(!result.elapsed().isNegative()));
        assertEquals("0", query("SELECT posts FROM app.v_user_posts WHERE email = 'a@example.com'"));
        assertEquals("tab\there;", query("SELECT literal FROM app.v_user_posts"));
        assertEquals(64, query("SELECT app.hash_email('A@Example.com')").length());
        assertEquals("People; who log in", query("SELECT obj_description('app.users'::regclass, 'pg_class')"));
        assertEquals("it's; fine", query("SELECT note FROM app.users"));
    }

    @Test
    void emptyAndCommentOnlyFilesCountAsFilesWithoutStatements() throws SQLException {
        write(schema(), "a.sql", "");
        write(schema(), "b.sql", "-- nothing yet\n/* really nothing */\n");
        write(schema(), "c.sql", "CREATE TABLE c (id int)");
        BuildResult result = build();
        assertEquals(3, result.files());
        assertEquals(1, result.statements());
        assertEquals(List.of("rel:c"), userObjects());
    }

    @Test
    void byteOrderMarkIsIgnored() throws SQLException {
        write(schema(), "a.sql", "\uFEFFCREATE TABLE bom (id int);");
        assertEquals(1, build().statements());
        assertEquals(List.of("rel:bom"), userObjects());
    }

    @Test
    void syntaxErrorInTheThirdOfFiveFilesRollsEverythingBack() throws SQLException {
        write(schema(), "01_a.sql", "CREATE TABLE a (id int);\n");
        write(schema(), "02_b.sql", "CREATE TABLE b (id int);\nCREATE FUNCTION fb() RETURNS int LANGUAGE sql "
                + "RETURN 1;\n");
        write(schema(), "03_bad.sql", """
                -- third file
                CREATE TABLE c (id int);

                CREATE TABLE d (
                    id int,
                    name text,,
                    other int
                );
                """);
        write(schema(), "04_d.sql", "CREATE TABLE e (id int);\n");
        write(schema(), "05_e.sql", "CREATE TABLE f (id int);\n");

        FraiseException e = buildFails(ErrorCode.BUILD_SQL_ERROR);

        assertEquals(at("db/schema/03_bad.sql", 6, 15), e.location().orElseThrow());
        assertTrue(e.detail().contains("42601"), e.detail());
        assertTrue(e.detail().contains("syntax error at or near \",\""), e.detail());
        assertTrue(e.detail().contains("CREATE TABLE d ("), e.detail());
        assertTrue(e.getMessage().startsWith("BUILD_SQL_ERROR: db/schema/03_bad.sql:6:15: "), e.getMessage());
        assertNothingLeftBehind();
    }

    @Test
    void errorPositionInAStatementThatStartsMidLine() throws SQLException {
        write(schema(), "a.sql", "CREATE TABLE x (id int); CREATE TABLE y (id nosuchtype);\n");
        FraiseException e = buildFails(ErrorCode.BUILD_SQL_ERROR);
        assertEquals(at("db/schema/a.sql", 1, 45), e.location().orElseThrow());
        assertTrue(e.detail().contains("42704"), e.detail());
        assertNothingLeftBehind();
    }

    @Test
    void errorPositionAfterAnEmojiOnAnEarlierLine() throws SQLException {
        write(schema(), "a.sql", "CREATE TABLE t (id int);\nSELECT '\uD83D\uDE00',\n       nosuchcol FROM t;\n");
        FraiseException e = buildFails(ErrorCode.BUILD_SQL_ERROR);
        assertEquals(at("db/schema/a.sql", 3, 8), e.location().orElseThrow());
        assertNothingLeftBehind();
    }

    @Test
    void multiActionRuleIsSentAsOneStatement() throws SQLException {
        write(schema(), "a.sql", """
                CREATE TABLE t (id int);
                CREATE TABLE a (id int);
                CREATE TABLE b (id int);
                CREATE RULE r AS ON INSERT TO t DO ALSO (
                    INSERT INTO a VALUES (NEW.id);
                    INSERT INTO b VALUES (NEW.id)
                );
                INSERT INTO t VALUES (7);
                """);
        assertEquals(5, build().statements());
        assertEquals("7", query("SELECT b.id FROM a JOIN b USING (id)"));
    }

    @Test
    void unbalancedParenthesisIsReportedAtTheFirstSemicolonItSwallows() throws SQLException {
        write(schema(), "01_ok.sql", "CREATE TABLE ok (id int);\n");
        write(schema(), "02_typo.sql", "CREATE TABLE t (\n    id int;\nCREATE TABLE u (id int);\n");
        FraiseException e = buildFails(ErrorCode.BUILD_SQL_ERROR);
        assertEquals(at("db/schema/02_typo.sql", 2, 11), e.location().orElseThrow());
        assertTrue(e.detail().contains("42601"), e.detail());
        assertNothingLeftBehind();
    }

    @Test
    void deferredConstraintFailingAtCommitRollsBack() throws SQLException {
        write(schema(), "a.sql", """
                CREATE TABLE parent (id int PRIMARY KEY);
                CREATE TABLE child (
                    parent_id int REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED
                );
                INSERT INTO child VALUES (42);
                """);
        FraiseException e = buildFails(ErrorCode.BUILD_SQL_ERROR);
        assertTrue(e.detail().contains("23503"), e.detail());
        assertTrue(e.detail().contains("COMMIT"), e.detail());
        assertNothingLeftBehind();
    }

    @Test
    void errorPositionCountsCharactersLikePostgres() throws SQLException {
        write(schema(), "a.sql", "CREATE TABLE t (id int);\nSELECT 'h\u00e9llo \uD83D\uDE00', nosuchcol FROM t;\n");
        FraiseException e = buildFails(ErrorCode.BUILD_SQL_ERROR);
        // "SELECT " is 7, ' is 8, héllo 9-13, space 14, the emoji 15, ' 16, comma 17, space 18
        assertEquals(at("db/schema/a.sql", 2, 19), e.location().orElseThrow());
        assertTrue(e.detail().contains("42703"), e.detail());
        assertNothingLeftBehind();
    }

    @Test
    void runtimeErrorWithoutPositionReportsTheStatementStart() throws SQLException {
        write(schema(), "10_users.sql", """
                CREATE TABLE u (id int PRIMARY KEY);
                INSERT INTO u VALUES (1);

                  INSERT INTO u
                  VALUES (1);
                """);
        FraiseException e = buildFails(ErrorCode.BUILD_SQL_ERROR);
        assertEquals(at("db/schema/10_users.sql", 4, 3), e.location().orElseThrow());
        assertTrue(e.detail().contains("23505"), e.detail());
        assertTrue(e.detail().contains("duplicate key"), e.detail());
        assertTrue(e.detail().contains("INSERT INTO u"), e.detail());
        assertNothingLeftBehind();
    }

    @Test
    void errorInsideAPlpgsqlBodyIsReportedWhereItIsInTheFile() throws SQLException {
        write(schema(), "01_ok.sql", "CREATE TABLE ok (id int);\n");
        write(schema(), "02_fn.sql", """
                -- a function whose body does not compile
                CREATE FUNCTION broken() RETURNS int
                LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM 1;
                    SELEC 1;
                    RETURN 1;
                END;
                $$;
                """);
        FraiseException e = buildFails(ErrorCode.BUILD_SQL_ERROR);
        assertEquals(at("db/schema/02_fn.sql", 6, 5), e.location().orElseThrow());
        assertTrue(e.detail().contains("42601"), e.detail());
        assertTrue(e.detail().contains("SELEC"), e.detail());
        assertTrue(e.detail().contains("CREATE FUNCTION broken() RETURNS int"), e.detail());
        assertNothingLeftBehind();
    }

    @Test
    void errorInsideAnAtomicBodyIsReportedWhereItIsInTheFile() throws SQLException {
        write(schema(), "fn.sql", """
                CREATE TABLE t (id int);
                CREATE FUNCTION two() RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                    SELECT 1;
                    SELECT nosuchcol FROM t;
                END;
                """);
        FraiseException e = buildFails(ErrorCode.BUILD_SQL_ERROR);
        assertEquals(at("db/schema/fn.sql", 5, 12), e.location().orElseThrow());
        assertTrue(e.detail().contains("42703"), e.detail());
        assertNothingLeftBehind();
    }

    @Test
    void fileThatIsNotUtf8FailsBeforeAnythingRuns() throws SQLException {
        write(schema(), "01_first.sql", "CREATE TABLE first (id int);\n");
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.writeBytes("CREATE TABLE second (id int);\nINSERT INTO second VALUES (1);\n".getBytes(
                StandardCharsets.US_ASCII));
        latin1.writeBytes("COMMENT ON TABLE second IS 'caf".getBytes(StandardCharsets.US_ASCII));
        latin1.write(0xE9);
        latin1.writeBytes("';\n".getBytes(StandardCharsets.US_ASCII));
        write(schema(), "02_latin1.sql", latin1.toByteArray());

        FraiseException e = buildFails(ErrorCode.BUILD_NOT_UTF8);

        assertEquals(SourceLocation.of(Path.of("db/schema/02_latin1.sql"), 3), e.location().orElseThrow());
        assertTrue(e.detail().contains("0xE9"), e.detail());
        assertNothingLeftBehind();
    }

    @Test
    void unclosedCommentFailsBeforeAnythingRuns() throws SQLException {
        write(schema(), "01_first.sql", "CREATE TABLE first (id int);\n");
        write(schema(), "02_open.sql", "CREATE TABLE second (id int);\n\n  /* forgotten\n  CREATE TABLE third ();\n");
        FraiseException e = buildFails(ErrorCode.BUILD_UNCLOSED_COMMENT);
        assertEquals(at("db/schema/02_open.sql", 3, 3), e.location().orElseThrow());
        assertNothingLeftBehind();
    }

    @Test
    void unterminatedLiteralFailsBeforeAnythingRuns() throws SQLException {
        write(schema(), "01_first.sql", "CREATE TABLE first (id int);\n");
        write(schema(), "02_open.sql", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n SELECT 1;\n");
        FraiseException e = buildFails(ErrorCode.BUILD_UNTERMINATED_LITERAL);
        assertEquals(at("db/schema/02_open.sql", 1, 49), e.location().orElseThrow());
        assertNothingLeftBehind();
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMMIT", "commit work", "BEGIN", "begin transaction", "START TRANSACTION",
            "ROLLBACK", "END", "ABORT"})
    void transactionControlIsRejectedBeforeAnythingRuns(String control) throws SQLException {
        write(schema(), "01_first.sql", "CREATE TABLE first (id int);\n");
        write(schema(), "02_tx.sql", "CREATE TABLE second (id int);\n\n    " + control + ";\nCREATE TABLE third (id int);\n");
        FraiseException e = buildFails(ErrorCode.BUILD_TRANSACTION_CONTROL);
        assertEquals(at("db/schema/02_tx.sql", 3, 5), e.location().orElseThrow());
        assertTrue(e.detail().contains(control), e.detail());
        assertNothingLeftBehind();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN;|COMMIT;", "start transaction;|end;", "BEGIN WORK;|COMMIT TRANSACTION;"})
    void anOuterTransactionWrapperIsStrippedAndReported(String wrapper) throws SQLException {
        String[] ends = wrapper.split("\\|");
        write(schema(), "01_plain.sql", "CREATE TABLE first (id int);\n");
        write(schema(), "02_wrapped.sql", "-- wrapped as psql scripts often are\n" + ends[0] + "\n"
                + "CREATE TABLE second (id int);\nCREATE TABLE third (id int);\n" + ends[1] + "\n");

        BuildResult result = build();

        assertEquals(3, result.statements());
        assertEquals(List.of(at("db/schema/02_wrapped.sql", 2, 1)), result.unwrapped());
        assertEquals("1", query("SELECT count(*) FROM pg_class WHERE relname = 'third'"));
    }

    @Test
    void transactionControlInsideAWrappedFileStillFails() throws SQLException {
        write(schema(), "01_wrapped.sql", "BEGIN;\nCREATE TABLE first (id int);\n  COMMIT;\n"
                + "BEGIN;\nCREATE TABLE second (id int);\nCOMMIT;\n");
        FraiseException e = buildFails(ErrorCode.BUILD_TRANSACTION_CONTROL);
        assertEquals(at("db/schema/01_wrapped.sql", 3, 3), e.location().orElseThrow());
        assertEquals("'COMMIT' would break the build's single transaction; remove it (only an outer BEGIN ... COMMIT"
                + " wrapping the whole file is stripped)", e.detail());
        assertNothingLeftBehind();
    }

    @Test
    void aFileEndingInRollbackIsNotAWrapper() throws SQLException {
        write(schema(), "01_rolled_back.sql", "\n  BEGIN;\nCREATE TABLE first (id int);\nROLLBACK;\n");
        FraiseException e = buildFails(ErrorCode.BUILD_TRANSACTION_CONTROL);
        assertEquals(at("db/schema/01_rolled_back.sql", 4, 1), e.location().orElseThrow());
        assertTrue(e.detail().startsWith("'ROLLBACK' ends the file's BEGIN block, so the build would discard it"),
                e.detail());
        assertNothingLeftBehind();
    }

    @Test
    void transactionKeywordsInsideBodiesAreFine() throws SQLException {
        write(schema(), "a.sql", """
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
                BEGIN
                    RETURN 1;
                END;
                $$;
                DO $$ BEGIN PERFORM f(); END $$;
                CREATE TABLE "commit" (begin int, "end" int);
                """);
        assertEquals(3, build().statements());
    }

    @Test
    void lostConnectionIsReportedAtTheStatementThatCausedIt() throws SQLException {
        write(schema(), "01_first.sql", "CREATE TABLE first (id int);\n");
        write(schema(), "02_kill.sql", "-- the server ends this session\nSELECT pg_terminate_backend(pg_backend_pid());\n");
        FraiseException e = buildFails(ErrorCode.BUILD_SQL_ERROR);
        assertEquals(at("db/schema/02_kill.sql", 2, 1), e.location().orElseThrow());
        assertTrue(e.detail().contains("57P01"), e.detail());
        assertNothingLeftBehind();
    }

    private void blogTables() {
        write(schema(), "10_tables/10_tb_user.sql",
                "CREATE TABLE tb_user (pk_user int PRIMARY KEY, id uuid, name text);\n");
        write(schema(), "10_tables/20_tb_post.sql",
                "CREATE TABLE tb_post (pk_post int PRIMARY KEY, id uuid, fk_user int, title text);\n");
    }

    @Test
    void aViewBeforeTheViewItNeedsNamesBothFilesAndTheOrderThatWorks() throws Exception {
        blogTables();
        write(schema(), "20_views/10_v_post.sql", """
                -- Post, embedding its author
                CREATE VIEW v_post AS
                SELECT p.id, jsonb_build_object('title', p.title, 'author', vu.data) AS data
                FROM tb_post p JOIN tb_user u ON u.pk_user = p.fk_user JOIN v_user vu ON vu.id = u.id;
                """);
        write(schema(), "20_views/20_v_user.sql", """
                -- User
                CREATE VIEW v_user AS SELECT u.id, jsonb_build_object('name', u.name) AS data FROM tb_user u;
                """);

        FraiseException e = buildFails(ErrorCode.BUILD_ORDER);

        assertEquals(at("db/schema/20_views/10_v_post.sql", 4, 61), e.location().orElseThrow());
        assertEquals("v_post needs view v_user, which db/schema/20_views/20_v_user.sql:2 creates later in the build;"
                + " move db/schema/20_views/10_v_post.sql after db/schema/20_views/20_v_user.sql (rename"
                + " 10_v_post.sql so it sorts after 20_v_user.sql) (relation \"v_user\" does not exist (SQLSTATE"
                + " 42P01))", e.detail());
        assertNothingLeftBehind();

        java.nio.file.Files.move(schema().resolve("20_views/10_v_post.sql"),
                schema().resolve("20_views/30_v_post.sql"));
        assertEquals(4, build().statements(), "the suggested order builds");
    }

    @Test
    void aViewBeforeAFunctionOfALaterDirectoryGetsTheDirectoryFix() throws SQLException {
        blogTables();
        write(schema(), "20_views/10_v_post.sql",
                "CREATE VIEW v_post AS SELECT p.id, fn_label(p.title) AS label FROM tb_post p;\n");
        write(schema(), "40_functions/10_fn_label.sql",
                "CREATE FUNCTION public.fn_label(t text) RETURNS text LANGUAGE sql AS $$ SELECT upper(t) $$;\n");

        FraiseException e = buildFails(ErrorCode.BUILD_ORDER);

        assertEquals(at("db/schema/20_views/10_v_post.sql", 1, 36), e.location().orElseThrow());
        assertTrue(e.detail().startsWith("v_post needs function fn_label, which db/schema/40_functions/"
                + "10_fn_label.sql:1 creates later in the build; move db/schema/20_views/10_v_post.sql after"
                + " db/schema/40_functions/10_fn_label.sql (files run in path order: put 10_v_post.sql in a"
                + " directory that sorts after db/schema/40_functions/, or the definition in one that sorts before"
                + " db/schema/20_views/)"), e.detail());
        assertTrue(e.detail().contains("SQLSTATE 42883"), e.detail());
        assertNothingLeftBehind();
    }

    @Test
    void viewsThatNeedEachOtherAreACycleNamingEveryFile() throws SQLException {
        blogTables();
        write(schema(), "20_views/10_v_a.sql", "CREATE VIEW v_a AS SELECT b.id FROM v_b b;\n");
        write(schema(), "20_views/20_v_b.sql", "-- mentions v_c only in a comment\n"
                + "CREATE VIEW v_b AS SELECT c.id FROM v_c c;\n");
        write(schema(), "20_views/30_v_c.sql",
                "CREATE VIEW v_c AS SELECT a.id FROM v_a a JOIN tb_user u USING (id);\n");

        FraiseException e = buildFails(ErrorCode.BUILD_VIEW_CYCLE);

        assertEquals(at("db/schema/20_views/10_v_a.sql", 1, 37), e.location().orElseThrow());
        assertEquals("views depend on each other in a cycle: db/schema/20_views/10_v_a.sql (v_a) ->"
                + " db/schema/20_views/20_v_b.sql (v_b) -> db/schema/20_views/30_v_c.sql (v_c) ->"
                + " db/schema/20_views/10_v_a.sql (v_a); no file order works, break the cycle (relation \"v_b\" does"
                + " not exist (SQLSTATE 42P01))", e.detail());
        assertNothingLeftBehind();
    }

    private static Path resourceProject(String name) throws Exception {
        return Path.of(SchemaBuilderTest.class.getResource("/build/" + name).toURI());
    }

    private BuildResult build(SchemaPlan plan) throws SQLException {
        try (Connection c = connect()) {
            return SchemaBuilder.build(c, plan);
        }
    }

    @Test
    void aTableReferencingATableOfALaterFileIsAnOrderErrorWithoutTwoPass() throws Exception {
        Path fixture = resourceProject("two-pass");
        SchemaPlan plan = SchemaPlanner.plan(config(fixture, IncludeDir.required(fixture.resolve("db/schema"))), false);
        assertFalse(plan.twoPass());
        try (Connection c = connect()) {
            FraiseException e = assertFraise(ErrorCode.BUILD_ORDER, () -> SchemaBuilder.build(c, plan));
            assertEquals(at("db/schema/01_write/011_tb_post.sql", 4, 41), e.location().orElseThrow());
            assertTrue(e.detail().startsWith("tb_post needs table tb_user, which"
                    + " db/schema/01_write/012_tb_user.sql:1 creates later in the build; move"
                    + " db/schema/01_write/011_tb_post.sql after db/schema/01_write/012_tb_user.sql"), e.detail());
        }
        assertNothingLeftBehind();
    }

    @Test
    void anOrderErrorGivesEveryMoveOfAWorkingOrderIncludingTheOnesAMoveCauses() throws Exception {
        write(schema(), "10_tb_post.sql", "CREATE TABLE tb_post (\n    pk_post int PRIMARY KEY,\n"
                + "    fk_user int REFERENCES tb_user (pk_user)\n);\n");
        write(schema(), "20_tb_comment.sql",
                "CREATE TABLE tb_comment (pk_comment int PRIMARY KEY, fk_post int REFERENCES tb_post (pk_post));\n");
        write(schema(), "30_tb_user.sql", "-- users\nCREATE TABLE tb_user (pk_user int PRIMARY KEY);\n");

        FraiseException e = buildFails(ErrorCode.BUILD_ORDER);

        assertEquals(at("db/schema/10_tb_post.sql", 3, 28), e.location().orElseThrow());
        assertEquals("tb_post needs table tb_user, which db/schema/30_tb_user.sql:2 creates later in the build; move"
                + " db/schema/10_tb_post.sql after db/schema/30_tb_user.sql (rename 10_tb_post.sql so it sorts after"
                + " 30_tb_user.sql); then move db/schema/20_tb_comment.sql after db/schema/10_tb_post.sql (rename"
                + " 20_tb_comment.sql so it sorts after 10_tb_post.sql); or set build.two_pass: true in the config to"
                + " add foreign keys after every table exists (relation \"tb_user\" does not exist (SQLSTATE 42P01))",
                e.detail());
        assertNothingLeftBehind();

        java.nio.file.Files.move(schema().resolve("10_tb_post.sql"), schema().resolve("40_tb_post.sql"));
        java.nio.file.Files.move(schema().resolve("20_tb_comment.sql"), schema().resolve("50_tb_comment.sql"));
        assertEquals(3, build().statements(), "the order of the message builds in one run");
    }

    @Test
    void anOrderErrorOnAQuotedMixedCaseNameIsLocatedAtTheName() throws SQLException {
        write(schema(), "10_tb_post.sql",
                "CREATE TABLE tb_post (pk_post int PRIMARY KEY,\n  fk_user int REFERENCES public.\"TbUser\");\n");
        write(schema(), "20_tb_user.sql", "CREATE TABLE \"TbUser\" (\"PkUser\" int PRIMARY KEY);\n");

        FraiseException e = buildFails(ErrorCode.BUILD_ORDER);

        assertEquals(at("db/schema/10_tb_post.sql", 2, 33), e.location().orElseThrow());
        assertEquals("tb_post needs table TbUser, which db/schema/20_tb_user.sql:1 creates later in the build; move"
                + " db/schema/10_tb_post.sql after db/schema/20_tb_user.sql (rename 10_tb_post.sql so it sorts after"
                + " 20_tb_user.sql); or set build.two_pass: true in the config to add foreign keys after every table"
                + " exists (relation \"public.TbUser\" does not exist (SQLSTATE 42P01))", e.detail());
        assertNothingLeftBehind();
    }

    @Test
    void aFraiseqlNumberedTreeWithoutConfigBuildsFromItsOnlySchemaRoot() throws Exception {
        Path fixture = resourceProject("numbered");
        ProjectConfig config = ProjectConfigLoader.load(fixture, null, null, Map.of());
        assertEquals(Optional.empty(), config.source());

        SchemaPlan schemaOnly = SchemaPlanner.plan(config, false);
        assertEquals(List.of("db/0_schema/00_common/000_app.sql", "db/0_schema/01_write/011_tb_user.sql",
                "db/0_schema/02_read/021_v_user.sql", "db/0_schema/03_functions/031_fn_create_user.sql"),
                schemaOnly.files().stream().map(f -> f.displayPath().toString().replace('\\', '/')).toList());
        SchemaPlan seeded = SchemaPlanner.plan(config, true);
        assertEquals("db/1_seed_common/11_users.sql",
                seeded.files().get(4).displayPath().toString().replace('\\', '/'));
        assertEquals(5, seeded.files().size(), "db/views is outside the schema root");

        assertEquals(5, build(seeded).statements());
        assertEquals("seeded", query("SELECT data ->> 'name' FROM app.v_user"));
    }

    @Test
    void twoNumberedSchemaRootsWithoutConfigAreAmbiguous() {
        write(project, "db/0_schema/01_tb_a.sql", "CREATE TABLE tb_a (id int);\n");
        write(project, "db/1_schema/01_tb_b.sql", "CREATE TABLE tb_b (id int);\n");
        FraiseException e = assertFraise(ErrorCode.BUILD_SCHEMA_ROOT_AMBIGUOUS,
                () -> ProjectConfigLoader.load(project, null, null, Map.of()));
        assertEquals(SourceLocation.of(Path.of("db")), e.location().orElseThrow());
        assertEquals("no config file and no db/schema, and 2 numbered schema roots: db/0_schema, db/1_schema; name the"
                + " one to build in db/environments/local.yaml (include_dirs)", e.detail());
    }

    @Test
    void dbSchemaWinsOverANumberedRootWithoutConfig() {
        write(project, "db/schema/01_tb_a.sql", "CREATE TABLE tb_a (id int);\n");
        write(project, "db/0_schema/01_tb_b.sql", "CREATE TABLE tb_b (id int);\n");
        assertEquals(ProjectConfig.defaults(project, "local"), ProjectConfigLoader.load(project, null, null, Map.of()));
    }

    @Test
    void twoPassAddsTheForeignKeysAfterEveryTableExists() throws Exception {
        Path fixture = resourceProject("two-pass");
        SchemaPlan plan = SchemaPlanner.plan(ProjectConfigLoader.load(fixture, null, null, Map.of()), false);
        assertTrue(plan.twoPass(), "build.two_pass: true in db/environments/local.yaml");

        BuildResult result = build(plan);

        assertEquals(5, result.statements(), "two CREATE TABLE and three deferred foreign keys");
        assertEquals("fk_post_editor:tb_post->tb_user:a, tb_post_fk_user_fkey:tb_post->tb_user:c,"
                + " tb_user_fk_manager_fkey:tb_user->tb_user:a", query("""
                SELECT string_agg(conname || ':' || conrelid::regclass || '->' || confrelid::regclass || ':'
                                  || confdeltype::text, ', ' ORDER BY conname)
                  FROM pg_constraint WHERE contype = 'f'"""));
        assertEquals("REFERENCES nothing, FOREIGN KEY (x)",
                query("SELECT column_default FROM information_schema.columns"
                        + " WHERE table_name = 'tb_user' AND column_name = 'name'")
                        .replace("'", "").replace("::text", ""));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO tb_post VALUES (1, 42, NULL, 'orphan')"));
            assertEquals("23503", e.getSQLState(), "the deferred key is enforced");
        }
    }

    @Test
    void aDeferredForeignKeyThatFailsIsReportedWhereItIsWritten() throws Exception {
        write(schema(), "01_tb_post.sql", "CREATE TABLE tb_post (\n    pk_post int PRIMARY KEY,\n"
                + "    fk_user int CONSTRAINT fk_author REFERENCES tb_nobody (pk_user)\n);\n");
        SchemaPlan plan = SchemaPlanner.plan(config(project, IncludeDir.required(schema())), false);
        SchemaPlan twoPass = new SchemaPlan(plan.projectDir(), plan.files(), plan.hash(), true);
        try (Connection c = connect()) {
            FraiseException e = assertFraise(ErrorCode.BUILD_SQL_ERROR, () -> SchemaBuilder.build(c, twoPass));
            assertEquals(at("db/schema/01_tb_post.sql", 3, 17), e.location().orElseThrow());
            assertEquals("foreign key added after every file (build.two_pass) failed: relation \"tb_nobody\" does not"
                    + " exist (SQLSTATE 42P01) in statement: ALTER TABLE tb_post ADD CONSTRAINT fk_author FOREIGN KEY"
                    + " (fk_user) REFERENCES tb_nobody (pk_user)", e.detail());
        }
        assertNothingLeftBehind();
    }

    @Test
    void aMissingObjectNoFileDefinesStaysAnSqlError() throws SQLException {
        blogTables();
        write(schema(), "20_views/10_v_post.sql", "CREATE VIEW v_post AS SELECT * FROM v_nowhere;\n");
        write(schema(), "20_views/20_v_note.sql",
                "-- v_nowhere is only named here\nCREATE VIEW v_note AS SELECT 1 AS id;\n");
        FraiseException e = buildFails(ErrorCode.BUILD_SQL_ERROR);
        assertTrue(e.detail().contains("42P01"), e.detail());
    }
}
