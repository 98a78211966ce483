package dev.fraise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.fraise.breaking.BreakingChangeReport;
import dev.fraise.breaking.ChangeCode;
import dev.fraise.breaking.ChangeSeverity;
import dev.fraise.breaking.SchemaChange;
import dev.fraise.contract.ContractReport;
import dev.fraise.drift.DriftFinding;
import dev.fraise.drift.DriftGate;
import dev.fraise.drift.DriftReport;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.SourceLocation;
import dev.fraise.migrate.MigrationIssue;
import dev.fraise.migrate.MigrationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

/**
 * The gate-neutral reports: a real contract check, a drift report and a breaking-change report in one model, one
 * Markdown comment, one SARIF run (valid against the SARIF 2.1.0 schema) and one JUnit XML that Surefire's own
 * report parser reads.
 */
class GateReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ReportFixture fixture;
    private static Schema sarifSchema;

    @TempDir
    Path project;

    @BeforeAll
    static void setUp() throws SQLException, IOException {
        fixture = ReportFixture.create();
        try (InputStream in = GateReportsTest.class.getResourceAsStream("/report/sarif-2.1.0-rtm.5.json")) {
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        fixture.close();
    }

    /** What examples/blog-drift's drift gate reports: a view changed by the schema files but by no migration. */
    static DriftReport drift() {
        return new DriftReport(DriftGate.DDL_GATE, "git ref origin/main (commit 1a2b3c4d5e6f)",
                List.of("002_add_tags"), List.of(new DriftFinding(ErrorCode.DRIFT_DEFINITION_DIFFERS, "view",
                "public.v_post", "view public.v_post is defined differently by the schema files (expected) and the"
                        + " migrations (actual)", Optional.of("SELECT tb_post.id,\n    jsonb_build_object('title',"
                        + " tb_post.title) AS data"), Optional.of("SELECT tb_post.id,\n    jsonb_build_object("
                        + "'name', tb_post.title) AS data"),
                Optional.of(SourceLocation.of(Path.of("db/migrations/002_add_tags.up.sql"), 3)))),
                Duration.ofMillis(12));
    }

    static BreakingChangeReport diff() {
        return new BreakingChangeReport("git ref origin/main (commit 1a2b3c4d5e6f)", List.of(
                new SchemaChange(ChangeSeverity.SAFE, ChangeCode.FIELD_ADDED, "Post.subtitle",
                        "field Post.subtitle was added", Optional.empty(), Optional.of("String"),
                        Optional.of(new SourceLocation(Path.of("schema/blog.graphql"), 9, 3))),
                new SchemaChange(ChangeSeverity.BREAKING, ChangeCode.FIELD_REMOVED, "Post.body",
                        "field Post.body was removed", Optional.of("String!"), Optional.empty(),
                        Optional.of(new SourceLocation(Path.of("schema/blog.graphql"), 5, 1))),
                new SchemaChange(ChangeSeverity.DANGEROUS, ChangeCode.ENUM_VALUE_ADDED, "Status.ARCHIVED",
                        "enum value ARCHIVED was added to Status", Optional.empty(), Optional.of("ARCHIVED"),
                        Optional.empty())), Duration.ofMillis(34));
    }

    private List<GateReport> gates() {
        return List.of(GateReports.of(fixture.check(project, ReportFixture.SDL)), GateReports.ofDrift(List.of(drift())),
                GateReports.of(diff()));
    }

    @Test
    void everyContractFindingBecomesAProblemOfItsType() {
        ContractReport contract = fixture.check(project, ReportFixture.SDL);
        GateReport report = GateReports.of(contract);
        assertEquals(Gate.CHECK, report.gate());
        assertEquals(List.of(contract.coverageLine()), report.coverage());
        assertEquals(contract.findings().stream().map(f -> f.code().name()).toList(),
                report.problems().stream().map(Problem::code).toList());
        assertEquals(contract.findings().stream().map(f -> f.path()).toList(),
                report.problems().stream().map(Problem::path).toList());
        assertEquals(List.of("Post", "Post", "Post", "Post"), report.problems().stream().map(Problem::group).toList());
        assertEquals(List.of(Optional.empty(), Optional.of(Problem.Suppression.Kind.IN_SOURCE),
                        Optional.of(Problem.Suppression.Kind.EXTERNAL), Optional.empty()),
                report.problems().stream().map(p -> p.suppression().map(Problem.Suppression::kind)).toList());
        assertEquals("FRA-7", report.problems().get(2).suppression().orElseThrow().reason());
        assertEquals(new GateReport.Counts(1, 1, 0, 2, 0), report.counts());
        assertFalse(report.passed());
        assertEquals(contract.types().stream().map(t -> t.type()).toList(),
                report.cases().stream().map(GateReport.Case::name).toList());
    }

    @Test
    void driftAndBreakingChangesKeepTheirDefinitionsAndSeverities() {
        GateReport drift = GateReports.ofDrift(List.of(drift()));
        Problem differs = drift.problems().get(0);
        assertEquals("DRIFT_DEFINITION_DIFFERS", differs.code());
        assertEquals(Level.ERROR, differs.level());
        assertEquals("DDL = migrations", differs.group());
        assertEquals("db/migrations/002_add_tags.up.sql:3, view public.v_post", differs.location().toString());
        assertEquals(List.of("expected", "actual"), differs.details().stream().map(Problem.Detail::label).toList());
        assertEquals(List.of("DDL = migrations against git ref origin/main (commit 1a2b3c4d5e6f): 1 migration"
                + " (002_add_tags)"), drift.coverage());

        GateReport diff = GateReports.of(diff());
        assertEquals(List.of(Level.ERROR, Level.WARNING, Level.NOTE), diff.problems().stream().map(Problem::level)
                .toList());
        assertEquals(new GateReport.Counts(1, 1, 1, 0, 0), diff.counts());
        assertFalse(diff.passed());
        BreakingChangeReport dangerous = new BreakingChangeReport("b", List.of(diff().dangerous().get(0)),
                Duration.ZERO);
        assertTrue(GateReports.of(dangerous).passed(), "a dangerous change passes unless the gate fails on warnings");
        assertFalse(GateReports.of(dangerous).failingOnWarnings().passed());
    }

    @Test
    void anEditedAppliedMigrationIsAStatusError() {
        MigrationIssue edited = new MigrationIssue(ErrorCode.MIGRATION_CHECKSUM_MISMATCH, "changed since it was"
                + " applied", SourceLocation.of(Path.of("db/migrations/002_add_title.up.sql")));
        MigrationStatus status = new MigrationStatus(true, List.of(
                new MigrationStatus.Entry("001", "create_a", MigrationStatus.State.APPLIED, Optional.empty(),
                        Optional.empty()),
                new MigrationStatus.Entry("002", "add_title", MigrationStatus.State.CHECKSUM_MISMATCH,
                        Optional.empty(), Optional.empty())));
        GateReport report = GateReports.ofStatus("app (tb_confiture)", status, List.of(edited));
        assertEquals(List.of("app (tb_confiture): 1 applied, 0 pending, 1 checksum mismatch(es), 0 missing file(s)"),
                report.coverage());
        Problem problem = report.problems().get(0);
        assertEquals("MIGRATION_CHECKSUM_MISMATCH", problem.code());
        assertEquals("002_add_title", problem.path());
        assertFalse(report.passed());
        assertEquals(List.of(), sarifSchema.validate(readTree(GateReports.render(report, ReportFormat.SARIF))));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCombinedMarkdownShowsCountsFirstThenTheErrorsAndFoldsTheRest() {
        String markdown = GateReports.renderCombined(gates(), ReportFormat.MARKDOWN);
        assertEquals(ReportFixture.expected("expected/combined.md"), markdown);
        assertTrue(markdown.indexOf("| GraphQL contract check | ❌ failed |") < markdown.indexOf("#### Errors (3)"));
        assertTrue(markdown.indexOf("#### Errors (3)") < markdown.indexOf("<summary>2 warnings</summary>"));
    }

    @Test
    void longDefinitionsAreCutInTheCommentAndWholeInTheText() {
        String body = String.join("\n", IntStream.rangeClosed(1, 40).mapToObj(i -> "-- line " + i)
                .toList());
        GateReport drift = GateReports.ofDrift(List.of(new DriftReport(DriftGate.DDL_GATE, "b", List.of(),
                List.of(new DriftFinding(ErrorCode.DRIFT_MISSING_IN_MIGRATED, "function", "public.fn_x()",
                        "function public.fn_x() is in the schema files but no migration creates it",
                        Optional.of(body), Optional.empty(), Optional.empty())), Duration.ZERO)));
        String markdown = GateReports.render(drift, ReportFormat.MARKDOWN);
        assertTrue(markdown.contains("\n-- line 20\n… 20 more lines in drift.txt\n```\n"), markdown);
        assertFalse(markdown.contains("-- line 21"), markdown);
        assertTrue(GateReports.render(drift, ReportFormat.CONSOLE).contains("-- line 40"));
    }

    @Test
    void theCombinedSarifIsOneValidRunWithEveryGatesRules() throws IOException {
        JsonNode sarif = JSON.readTree(GateReports.renderCombined(gates(), ReportFormat.SARIF));
        assertEquals(List.of(), sarifSchema.validate(sarif));
        assertEquals(1, sarif.get("runs").size());
        JsonNode run = sarif.get("runs").get(0);
        List<String> rules = run.get("tool").get("driver").get("rules").findValuesAsText("id");
        assertTrue(rules.containsAll(List.of("FIELD_NULLABLE", "DRIFT_DEFINITION_DIFFERS", "FIELD_REMOVED")), rules
                .toString());
        assertEquals(rules.size(), rules.stream().distinct().count());
        List<String> results = run.get("results").findValuesAsText("ruleId");
        assertEquals(List.of("FIELD_NULLABLE", "FIELD_NULLABLE", "FIELD_TYPE_MISMATCH", "KEY_NOT_IN_TYPE",
                "DRIFT_DEFINITION_DIFFERS", "FIELD_REMOVED", "ENUM_VALUE_ADDED"), results, "the safe change is no alert");
        for (JsonNode result : run.get("results")) {
            assertEquals(result.get("ruleId").textValue(), rules.get(result.get("ruleIndex").intValue()));
        }
        JsonNode drift = run.get("results").get(4);
        assertEquals("db/migrations/002_add_tags.up.sql", drift.get("locations").get(0).get("physicalLocation")
                .get("artifactLocation").get("uri").textValue());
        assertEquals("drift", drift.get("properties").get("gate").textValue());
        assertEquals(List.of("check", "drift", "diff"), run.get("properties").get("gates").findValuesAsText("gate"));
        for (GateReport gate : gates()) {
            assertEquals(List.of(), sarifSchema.validate(JSON.readTree(GateReports.render(gate, ReportFormat.SARIF))),
                    gate.gate().id());
        }
    }

    @Test
    void surefiresReportParserReadsTheJunitXml() throws Exception {
        List<ReportTestSuite> suites = parse(GateReports.renderCombined(gates(), ReportFormat.JUNIT));
        assertEquals(List.of("fraise.check", "fraise.drift", "fraise.diff"), suites.stream()
                .map(ReportTestSuite::getFullClassName).toList());
        ReportTestSuite check = suites.get(0);
        assertEquals(List.of("Query", "Post", "User", "PostFilter"), check.getTestCases().stream()
                .map(ReportTestCase::getName).toList());
        assertEquals(1, check.getNumberOfFailures());
        assertEquals(2, check.getNumberOfSkipped());
        ReportTestCase driftCase = suites.get(1).getTestCases().get(0);
        assertEquals("DDL = migrations", driftCase.getName());
        assertTrue(driftCase.hasFailure());
        assertEquals("DRIFT_DEFINITION_DIFFERS", driftCase.getFailureType());
        assertTrue(driftCase.getFailureDetail().contains("expected: SELECT tb_post.id,"), driftCase
                .getFailureDetail());
        ReportTestSuite diff = suites.get(2);
        assertEquals(List.of("Post", "Status"), diff.getTestCases().stream().map(ReportTestCase::getName).toList());
        assertEquals(1, diff.getNumberOfFailures());
        for (GateReport gate : gates()) {
            List<ReportTestSuite> single = parse(GateReports.render(gate, ReportFormat.JUNIT));
            assertEquals(List.of("fraise." + gate.gate().id()), single.stream().map(ReportTestSuite::getFullClassName)
                    .toList());
        }
    }

    private static List<ReportTestSuite> parse(String xml) throws ParserConfigurationException, SAXException,
            IOException {
        Path file = Files.createTempFile("TEST-fraise", ".xml");
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
            try (InputStreamReader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
                List<ReportTestSuite> suites = parser.parse(in);
                assertTrue(parser.isValid(), xml);
                return suites;
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theJsonReadsBackIntoTheSameReports() {
        List<GateReport> gates = gates();
        String json = GateReports.renderCombined(gates, ReportFormat.JSON);
        GateJson.Document document = GateJson.read(json);
        assertEquals(Optional.empty(), document.build());
        assertEquals(gates, document.reports());
        List<GateReport> ratcheted = List.of(new GateReport(Gate.DIFF, List.of(), List.of(),
                List.of(gates.get(2).problems().get(0).withStatus(Problem.Status.EXISTING)), true));
        assertEquals(ratcheted, GateJson.read(GateReports.renderCombined(ratcheted, ReportFormat.JSON)).reports());
    }

    @Test
    void aRatchetFoldsExistingProblemsAndCountsFixedOnesApart() {
        GateReport diff = GateReports.of(diff());
        Problem removed = diff.problems().get(0);
        GateReport ratcheted = GateReport.of(Gate.DIFF, diff.coverage(), diff.cases(), List.of(
                removed.withStatus(Problem.Status.EXISTING), removed.withStatus(Problem.Status.FIXED)));
        assertEquals(new GateReport.Counts(1, 0, 0, 0, 1), ratcheted.counts());
        assertTrue(ratcheted.passed(), "an error the baseline already had does not fail the gate");
        assertTrue(GateReports.render(ratcheted, ReportFormat.JUNIT).contains("failures=\"0\""));
        String markdown = GateReports.render(ratcheted, ReportFormat.MARKDOWN);
        assertFalse(markdown.contains("#### "), markdown);
        assertTrue(markdown.contains("<summary>1 existing problem</summary>"), markdown);
        assertTrue(markdown.contains("<summary>1 fixed problem</summary>"), markdown);
        String newOne = GateReports.render(GateReport.of(Gate.DIFF, List.of(), List.of(),
                List.of(removed.withStatus(Problem.Status.NEW))), ReportFormat.MARKDOWN);
        assertTrue(newOne.contains("#### New errors (1)"), newOne);
    }

    @Test
    void aRatchetsSarifResultsCarrySarifsBaselineState() throws IOException {
        Problem removed = GateReports.of(diff()).problems().get(0);
        Problem other = Problem.builder("FIELD_MISSING", Level.ERROR).path("Post.x").message("gone").build();
        GateReport ratcheted = GateReport.of(Gate.DIFF, List.of(), List.of(), List.of(
                removed.withStatus(Problem.Status.NEW), other.withStatus(Problem.Status.EXISTING),
                removed.withStatus(Problem.Status.FIXED)));

        JsonNode sarif = readTree(GateReports.render(ratcheted, ReportFormat.SARIF));

        assertEquals(List.of(), sarifSchema.validate(sarif));
        List<String> states = new ArrayList<>();
        sarif.get("runs").get(0).get("results").forEach(r -> states.add(r.get("baselineState").asText()));
        assertEquals(List.of("new", "unchanged", "absent"), states);
    }

    @Test
    void theDirectoryMergesOnlyTheGatesOfThisBuild() throws IOException {
        Path dir = project.resolve("target/fraise");
        List<GateReport> gates = gates();
        ReportDirectory first = ReportDirectory.of(dir, "build-1");
        first.begin(Gate.CHECK);
        first.write(gates.get(0), List.of());
        first.begin(Gate.DRIFT);
        List<Path> written = first.write(gates.get(1), EnumSet.allOf(ReportFormat.class));
        assertEquals(List.of("drift.json", "drift.txt", "TEST-fraise-drift.xml", "drift.md", "drift.sarif",
                "pr-comment.md", "fraise.sarif", "TEST-fraise.xml", "fraise.json", "fraise.txt"), written.stream()
                .map(p -> p.getFileName().toString()).toList());
        assertEquals(gates.subList(0, 2), first.gates());
        first.begin(Gate.DIFF);
        first.write(gates.get(2), List.of(ReportFormat.MARKDOWN));
        assertEquals(gates, first.gates());
        assertEquals(GateReports.renderCombined(gates, ReportFormat.MARKDOWN), Files.readString(dir.resolve(
                ReportDirectory.COMMENT)));

        ReportDirectory second = ReportDirectory.of(dir, "build-2");
        second.begin(Gate.DIFF);
        assertFalse(Files.exists(dir.resolve("check.json")), "another build's gate is never merged");
        assertFalse(Files.exists(dir.resolve("drift.md")));
        assertFalse(Files.exists(dir.resolve(ReportDirectory.COMMENT)), "nor another build's combined report");
        second.write(gates.get(2), List.of());
        assertEquals(List.of(gates.get(2)), second.gates());
        String comment = Files.readString(dir.resolve(ReportDirectory.COMMENT));
        assertTrue(comment.startsWith("<!-- fraise -->\n### ❌ Fraise: 1 of 1 gate failed\n"), comment);
    }

    @Test
    void theTextListsEveryGateWithItsDefinitions() {
        String text = GateReports.renderCombined(gates(), ReportFormat.CONSOLE);
        assertTrue(text.startsWith("GraphQL contract check (fraise " + ContractReport.version() + "):\nChecked: "),
                text);
        assertTrue(text.contains("""
                Migration drift (fraise %s):
                Checked: DDL = migrations against git ref origin/main (commit 1a2b3c4d5e6f): 1 migration (002_add_tags)
                  ERROR DRIFT_DEFINITION_DIFFERS public.v_post
                      view public.v_post is defined differently by the schema files (expected) and the migrations \
                (actual)
                      at db/migrations/002_add_tags.up.sql:3, view public.v_post
                      expected: SELECT tb_post.id,
                                    jsonb_build_object('title', tb_post.title) AS data
                      actual: SELECT tb_post.id,
                                  jsonb_build_object('name', tb_post.title) AS data
                FAILED: 1 error, 0 warnings, 0 suppressed
                """.formatted(ContractReport.version())), text);
    }
}
