package dev.fraise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.Finding;
import dev.fraise.contract.FindingCode;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF report is valid SARIF 2.1.0 and meets what code scanning needs. The schema is vendored in test
 * resources ({@code report/sarif-2.1.0-rtm.5.json}, the SARIF 2.1.0 schema as shipped in Microsoft's MIT-licensed
 * npm package {@code @microsoft/jest-sarif} 1.0.0-beta.0), so the test needs no network.
 */
class SarifReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ReportFixture fixture;
    private static Schema sarifSchema;

    @TempDir
    Path project;

    @BeforeAll
    static void setUp() throws SQLException, IOException {
        fixture = ReportFixture.create();
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/report/sarif-2.1.0-rtm.5.json")) {
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        fixture.close();
    }

    private static List<Error> validate(JsonNode sarif) {
        return sarifSchema.validate(sarif);
    }

    @Test
    void isValidAgainstTheSarifSchema() throws IOException {
        JsonNode sarif = JSON.readTree(ContractReports.render(fixture.check(project, ReportFixture.SDL),
                ReportFormat.SARIF));
        assertEquals(List.of(), validate(sarif));
        JsonNode parseError = JSON.readTree(ContractReports.render(fixture.check(project, "type {"),
                ReportFormat.SARIF));
        assertEquals(List.of(), validate(parseError));
    }

    @Test
    void theSchemaCatchesWhatIsNotSarif() throws IOException {
        ObjectNode sarif = (ObjectNode) JSON.readTree(ContractReports.render(fixture.check(project,
                ReportFixture.SDL), ReportFormat.SARIF));
        ((ObjectNode) sarif.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        ((ObjectNode) sarif.get("runs").get(0).get("results").get(1).get("suppressions").get(0)).put("kind",
                "baseline");
        assertEquals(2, validate(sarif).size(), validate(sarif).toString());
    }

    @Test
    void meetsTheKeyRequirements() throws IOException {
        ContractReport report = fixture.check(project, ReportFixture.SDL);
        JsonNode sarif = JSON.readTree(ContractReports.render(report, ReportFormat.SARIF));
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", sarif.get("$schema").textValue());
        assertEquals("2.1.0", sarif.get("version").textValue());
        assertEquals(1, sarif.get("runs").size());
        JsonNode driver = sarif.get("runs").get(0).get("tool").get("driver");
        assertEquals("fraise", driver.get("name").textValue());
        assertEquals(ContractReport.version(), driver.get("version").textValue());
        assertFalse(driver.has("informationUri"), "the project has no home page to point to");

        List<String> rules = new ArrayList<>();
        for (JsonNode rule : driver.get("rules")) {
            FindingCode code = FindingCode.valueOf(rule.get("id").textValue());
            rules.add(code.name());
            assertFalse(rule.get("shortDescription").get("text").textValue().isBlank());
            assertEquals(code.severity().name().toLowerCase(Locale.ROOT),
                    rule.get("defaultConfiguration").get("level").textValue());
        }
        assertEquals(Arrays.stream(FindingCode.values()).map(Enum::name).toList(), rules);

        JsonNode results = sarif.get("runs").get(0).get("results");
        assertEquals(report.findings().size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            Finding finding = report.findings().get(i);
            assertEquals(finding.code().name(), result.get("ruleId").textValue());
            assertEquals(rules.indexOf(finding.code().name()), result.get("ruleIndex").intValue());
            assertEquals(finding.severity().name().toLowerCase(Locale.ROOT),
                    result.get("level").textValue());
            assertTrue(result.get("message").get("text").textValue().startsWith(finding.message()));
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            SourceLocation at = finding.sdlLocation().orElseThrow();
            assertEquals("schema/blog.graphql", physical.get("artifactLocation").get("uri").textValue());
            assertEquals(at.line(), physical.get("region").get("startLine").intValue());
            assertEquals(at.column(), physical.get("region").get("startColumn").intValue());
            assertEquals(finding.active(), !result.has("suppressions"));
        }
        assertEquals("inSource", results.get(1).get("suppressions").get(0).get("kind").textValue());
        assertEquals("ratings are backfilled", results.get(1).get("suppressions").get(0).get("justification")
                .textValue());
        assertEquals("external", results.get(2).get("suppressions").get(0).get("kind").textValue());
        assertEquals("FRA-7", results.get(2).get("suppressions").get(0).get("justification").textValue());
    }

    @Test
    void artifactUrisAreRelativeUriReferencesWithForwardSlashes() {
        assertEquals("schema/blog.graphql", SarifReport.uri(new SourceLocation(Path.of("schema", "blog.graphql"),
                1, 1)));
        assertEquals("my%20schema/bl%C3%B6g.graphql", SarifReport.uri(new SourceLocation(Path.of("my schema",
                "blög.graphql"), 1, 1)));
        assertEquals("./c:d.graphql", SarifReport.uri(new SourceLocation(Path.of("c:d.graphql"), 1, 1)));
        Path absolute = Path.of("/srv/app/schema.graphql").toAbsolutePath();
        assertEquals(absolute.toUri().toASCIIString(), SarifReport.uri(new SourceLocation(absolute, 1, 1)));
    }
}
