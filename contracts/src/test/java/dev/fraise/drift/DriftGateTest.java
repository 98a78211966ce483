package dev.fraise.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestDatabases;
import dev.fraise.TestFiles;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftGateTest {

    static final String TABLE = "app/db/schema/10_tables/10_tb_post.sql";
    static final String VIEW = "app/db/schema/20_views/10_v_post.sql";
    static final String MIGRATIONS = "app/db/migrations/";

    static final String BASE_TABLE = """
            -- Posts.
            CREATE TABLE tb_post (
                pk_post integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                title   text NOT NULL
            );
            """;
    static final String VIEWS_TABLE = """
            -- Posts.
            CREATE TABLE tb_post (
                pk_post integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                title   text NOT NULL,
                views   integer NOT NULL DEFAULT 0
            );
            """;
    static final String BASE_VIEW = "CREATE VIEW v_post AS SELECT pk_post, title FROM tb_post;\n";
    static final String ADD_VIEWS_UP = "ALTER TABLE tb_post ADD COLUMN views integer NOT NULL DEFAULT 0;\n";
    static final String ADD_VIEWS_DOWN = "ALTER TABLE tb_post DROP COLUMN views;\n";

    static PostgresServer server;

    @TempDir
    Path dir;
    GitRepo repo;
    ProjectConfig config;

    @BeforeAll
    static void startServer() {
        server = TestDatabases.server();
    }

    @BeforeEach
    void baseCommit() {
        repo = GitRepo.init(dir.resolve("repo"))
                .write("README.md", "drift test\n")
                .write(TABLE, BASE_TABLE)
                .write(VIEW, BASE_VIEW)
                .commit("base schema");
        config = ProjectConfig.defaults(repo.root().resolve("app"), "local");
    }

    @Test
    void ddlAndMigrationsThatAgreePass() throws Exception {
        repo.write(TABLE, VIEWS_TABLE)
                .write(MIGRATIONS + "001_add_views.up.sql", ADD_VIEWS_UP)
                .write(MIGRATIONS + "001_add_views.down.sql", ADD_VIEWS_DOWN)
                .commit("views");
        int databases = fraiseDatabases();
        List<Path> temporaries = baseTemporaries();

        DriftReport report = DriftGate.ddlMatchesMigrations(server, config, DriftBase.gitRef("HEAD~1"));

        assertEquals(List.of(), report.findings(), report.render());
        assertTrue(report.passed());
        assertEquals(List.of("001_add_views"), report.migrations());
        assertTrue(report.base().startsWith("git ref HEAD~1 (commit "), report.base());
        assertEquals(databases, fraiseDatabases(), "the gate drops its databases");
        assertEquals(temporaries, baseTemporaries(), "the gate deletes the extracted base");

        DriftReport reversible = DriftGate.reversibility(server, config, DriftBase.gitRef("HEAD~1"));
        assertEquals(List.of(), reversible.findings(), reversible.render());
        assertEquals(List.of("001_add_views"), reversible.migrations());
    }

    @Test
    void aColumnAddedOnlyToTheDdlIsMissingInTheMigratedDatabase() {
        repo.write(TABLE, VIEWS_TABLE).commit("views, without a migration");

        DriftReport report = DriftGate.ddlMatchesMigrations(server, config, DriftBase.gitRef("HEAD~1"));

        assertEquals(1, report.findings().size(), report.render());
        DriftFinding finding = report.findings().get(0);
        assertEquals(new DriftFinding(ErrorCode.DRIFT_MISSING_IN_MIGRATED, "column", "public.tb_post.views",
                "column public.tb_post.views is in the schema files but no migration creates it",
                Optional.of("integer NOT NULL DEFAULT 0"), Optional.empty(),
                Optional.of(dev.fraise.error.SourceLocation.of(Path.of("db/schema/10_tables/10_tb_post.sql"), 5))),
                finding);
        assertEquals(List.of(), report.migrations());
    }

    @Test
    void anIndexCreatedOnlyByAMigrationIsExtra() {
        repo.write(MIGRATIONS + "001_index_title.up.sql", "-- speed up lookups\nCREATE INDEX idx_post_title ON tb_post (title);\n")
                .commit("index by migration only");

        DriftReport report = DriftGate.ddlMatchesMigrations(server, config, DriftBase.gitRef("HEAD~1"));

        assertEquals(List.of("DRIFT_EXTRA_IN_MIGRATED: db/migrations/001_index_title.up.sql:2: index"
                + " public.idx_post_title is created by the migrations but not by the schema files"),
                report.findings().stream().map(DriftFinding::toString).toList());
        assertEquals(Optional.of("CREATE INDEX ON public.tb_post USING btree (title)"),
                report.findings().get(0).actual());
        assertEquals(Optional.empty(), report.findings().get(0).expected());
    }

    @Test
    void aViewChangedInTheDdlButNotRecreatedByTheMigrationDiffers() {
        repo.write(TABLE, VIEWS_TABLE)
                .write(VIEW, "CREATE VIEW v_post AS SELECT pk_post, title, views FROM tb_post;\n")
                .write(MIGRATIONS + "001_add_views.up.sql", ADD_VIEWS_UP)
                .commit("views, view forgotten in the migration");

        DriftReport report = DriftGate.ddlMatchesMigrations(server, config, DriftBase.gitRef("HEAD~1"));

        assertEquals(1, report.findings().size(), report.render());
        DriftFinding finding = report.findings().get(0);
        assertEquals(ErrorCode.DRIFT_DEFINITION_DIFFERS, finding.code());
        assertEquals("view", finding.objectKind());
        assertEquals("public.v_post", finding.objectName());
        assertEquals(Optional.of("SELECT pk_post,\n    title,\n    views\n   FROM tb_post"), finding.expected());
        assertEquals(Optional.of("SELECT pk_post,\n    title\n   FROM tb_post"), finding.actual());
        assertEquals("db/schema/20_views/10_v_post.sql:1", finding.location().orElseThrow().toString());
        assertEquals("DRIFT_DEFINITION_DIFFERS: db/schema/20_views/10_v_post.sql:1: view public.v_post is defined"
                + " differently by the schema files (expected) and the migrations (actual)\n"
                + "    expected: SELECT pk_post,\n"
                + "                  title,\n"
                + "                  views\n"
                + "                 FROM tb_post\n"
                + "    actual:   SELECT pk_post,\n"
                + "                  title\n"
                + "                 FROM tb_post", finding.render());
        assertTrue(report.render().endsWith(finding.render()), report.render());
    }

    @Test
    void aColumnTypeThatDiffersIsLocatedAtTheColumnInItsTablesFileNotAtAViewOfAMigration() {
        String pairs = """
                -- Each post with itself.
                CREATE VIEW v_post_pair AS
                SELECT a.pk_post, b.pk_post AS twin
                  FROM tb_post a
                  JOIN tb_post b ON b.pk_post = a.pk_post AND b.title <> '';
                """;
        repo.write(TABLE, """
                        -- Posts.
                        CREATE TABLE tb_post (
                            pk_post integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                            title   varchar(200) NOT NULL
                        );
                        """)
                .write("app/db/schema/20_views/20_v_post_pair.sql", pairs)
                .write(MIGRATIONS + "001_post_pair.up.sql", pairs)
                .commit("title shortened in the schema files only");

        DriftReport report = DriftGate.ddlMatchesMigrations(server, config, DriftBase.gitRef("HEAD~1"));

        DriftFinding title = report.findings().stream().filter(f -> f.objectName().equals("public.tb_post.title"))
                .findFirst().orElseThrow(() -> new AssertionError(report.render()));
        assertEquals("DRIFT_DEFINITION_DIFFERS: db/schema/10_tables/10_tb_post.sql:4: column public.tb_post.title is"
                + " defined differently by the schema files (expected) and the migrations (actual)", title.toString());
        assertEquals(Optional.of("character varying(200) NOT NULL"), title.expected());
        assertEquals(Optional.of("text NOT NULL"), title.actual());
        assertEquals(List.of(), report.findings().stream().map(DriftFinding::toString)
                .filter(f -> f.contains("db/migrations/")).toList(), report.render());
    }

    @Test
    void objectsOnlyTheMigrationsCreateAreLocatedAtTheStatementThatCreatesThem() {
        repo.write(MIGRATIONS + "001_more.up.sql", """
                        -- views are counted elsewhere: not tb_post's business
                        SELECT 'tb_post views';
                        ALTER TABLE tb_post
                            ADD COLUMN views integer NOT NULL DEFAULT 0,
                            ADD CONSTRAINT ck_post_views CHECK (views >= 0);
                        CREATE FUNCTION fn_post_count() RETURNS bigint
                            LANGUAGE sql AS $$ SELECT count(*) FROM tb_post $$;
                        """)
                .commit("columns, constraints and functions by migration only");

        DriftReport report = DriftGate.ddlMatchesMigrations(server, config, DriftBase.gitRef("HEAD~1"));

        assertEquals(List.of(
                "DRIFT_EXTRA_IN_MIGRATED: db/migrations/001_more.up.sql:4: column public.tb_post.views is created by"
                        + " the migrations but not by the schema files",
                "DRIFT_EXTRA_IN_MIGRATED: db/migrations/001_more.up.sql:5: constraint public.tb_post.ck_post_views is"
                        + " created by the migrations but not by the schema files",
                "DRIFT_EXTRA_IN_MIGRATED: db/migrations/001_more.up.sql:6: function public.fn_post_count() is"
                        + " created by the migrations but not by the schema files"),
                report.findings().stream().map(DriftFinding::toString).toList());
    }

    @Test
    void aDownThatForgetsPartOfTheUpIsNotReversible() {
        repo.write(TABLE, VIEWS_TABLE + "CREATE INDEX idx_post_views ON tb_post (views);\n")
                .write(MIGRATIONS + "001_add_views.up.sql", ADD_VIEWS_UP
                        + "CREATE INDEX idx_post_views ON tb_post (views);\n")
                .write(MIGRATIONS + "001_add_views.down.sql", "DROP INDEX idx_post_views;\n")
                .write(MIGRATIONS + "002_no_down.up.sql", "COMMENT ON TABLE tb_post IS 'posts';\n")
                .commit("views, incomplete down");

        DriftReport ddl = DriftGate.ddlMatchesMigrations(server, config, DriftBase.gitRef("HEAD~1"));
        assertEquals(List.of(), ddl.findings(), ddl.render());

        DriftReport report = DriftGate.reversibility(server, config, DriftBase.gitRef("HEAD~1"));

        assertEquals(List.of("001_add_views"), report.migrations(), "002 has no down file");
        assertEquals(List.of(new DriftFinding(ErrorCode.MIGRATION_NOT_REVERSIBLE, "column", "public.tb_post.views",
                "column public.tb_post.views is left behind by up and down of 001_add_views", Optional.empty(),
                Optional.of("integer NOT NULL DEFAULT 0"),
                Optional.of(dev.fraise.error.SourceLocation.of(Path.of("db/migrations/001_add_views.down.sql"))))),
                report.findings());
    }

    @Test
    void aDownThatFailsIsNotReversible() {
        repo.write(MIGRATIONS + "001_tag.up.sql", "CREATE TABLE tb_tag (name text);\n")
                .write(MIGRATIONS + "001_tag.down.sql", "-- undo\nDROP TABLE tb_tags;\n")
                .write(MIGRATIONS + "002_more.up.sql", "ALTER TABLE tb_tag ADD COLUMN color text;\n")
                .write(MIGRATIONS + "002_more.down.sql", "ALTER TABLE tb_tag DROP COLUMN color;\n")
                .commit("failing down");

        DriftReport report = DriftGate.reversibility(server, config, DriftBase.gitRef("HEAD~1"));

        assertEquals(1, report.findings().size(), report.render());
        DriftFinding finding = report.findings().get(0);
        assertEquals(ErrorCode.MIGRATION_NOT_REVERSIBLE, finding.code());
        assertEquals("db/migrations/001_tag.down.sql:2:1", finding.location().orElseThrow().toString());
        assertTrue(finding.message().startsWith("down of 001_tag fails after its up: table \"tb_tags\" does not"
                + " exist (SQLSTATE 42P01)"), finding.message());
        assertEquals(List.of("001_tag", "002_more"), report.migrations());
    }

    @Test
    void aBaseDirectoryWorksWithoutGit() throws Exception {
        Path base = dir.resolve("base");
        TestFiles.write(base, "db/schema/10_tables/10_tb_post.sql", BASE_TABLE);
        TestFiles.write(base, "db/schema/20_views/10_v_post.sql", BASE_VIEW);
        Path head = dir.resolve("head");
        TestFiles.write(head, "db/schema/10_tables/10_tb_post.sql", VIEWS_TABLE);
        TestFiles.write(head, "db/schema/20_views/10_v_post.sql", BASE_VIEW);
        TestFiles.write(head, "db/migrations/001_add_views.up.sql", ADD_VIEWS_UP);
        TestFiles.write(head, "db/migrations/002_index.up.sql", "CREATE INDEX ON tb_post (views);\n");
        ProjectConfig headConfig = ProjectConfig.defaults(head, "local");

        DriftReport report = DriftGate.ddlMatchesMigrations(server, headConfig, DriftBase.directory(base));

        assertEquals(List.of("001_add_views", "002_index"), report.migrations());
        assertEquals(List.of("DRIFT_EXTRA_IN_MIGRATED index public.tb_post_views_idx"), report.findings().stream()
                .map(f -> f.code() + " " + f.objectKind() + " " + f.objectName()).toList());
        assertEquals("db/migrations/002_index.up.sql:1", report.findings().get(0).location().orElseThrow().toString());

        TestFiles.write(base, "db/migrations/001_add_views.up.sql", ADD_VIEWS_UP);
        TestFiles.write(base, "db/schema/10_tables/10_tb_post.sql", VIEWS_TABLE);
        TestFiles.write(head, "db/schema/10_tables/10_tb_post.sql",
                VIEWS_TABLE + "CREATE INDEX ON tb_post (views);\n");
        DriftReport later = DriftGate.ddlMatchesMigrations(server, headConfig, DriftBase.directory(base));
        assertEquals(List.of("002_index"), later.migrations(), "001 is in the base already");
        assertEquals(List.of(), later.findings(), later.render());
    }

    @Test
    void migrationsFromAnEmptyBase() {
        GitRepo scratch = GitRepo.init(dir.resolve("scratch")).write("README.md", "empty\n").commit("nothing yet");
        scratch.write("db/schema/tb_post.sql", BASE_TABLE)
                .write("db/migrations/001_init.up.sql", BASE_TABLE)
                .write("db/migrations/001_init.down.sql", "DROP TABLE tb_post;\n")
                .commit("first schema");
        ProjectConfig project = ProjectConfig.defaults(scratch.root(), "local");

        assertEquals(List.of(), DriftGate.ddlMatchesMigrations(server, project, DriftBase.gitRef("HEAD~1")).findings());
        assertEquals(List.of(), DriftGate.reversibility(server, project, DriftBase.gitRef("main~1")).findings());
    }

    @Test
    void badBasesAreReportedClearly() throws IOException {
        FraiseException badRef = assertThrows(FraiseException.class,
                () -> DriftGate.ddlMatchesMigrations(server, config, DriftBase.gitRef("no-such-branch")));
        assertEquals(ErrorCode.DRIFT_BASE_UNAVAILABLE, badRef.code());
        assertTrue(badRef.detail().startsWith("git ref 'no-such-branch' does not name a commit of "), badRef.detail());

        Path plain = Files.createDirectories(dir.resolve("plain"));
        TestFiles.write(plain, "db/schema/t.sql", BASE_TABLE);
        FraiseException notGit = assertThrows(FraiseException.class, () -> DriftGate.ddlMatchesMigrations(server,
                ProjectConfig.defaults(plain, "local"), DriftBase.gitRef("HEAD")));
        assertEquals(ErrorCode.DRIFT_BASE_UNAVAILABLE, notGit.code());
        assertTrue(notGit.getMessage().contains("the project is not in a git repository"), notGit.getMessage());
        assertEquals(plain, notGit.location().orElseThrow().file());

        FraiseException missing = assertThrows(FraiseException.class, () -> DriftGate.ddlMatchesMigrations(server,
                config, DriftBase.directory(dir.resolve("nowhere"))));
        assertEquals(ErrorCode.DRIFT_BASE_UNAVAILABLE, missing.code());
        assertEquals("DRIFT_BASE_UNAVAILABLE: " + dir.resolve("nowhere") + ": base directory does not exist",
                missing.getMessage());

        assertThrows(IllegalArgumentException.class, () -> DriftBase.gitRef("--output=x"));
    }

    @Test
    void aBaseSchemaThatDoesNotBuildSaysSo() {
        repo.write(VIEW, "CREATE VIEW v_post AS SELECT nope FROM tb_post;\n").commit("broken base");
        repo.write(VIEW, BASE_VIEW).commit("fixed");

        FraiseException e = assertThrows(FraiseException.class,
                () -> DriftGate.ddlMatchesMigrations(server, config, DriftBase.gitRef("HEAD~1")));

        assertEquals(ErrorCode.BUILD_SQL_ERROR, e.code());
        assertTrue(e.detail().startsWith("schema at git ref HEAD~1 (commit "), e.detail());
        assertEquals("db/schema/20_views/10_v_post.sql:1:30", e.location().orElseThrow().toString());
    }

    private static int fraiseDatabases() throws Exception {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'fraise\\_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<Path> baseTemporaries() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("fraise-drift-base-")).sorted().toList();
        }
    }
}
