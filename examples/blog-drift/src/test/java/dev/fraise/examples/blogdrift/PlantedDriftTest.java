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
import dev.fraise.report.ContractReports;
import dev.fraise.report.ReportFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The blog with six planted drifts (see the {@code PLANTED DRIFT} comments in {@code db/schema}): four in the views,
 * one in a mutation function's parameter, one in a projection's sync function. The default contract check must
 * fail with exactly those six errors (the seed rows make it sync the projections and compare them, rolled back),
 * so the build asserts the failure instead of failing; the projection's is located at its {@code CREATE TABLE}. The console and JSON reports are written to
 * {@code target/fraise-contracts.{txt,json}}.
 */
@FraiseDatabase(seeds = true)
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
                "ERROR FIELD_MISSING Comment.isEdited $.is_edited schema.graphql:49:3",
                "ERROR FIELD_NULLABLE Comment.author $.author schema.graphql:52:3",
                "ERROR FIELD_TYPE_MISMATCH UserWithPosts.postCount $.post_count schema.graphql:68:3",
                "ERROR FIELD_NULLABLE UserWithPosts.posts $.posts schema.graphql:69:3",
                "ERROR MUTATION_PARAM_TYPE Mutation.createComment $.input schema.graphql:131:3",
                "ERROR TV_OUT_OF_SYNC tv_user $.avatar_url db/schema/30_projections/20_tv_user.sql:2"),
                report.findings().stream().map(PlantedDriftTest::line).toList(), all());
        assertEquals(6, report.summary().errors());
        assertEquals(0, report.summary().warnings());
        assertEquals(4, report.summary().views(), report.types().toString());
    }

    /**
     * The same contract as a FraiseQL v2 {@code schema.json} (the blog's functions follow v1, so the profile is set):
     * the same six drifts, at the same paths, located in the JSON file.
     */
    @Test
    void theFraiseqlSchemaJsonFailsTheSameWay() throws Exception {
        ContractReport fromJson;
        try (Connection connection = db.connect()) {
            fromJson = ContractChecker.check(connection, Path.of("."), List.of("schema.json"),
                    ContractOptions.DEFAULT.withMutationProfile(MutationProfile.V1));
        }
        assertEquals(report.findings().stream().map(f -> f.code() + " " + f.path() + " " + f.jsonPath()).toList(),
                fromJson.findings().stream().map(f -> f.code() + " " + f.path() + " " + f.jsonPath()).toList());
        assertEquals("schema.json:46:9#/types/2/fields/3", fromJson.findings().get(0).sdlLocation().orElseThrow()
                .toString());
    }

    @Test
    void jsonReportListsTheSixErrors() throws Exception {
        List<Path> files = ContractReports.writeAll(report, Path.of("target"),
                EnumSet.of(ReportFormat.CONSOLE, ReportFormat.JSON));
        JsonNode json = new ObjectMapper().readTree(files.get(1).toFile());
        assertEquals(6, json.at("/summary/errors").asInt(), json.toString());
        assertEquals(0, json.at("/summary/warnings").asInt(), json.toString());
        List<String> findings = new ArrayList<>();
        json.get("findings").forEach(f -> findings.add(f.get("severity").asText() + " " + f.get("code").asText()
                + " " + f.get("path").asText()));
        assertEquals(List.of("ERROR FIELD_MISSING Comment.isEdited", "ERROR FIELD_NULLABLE Comment.author",
                "ERROR FIELD_TYPE_MISMATCH UserWithPosts.postCount", "ERROR FIELD_NULLABLE UserWithPosts.posts",
                "ERROR MUTATION_PARAM_TYPE Mutation.createComment", "ERROR TV_OUT_OF_SYNC tv_user"), findings);
    }

    @Test
    void eachFindingExplainsItsDrift() {
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

    private static void assertExplains(String path, String text) {
        Finding finding = report.findings().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
        assertTrue(finding.message().contains(text) || finding.provenance().contains(text), finding.toString());
    }

    private static String line(Finding f) {
        return f.severity() + " " + f.code() + " " + f.path() + " " + f.jsonPath() + " "
                + f.sdlLocation().map(Object::toString).orElse("?");
    }

    private static String all() {
        return report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }
}
