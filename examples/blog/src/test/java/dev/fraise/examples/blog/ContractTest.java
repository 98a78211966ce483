package dev.fraise.examples.blog;

import static dev.fraise.junit.ViewAssertions.assertView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.contract.ContractChecker;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.Finding;
import dev.fraise.contract.MutationProfile;
import dev.fraise.contract.Severity;
import dev.fraise.database.Database;
import dev.fraise.inference.ShapeInference;
import dev.fraise.junit.FraiseContracts;
import dev.fraise.junit.FraiseDatabase;
import dev.fraise.junit.FraiseInject;
import dev.fraise.shape.ViewShape;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The blog's GraphQL schema matches its views, statically and on the seed rows. */
@FraiseDatabase(seeds = true, migrations = true)
class ContractTest {

    @FraiseInject
    static Database db;

    /** One test per GraphQL type and per Query field, each failing with its findings. */
    @TestFactory
    Stream<DynamicNode> contracts() {
        return FraiseContracts.of(db).schema("schema.graphql").sampling(100).dynamicTests();
    }

    @Test
    void everyTypeMatchesItsView() throws Exception {
        try (Connection connection = db.connect()) {
            ContractReport report = ContractChecker.check(connection, Path.of("."), List.of("schema.graphql"),
                    ContractOptions.DEFAULT.sampling(100));
            String findings = report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n"));
            assertTrue(report.passed(), findings);
            assertEquals(5, report.summary().views(), report.types().toString());
        }
    }

    /** The same contract as a FraiseQL v2 {@code schema.json}: every type checked against the same view, no finding. */
    @Test
    void theFraiseqlSchemaJsonMatchesToo() throws Exception {
        try (Connection connection = db.connect()) {
            ContractOptions options = ContractOptions.DEFAULT.sampling(100).withMutationProfile(MutationProfile.V1);
            ContractReport sdl = ContractChecker.check(connection, Path.of("."), List.of("schema.graphql"), options);
            ContractReport json = ContractChecker.check(connection, Path.of("."), List.of("schema.json"), options);
            assertEquals(List.of(), json.findings());
            assertEquals(statuses(sdl), statuses(json));
            assertEquals(5, json.summary().views(), json.types().toString());
        }
    }

    /**
     * tv_author_stats has no source view: its shape is what sync_tv_author_stats() writes, read statically, so
     * AuthorStats is checked without rows.
     */
    @Test
    void theFunctionFilledProjectionHasAStaticShape() throws Exception {
        try (Connection connection = db.connect()) {
            ViewShape shape = ShapeInference.load(connection).infer("tv_author_stats");
            assertEquals("tv_author_stats.data is written by sync_tv_author_stats(), statement 2 (INSERT … SELECT)",
                    shape.origin());
            assertTrue(shape.toTree().contains("published_post_count: integer, non-null"), shape.toTree());
        }
    }

    /**
     * Sample mode calls each mutation once with a generated input (rolled back) and checks the entity it returns
     * against the type its entity_type names: all three pass, and a mutation_created helper that dropped full_name
     * from the entity would be caught at createUser, with the call that showed it.
     */
    @Test
    void theEntityEachMutationReturnsIsCheckedOnASample() throws Exception {
        try (Connection connection = db.connect()) {
            ContractOptions options = ContractOptions.DEFAULT.sampling(100);
            ContractReport sound = ContractChecker.check(connection, Path.of("."), List.of("schema.graphql"), options);
            assertEquals(List.of(), sound.findings());
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE OR REPLACE FUNCTION mutation_created(p_message text, p_entity_type text,
                            p_entity_id text, p_entity jsonb) RETURNS mutation_response LANGUAGE sql AS $$
                            SELECT ROW('new', p_message, p_entity_id, p_entity_type, p_entity - 'full_name', NULL,
                                       NULL, NULL)::mutation_response;
                        $$""");
            }
            ContractReport broken = ContractChecker.check(connection, Path.of("."), List.of("schema.graphql"),
                    options);
            connection.rollback();
            assertEquals(List.of("MUTATION_SAMPLE_ENTITY_MISMATCH Mutation.createUser $.entity.full_name"),
                    broken.findings().stream().map(f -> f.code() + " " + f.path() + " " + f.jsonPath()).toList());
            assertTrue(broken.findings().get(0).message().contains("User.fullName is String! but its key 'full_name'"
                    + " is missing"), broken.findings().get(0).message());
        }
    }

    private static List<String> statuses(ContractReport report) {
        return report.types().stream().filter(t -> !t.type().equals("DateTime") && !t.type().equals("JSON"))
                .map(t -> t.type() + " " + t.status() + " " + t.view().orElse("")).sorted().toList();
    }

    /** Trinity ids on every tb_ table, fk_ columns on pk_ columns, id and data on every v_ view, no pk_ leak. */
    @Test
    void theSchemaFollowsTheNamingConventions() throws Exception {
        try (Connection connection = db.connect()) {
            ContractReport report = ContractChecker.check(connection, Path.of("."), List.of("schema.graphql"),
                    ContractOptions.DEFAULT.withLintSeverity(Severity.ERROR));
            List<Finding> lint = report.findings().stream().filter(f -> f.code().name().startsWith("LINT_"))
                    .toList();
            assertEquals(List.of(), lint);
            assertEquals(0, report.summary().warnings(), report.findings().toString());
        }
    }

    @Test
    void bobsPostEmbedsHimAndHasNoExcerpt() {
        assertView(db, "v_post").row("b0000000-0000-4000-8000-000000000003").matches("""
                {"title": "JSONB Tips and Tricks", "slug": "jsonb-tips-and-tricks", "excerpt": null, "tags": [],
                 "view_count": 0,
                 "author": {"username": "bob", "avatar_url": null}}""");
        assertView(db, "v_post").rows().hasSize(3);
    }
}
