package dev.fraise.breaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestDatabases;
import dev.fraise.TestFiles;
import dev.fraise.config.ProjectConfig;
import dev.fraise.drift.DriftBase;
import dev.fraise.drift.GitRepo;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
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

class BreakingChangeGateTest {

    static final String TABLES = "app/db/schema/10_tables/10_tables.sql";
    static final String VIEW = "app/db/schema/20_views/10_v_post.sql";
    static final String SDL = "app/schema.graphql";
    static final List<String> SCHEMA = List.of("schema.graphql");

    static final String TABLES_SQL = """
            CREATE TABLE tb_user (
                pk_user integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id      uuid NOT NULL DEFAULT gen_random_uuid(),
                name    text NOT NULL
            );
            CREATE TABLE tb_post (
                pk_post integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id      uuid NOT NULL DEFAULT gen_random_uuid(),
                fk_user integer NOT NULL REFERENCES tb_user,
                title   text NOT NULL,
                body    text NOT NULL
            );
            """;
    static final String VIEW_SQL = """
            CREATE VIEW v_post AS
            SELECT p.id, jsonb_build_object(
                'id', p.id, 'title', p.title, 'body', p.body,
                'author', jsonb_build_object('id', u.id, 'name', u.name)) AS data
            FROM tb_post p JOIN tb_user u ON u.pk_user = p.fk_user;
            """;
    static final String SDL_TEXT = """
            type Query {
              posts(limit: Int): [Post!]! @sqlSource(name: "v_post")
            }

            type Post {
              id: ID!
              title: String!
              body: String!
              author: User!
            }

            type User {
              id: ID!
              name: String!
            }
            """;

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
                .write(TABLES, TABLES_SQL)
                .write(VIEW, VIEW_SQL)
                .write(SDL, SDL_TEXT)
                .commit("base");
        config = ProjectConfig.defaults(repo.root().resolve("app"), "local");
    }

    private BreakingChangeReport compareWithPrevious() {
        return BreakingChangeGate.compare(server, config, SCHEMA, DriftBase.gitRef("HEAD~1"));
    }

    @Test
    void noChangePasses() throws Exception {
        repo.write("README.md", "unrelated\n").commit("docs");
        int databases = fraiseDatabases();
        List<Path> temporaries = baseTemporaries();

        BreakingChangeReport report = compareWithPrevious();

        assertEquals(List.of(), report.changes(), report.render());
        assertTrue(report.passed());
        assertTrue(report.base().startsWith("git ref HEAD~1 (commit "), report.base());
        assertEquals(databases, fraiseDatabases(), "the gate drops its databases");
        assertEquals(temporaries, baseTemporaries(), "the gate deletes the extracted base");
    }

    @Test
    void aRemovedFieldIsBreaking() {
        repo.write(SDL, SDL_TEXT.replace("  body: String!\n", "")).commit("drop body");

        BreakingChangeReport report = compareWithPrevious();

        assertEquals(List.of(new SchemaChange(ChangeSeverity.BREAKING, ChangeCode.FIELD_REMOVED, "Post.body",
                "field Post.body was removed", Optional.of("String!"), Optional.empty(),
                Optional.of(new SourceLocation(Path.of("schema.graphql"), 5, 1)))), report.changes(), report.render());
        assertFalse(report.passed());
    }

    @Test
    void anOutputFieldThatBecomesNullableIsBreaking() {
        repo.write(SDL, SDL_TEXT.replace("title: String!", "title: String")).commit("nullable title");

        BreakingChangeReport report = compareWithPrevious();

        assertEquals(List.of("BREAKING FIELD_NOW_NULLABLE: schema.graphql:7:3: Post.title became nullable: String! to"
                + " String; clients that expect a value get null"), lines(report), report.render());
        assertEquals(Optional.of("String!"), report.changes().get(0).before());
        assertEquals(Optional.of("String"), report.changes().get(0).after());
    }

    @Test
    void aNewOptionalFieldIsSafe() {
        repo.write(SDL, SDL_TEXT.replace("  body: String!\n", "  body: String!\n  subtitle: String\n"))
                .commit("subtitle");

        BreakingChangeReport report = compareWithPrevious();

        assertEquals(List.of("SAFE FIELD_ADDED: schema.graphql:9:3: field Post.subtitle was added"), lines(report),
                report.render());
        assertTrue(report.passed());
    }

    @Test
    void aNewRequiredArgumentIsBreaking() {
        repo.write(SDL, SDL_TEXT.replace("posts(limit: Int)", "posts(limit: Int, after: String!)"))
                .commit("cursor");

        BreakingChangeReport report = compareWithPrevious();

        assertEquals(List.of("BREAKING ARGUMENT_ADDED_REQUIRED: schema.graphql:2:21: required argument"
                + " Query.posts.after was added; existing queries lack it"), lines(report), report.render());
    }

    @Test
    void aViewThatStopsEmittingAKeyBreaksTheFieldThatReadsItThoughTheSdlIsUnchanged() {
        repo.write(VIEW, VIEW_SQL.replace("'body', p.body,", "")).commit("view without body");

        BreakingChangeReport report = compareWithPrevious();

        assertEquals(List.of("BREAKING VIEW_KEY_REMOVED: schema.graphql:8:3: v_post no longer emits $.body, which"
                + " Post.body reads"), lines(report), report.render());
        assertEquals(Optional.of("string, non-null: tb_post.body is NOT NULL ← text ← tb_post.body in v_post"),
                report.changes().get(0).before());
    }

    @Test
    void aKeyAnOpenObjectNoLongerEmitsItselfMayBeAbsentOrNullNotRemoved() {
        repo.write(TABLES, TABLES_SQL.replace("body    text NOT NULL", "body    text NOT NULL,\n    extra   jsonb"
                        + " NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(extra) = 'object')"))
                .write(VIEW, VIEW_SQL.replace("SELECT p.id, jsonb_build_object(",
                        "SELECT p.id, p.extra || jsonb_build_object(").replace("'body', p.body,", ""))
                .commit("body from the free-form extra");

        BreakingChangeReport report = compareWithPrevious();

        assertEquals(List.of("BREAKING VIEW_KEY_NOW_NULLABLE Post.body", "BREAKING VIEW_KEY_MAYBE_ABSENT Post.body"),
                report.changes().stream().map(c -> c.severity() + " " + c.code() + " " + c.path()).toList(),
                report.render());
        assertTrue(report.changes().get(0).message().contains("key 'body' is not among the known keys, so it would"
                + " come from tb_post.extra"), report.render());
    }

    @Test
    void aLeftJoinMakesTheJoinedKeysNullable() {
        repo.write(VIEW, VIEW_SQL.replace("FROM tb_post p JOIN", "FROM tb_post p LEFT JOIN")).commit("left join");

        BreakingChangeReport report = compareWithPrevious();

        List<SchemaChange> breaking = report.breaking();
        assertEquals(List.of("Post.author.id", "Post.author.name"), breaking.stream().map(SchemaChange::path)
                .toList(), report.render());
        assertTrue(breaking.stream().allMatch(c -> c.code() == ChangeCode.VIEW_KEY_NOW_NULLABLE), report.render());
        assertEquals(Optional.of(new SourceLocation(Path.of("schema.graphql"), 14, 3)), breaking.get(1).location());
        assertTrue(breaking.get(1).message().startsWith("v_post $.author.name can now be null ("),
                breaking.get(1).message());
    }

    @Test
    void aKeyThatChangesKindIsBreaking() {
        repo.write(VIEW, VIEW_SQL.replace("'title', p.title", "'title', length(p.title)")).commit("title length");

        BreakingChangeReport report = compareWithPrevious();

        assertEquals(List.of("BREAKING VIEW_KEY_TYPE_CHANGED: schema.graphql:7:3: v_post $.title changed from string"
                + " to integer"), lines(report), report.render());
    }

    @Test
    void aDirectoryBaseIsComparedToo() {
        Path base = dir.resolve("base");
        TestFiles.write(base, "db/schema/10_tables/10_tables.sql", TABLES_SQL);
        TestFiles.write(base, "db/schema/20_views/10_v_post.sql", VIEW_SQL);
        TestFiles.write(base, "schema.graphql", SDL_TEXT.replace("type User {", "enum Status { DRAFT }\n\ntype User {"));

        BreakingChangeReport report = BreakingChangeGate.compare(server, config, SCHEMA, DriftBase.directory(base));

        assertEquals(List.of("BREAKING TYPE_REMOVED: type Status was removed"), lines(report), report.render());
        assertEquals("directory " + base, report.base());
    }

    @Test
    void aBaseWhoseSchemaDoesNotParseIsAToolError() {
        repo.write(SDL, SDL_TEXT.replace("type User {", "type User {{")).commit("broken")
                .write(SDL, SDL_TEXT).commit("fixed");

        FraiseException e = assertThrows(FraiseException.class, this::compareWithPrevious);

        assertEquals(ErrorCode.BREAKING_BASE_SDL_INVALID, e.code());
        assertEquals(Optional.of(new SourceLocation(Path.of("schema.graphql"), 12, 12)), e.location(),
                e.getMessage());
    }

    @Test
    void anUnknownRefIsReported() {
        FraiseException e = assertThrows(FraiseException.class,
                () -> BreakingChangeGate.compare(server, config, SCHEMA, DriftBase.gitRef("no-such-branch")));

        assertEquals(ErrorCode.DRIFT_BASE_UNAVAILABLE, e.code());
    }

    private static List<String> lines(BreakingChangeReport report) {
        return report.changes().stream().map(SchemaChange::toString).toList();
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
