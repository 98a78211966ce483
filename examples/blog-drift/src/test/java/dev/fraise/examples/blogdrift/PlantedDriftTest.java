package dev.fraise.examples.blogdrift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.contract.ContractChecker;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.Finding;
import dev.fraise.contract.MutationProfile;
import dev.fraise.database.Database;
import dev.fraise.junit.FraiseDatabase;
import dev.fraise.junit.FraiseInject;
import dev.fraise.migrate.MigrationStatus;
import dev.fraise.migrate.Migrator;
import dev.fraise.report.ContractReports;
import dev.fraise.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The blog with eight planted drifts (see the {@code PLANTED DRIFT} comments in {@code db/schema} and
 * {@code schema.graphql}): four in the views, one in a mutation function's parameter, one in a projection's sync
 * function, a Query field whose type has no view ({@code Query.labels: [Label!]!}, no {@code v_label}) and an
 * {@code extend type Post} field that v_post does not emit. The default contract check must fail with exactly
 * eight errors, the extension's field missing from v_post reported once, naming the posts v_user_with_posts embeds
 * (the seed rows make it sync the projections and compare them, rolled back); the test asserts the failure instead
 * of failing the build. The projection's error is located at its {@code CREATE TABLE}, the missing view at the
 * Query field, the extension's field at its line in the {@code extend type}. The database carries the migrations
 * ({@code migrations = true}): {@code db/migrations/001_add_comment_is_edited} re-creates v_comment as it was before
 * drifts 1 and 2, and is recorded as applied without running, so the check still sees the DDL's drifted view. The
 * console and JSON reports are written to {@code target/fraise-contracts.{txt,json}}.
 */
@FraiseDatabase(seeds = true, migrations = true)
class PlantedDriftTest {

    @FraiseInject
    static Database db;

    private static ContractReport report;

    @BeforeAll
    static void check() throws Exception {
        try (Connection connection = db.connect()) {
            report = ContractChecker.check(connection, Path.of("."), List.of("schema.graphql"), ContractOptions.DEFAULT
                    .withSqlSources(Fraise.sqlSources(FraiseSettings.forProject(Path.of(".")))));
        }
    }

    @Test
    void checkFailsWithExactlyThePlantedDrifts() {
        assertFalse(report.passed());
        assertEquals(List.of(
                "ERROR FIELD_MISSING Post.readingTime v_post $.reading_time schema.graphql:147:3",
                "ERROR FIELD_MISSING Comment.isEdited v_comment $.is_edited schema.graphql:52:3",
                "ERROR FIELD_NULLABLE Comment.author v_comment $.author schema.graphql:55:3",
                "ERROR FIELD_TYPE_MISMATCH UserWithPosts.postCount v_user_with_posts $.post_count schema.graphql:71:3",
                "ERROR FIELD_NULLABLE UserWithPosts.posts v_user_with_posts $.posts schema.graphql:72:3",
                "ERROR VIEW_MISSING Label v_label $ schema.graphql:89:3",
                "ERROR MUTATION_PARAM_TYPE Mutation.createComment fn_create_comment $.input schema.graphql:142:3",
                "ERROR TV_OUT_OF_SYNC tv_user tv_user $.avatar_url db/schema/30_projections/20_tv_user.sql:2"),
                report.findings().stream().map(PlantedDriftTest::line).toList(), all());
        assertEquals(8, report.summary().errors());
        assertEquals(0, report.summary().warnings());
        assertEquals(4, report.summary().views(), report.types().toString());
    }

    /**
     * The same contract as a FraiseQL v2 {@code schema.json} (the blog's functions follow v1, so the profile is set;
     * JSON has no {@code extend type}, so readingTime is one of Post's fields): the same eight findings, at the same
     * paths, located in the JSON file.
     */
    @Test
    void theFraiseqlSchemaJsonFailsTheSameWay() throws Exception {
        ContractReport fromJson;
        try (Connection connection = db.connect()) {
            fromJson = ContractChecker.check(connection, Path.of("."), List.of("schema.json"),
                    ContractOptions.DEFAULT.withMutationProfile(MutationProfile.V1)
                            .withSqlSources(Fraise.sqlSources(FraiseSettings.forProject(Path.of(".")))));
        }
        assertEquals(report.findings().stream().map(f -> f.code() + " " + f.path() + " " + f.jsonPath()).toList(),
                fromJson.findings().stream().map(f -> f.code() + " " + f.path() + " " + f.jsonPath()).toList());
        assertEquals(List.of(
                "Post.readingTime schema.json:37:9#/types/1/fields/13",
                "Comment.isEdited schema.json:47:9#/types/2/fields/3",
                "Comment.author schema.json:50:9#/types/2/fields/6",
                "UserWithPosts.postCount schema.json:69:9#/types/3/fields/10",
                "UserWithPosts.posts schema.json:70:9#/types/3/fields/11",
                "Label schema.json:191:5#/queries/6",
                "Mutation.createComment schema.json:220:5#/mutations/2",
                "tv_user db/schema/30_projections/20_tv_user.sql:2"),
                fromJson.findings().stream().map(f -> f.path() + " " + f.sdlLocation().map(Object::toString)
                        .orElse("?")).toList());
    }

    @Test
    void jsonReportListsTheEightErrorsAndTheMissingView() throws Exception {
        List<Path> files = ContractReports.writeAll(report, Path.of("target"),
                EnumSet.of(ReportFormat.CONSOLE, ReportFormat.JSON));
        JsonNode json = new ObjectMapper().readTree(files.get(1).toFile());
        assertEquals(8, json.at("/summary/errors").asInt(), json.toString());
        assertEquals(0, json.at("/summary/warnings").asInt(), json.toString());
        List<String> findings = new ArrayList<>();
        json.get("findings").forEach(f -> findings.add(f.get("severity").asText() + " " + f.get("code").asText()
                + " " + f.get("path").asText()));
        assertEquals(List.of("ERROR FIELD_MISSING Post.readingTime", "ERROR FIELD_MISSING Comment.isEdited",
                "ERROR FIELD_NULLABLE Comment.author", "ERROR FIELD_TYPE_MISMATCH UserWithPosts.postCount",
                "ERROR FIELD_NULLABLE UserWithPosts.posts",
                "ERROR VIEW_MISSING Label", "ERROR MUTATION_PARAM_TYPE Mutation.createComment",
                "ERROR TV_OUT_OF_SYNC tv_user"), findings);
        assertEquals("{\"view missing\":1,\"root type\":2,\"input type\":3}",
                json.at("/coverage/notCheckedByReason").toString(), "Label is not checked, and says why");
    }

    @Test
    void eachFindingExplainsItsDrift() {
        assertExplains("Post.readingTime", "Post.readingTime reads key 'reading_time' but v_post does not emit it"
                + " (also served at UserWithPosts.posts[].readingTime)");
        assertExplains("Label", "Label is bound to v_label (default view of Query.labels, which returns it), which"
                + " does not exist");
        assertExplains("Comment.isEdited", "Comment.isEdited reads key 'is_edited' but v_comment does not emit it");
        assertExplains("Comment.author", "nullable: LEFT JOIN v_user vu in v_comment");
        assertExplains("UserWithPosts.postCount", "UserWithPosts.postCount is Int but v_user_with_posts emits a"
                + " string (text)");
        assertExplains("UserWithPosts.posts", "nullable: jsonb_agg is NULL when FILTER excludes every row");
        assertExplains("Mutation.createComment", "parameter 1 (input json) of fn_create_comment receives argument"
                + " input as jsonb, so it must be jsonb");
        assertExplains("tv_user", "after sync_tv_user(), 3 rows of tv_user differ from v_user; first id"
                + " a0000000-0000-4000-8000-000000000001 at $.avatar_url: v_user"
                + " \"https://example.com/avatars/alice.png\", tv_user absent");
    }

    @Test
    void theOtherMutationsAndTheIncrementalSyncsMatch() {
        assertEquals(List.of("tv_comment", "tv_post", "tv_user"), report.projections().stream().map(p -> p.table()).toList());
        assertTrue(report.projections().stream().allMatch(p -> p.compared()
                && p.syncFunctions().size() == 2), report.projections().toString());
        assertTrue(report.findingsOf("Mutation").stream().allMatch(f -> f.path().equals("Mutation.createComment")),
                all());
    }

    /**
     * {@code db/migrations/001_add_comment_is_edited} is recorded as applied (Confiture's baseline: a row, no
     * execution time) and was not run: the database is the DDL's, which is why drifts 1 and 2 are found. Run on this
     * database (in a transaction, rolled back), the migration re-creates v_comment with its correct, older
     * definition, and the same check no longer finds them: a build that ran it would have passed them silently.
     */
    @Test
    void theMigrationThatRecreatesVCommentIsRecordedNotRunAndWouldHideDriftsOneAndTwo() throws Exception {
        Migrator migrator = Fraise.migrator(FraiseSettings.forProject(Path.of(".")));
        try (Connection connection = db.connect()) {
            MigrationStatus status = migrator.status(connection);
            assertTrue(status.upToDate(), status.toString());
            assertEquals(List.of("001"), status.versions(MigrationStatus.State.APPLIED));
        }
        assertEquals("[{\"name\": \"add_comment_is_edited\", \"version\": \"001\", \"execution_time_ms\": null}]",
                db.queryJson("SELECT version, name, execution_time_ms FROM tb_confiture"));
        assertEquals("[0]", db.queryJson("SELECT count(*) FROM v_comment WHERE jsonb_exists(data, 'is_edited')"));

        ContractReport migrated;
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(Files.readString(Path.of("db/migrations/001_add_comment_is_edited.up.sql")));
                migrated = ContractChecker.check(connection, Path.of("."), List.of("schema.graphql"),
                        ContractOptions.DEFAULT.withSqlSources(Fraise.sqlSources(FraiseSettings.forProject(
                                Path.of(".")))));
            } finally {
                connection.rollback();
            }
        }
        List<String> withoutDriftsOneAndTwo = report.findings().stream().map(PlantedDriftTest::line)
                .filter(l -> !l.contains(" Comment.")).toList();
        assertEquals(6, withoutDriftsOneAndTwo.size());
        assertEquals(withoutDriftsOneAndTwo, migrated.findings().stream().map(PlantedDriftTest::line).toList());
        assertEquals("[0]", db.queryJson("SELECT count(*) FROM v_comment WHERE jsonb_exists(data, 'is_edited')"),
                "rolled back");
    }

    private static void assertExplains(String path, String text) {
        Finding finding = report.findings().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
        assertTrue(finding.message().contains(text) || finding.provenance().contains(text), finding.toString());
    }

    private static String line(Finding f) {
        return f.severity() + " " + f.code() + " " + f.path() + " " + f.view() + " " + f.jsonPath() + " "
                + f.sdlLocation().map(Object::toString).orElse("?");
    }

    private static String all() {
        return report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }
}
