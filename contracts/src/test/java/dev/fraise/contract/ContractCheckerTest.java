package dev.fraise.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestDatabases;
import dev.fraise.TestFiles;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker's own behaviour: enums from PG enums and CHECK lists, parse errors, baselines, sampled rows. */
class ContractCheckerTest {

    /** These tests are about type checks; the naming lint has its own test. */
    private static final ContractOptions TYPES_ONLY = ContractOptions.DEFAULT.withoutLint();

    private static TestDatabases.Scratch database;
    private static Connection connection;

    @TempDir
    Path project;

    @BeforeAll
    static void database() throws SQLException {
        database = TestDatabases.create();
        connection = database.connect();
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TYPE post_state AS ENUM ('draft', 'published', 'archived')");
            st.execute("""
                    CREATE TABLE tb_post (pk_post INT PRIMARY KEY, id UUID NOT NULL DEFAULT gen_random_uuid(),
                        state post_state NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('note', 'article', 'link')),
                        rating INT)""");
            st.execute("""
                    CREATE VIEW v_post AS SELECT p.id, jsonb_build_object('id', p.id::text, 'state', p.state,
                        'kind', p.kind, 'rating', p.rating) AS data FROM tb_post p""");
            st.execute("INSERT INTO tb_post VALUES (1, 'a0000000-0000-4000-8000-000000000001', 'draft', 'note', 5),"
                    + " (2, 'a0000000-0000-4000-8000-000000000002', 'published', 'link', NULL)");
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        connection.close();
        database.close();
    }

    private ContractReport check(String sdl, ContractOptions options) {
        TestFiles.write(project, "schema.graphql", sdl);
        return ContractChecker.check(connection, project, List.of("schema.graphql"), options);
    }

    private static String lines(ContractReport report) {
        return report.findings().stream().map(f -> f.severity() + " " + f.code() + " " + f.path() + " "
                + f.jsonPath() + f.suppressed().map(r -> " suppressed: " + r).orElse(""))
                .collect(Collectors.joining("\n"));
    }

    private static final String TYPES = """
            enum PostState { DRAFT draft published }
            enum PostKind { note article }
            type Post @sqlSource(name: "v_post") {
              id: ID!
              state: PostState!
              kind: PostKind!
              rating: Int
            }
            """;

    @Test
    void theSummaryLineCountsTypesByWhatHappenedToThem() {
        ContractReport report = check("""
                enum State { draft published archived }
                type Author { name: String }
                type Post @sqlSource(name: "v_post") { id: ID! author: Author }
                type Comment @sqlSource(name: "v_comment") { id: ID! }
                type Tag { id: ID! }
                type Query { posts: [Post!]! }
                """, TYPES_ONLY);
        assertEquals(new TypeCounts(6, 1, 1, java.util.Map.of("enum type", 1, "view missing", 1, "no source", 1,
                "root type", 1)), report.typeCounts());
        assertEquals("6 types: 1 checked, 1 checked through a parent, 4 not checked (enum type: 1, view missing: 1,"
                + " no source: 1, root type: 1); gaps: Tag; 2 of 5 fields checked, 3 not reached; against 1 view: 2 errors,"
                + " 4 warnings, 0 suppressed",
                report.summaryLine(), report.findings().toString());
    }

    @Test
    void enumValuesMissingFromGraphqlAreFoundInPgEnumsAndCheckLists() {
        ContractReport report = check(TYPES, TYPES_ONLY);
        assertEquals("""
                ERROR ENUM_VALUE_MISMATCH Post.state $.state
                ERROR ENUM_VALUE_MISMATCH Post.kind $.kind""", lines(report));
        assertEquals("SQL enum post_state allows values [archived] that GraphQL enum PostState lacks",
                report.findings().get(0).message());
        assertEquals("CHECK constraint on tb_post.kind allows values [link] that GraphQL enum PostKind lacks",
                report.findings().get(1).message());
        assertEquals("schema.graphql:6:3", report.findings().get(1).sdlLocation().orElseThrow().toString());
    }

    @Test
    void aBaselineSuppressesWithItsReasonAndTheFindingStaysListed() {
        TestFiles.write(project, "baseline.json", """
                {"suppressions": [{"code": "ENUM_VALUE_MISMATCH", "path": "Post.kind", "reason": "FRA-12"}]}""");
        ContractReport report = check(TYPES, TYPES_ONLY.withBaseline(project.resolve("baseline.json")));
        assertEquals("""
                ERROR ENUM_VALUE_MISMATCH Post.state $.state
                ERROR ENUM_VALUE_MISMATCH Post.kind $.kind suppressed: baseline: FRA-12""", lines(report));
        assertEquals(new ContractSummary(1, 1, 1, 0, 1), report.summary());
    }

    @Test
    void aMalformedBaselineIsAToolError() {
        TestFiles.write(project, "baseline.json", "{\"ignore\": []}");
        FraiseException e = assertThrows(FraiseException.class, () -> check(TYPES,
                TYPES_ONLY.withBaseline(project.resolve("baseline.json"))));
        assertEquals(ErrorCode.CONTRACT_BASELINE_INVALID, e.code());
    }

    @Test
    void aDirectiveSuppressesOnTheField() {
        ContractReport report = check(TYPES.replace("kind: PostKind!",
                "kind: PostKind! @fraiseIgnore(codes: [ENUM_VALUE_MISMATCH], reason: \"links are retired\")"),
                TYPES_ONLY);
        assertTrue(lines(report).endsWith("Post.kind $.kind suppressed: links are retired"), lines(report));
    }

    @Test
    void sdlThatDoesNotParseIsOneFindingWithItsLocation() {
        ContractReport report = check("type Post {\n  id: ID!\n  title String\n}\n", TYPES_ONLY);
        assertEquals(1, report.findings().size());
        Finding finding = report.findings().get(0);
        assertEquals(FindingCode.SDL_PARSE_ERROR, finding.code());
        assertEquals("schema.graphql:3:9", finding.sdlLocation().orElseThrow().toString());
        assertFalse(report.passed());
    }

    @Test
    void sampleModeReportsRowsThatContradictTheType() {
        String sdl = """
                type Post @sqlSource(name: "v_post") {
                  id: ID!
                  state: String!
                  kind: String!
                  rating: Int! @fraiseIgnore(codes: [FIELD_NULLABLE], reason: "checked by sampling")
                }
                """;
        ContractReport report = check(sdl, TYPES_ONLY.sampling(10));
        List<Finding> active = report.findings().stream().filter(Finding::active).toList();
        assertEquals(1, active.size(), lines(report));
        assertEquals(FindingCode.SAMPLE_VIOLATION, active.get(0).code());
        assertEquals("Post.rating", active.get(0).path());
        assertEquals("$.rating", active.get(0).jsonPath());
        assertEquals("Post.rating is Int! but it is null in 1 of 2 sampled rows of v_post (id"
                + " a0000000-0000-4000-8000-000000000002)", active.get(0).message(), "the static FIELD_NULLABLE is"
                + " suppressed, so the rows are a finding of their own");
        assertEquals("UNEXPECTED_NULL", active.get(0).provenance());
    }
}
