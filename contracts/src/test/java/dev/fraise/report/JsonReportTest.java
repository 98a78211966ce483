package dev.fraise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.ContractSummary;
import dev.fraise.contract.FieldCounts;
import dev.fraise.contract.Finding;
import dev.fraise.contract.FindingCode;
import dev.fraise.contract.TypeCounts;
import dev.fraise.contract.TypeResult;
import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON report parses back, with Jackson, into exactly the report it was written from. */
class JsonReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ReportFixture fixture;

    @TempDir
    Path project;

    @BeforeAll
    static void database() throws SQLException {
        fixture = ReportFixture.create();
    }

    @AfterAll
    static void drop() throws SQLException {
        fixture.close();
    }

    @Test
    void roundTripsEveryField() throws Exception {
        ContractReport report = fixture.check(project, ReportFixture.SDL);
        JsonNode root = JSON.readTree(ContractReports.render(report, ReportFormat.JSON));

        assertEquals(List.of("tool", "version", "coverage", "summary", "types", "findings"), names(root));
        assertEquals(ContractReport.TOOL, root.get("tool").textValue());
        assertEquals(ContractReport.version(), root.get("version").textValue());
        JsonNode coverage = root.get("coverage");
        assertEquals(List.of("types", "checked", "checkedThroughParent", "notChecked", "notCheckedByReason", "gaps",
                "fields", "fieldsChecked", "fieldsShapeUnknown", "fieldsNotReached"), names(coverage));
        Map<String, Integer> byReason = new LinkedHashMap<>();
        coverage.get("notCheckedByReason").fields().forEachRemaining(e -> byReason.put(e.getKey(),
                e.getValue().intValue()));
        assertEquals(report.typeCounts(), new TypeCounts(coverage.get("types").intValue(),
                coverage.get("checked").intValue(), coverage.get("checkedThroughParent").intValue(), byReason));
        assertEquals(report.typeCounts().notCheckedTotal(), coverage.get("notChecked").intValue());
        assertEquals(report.fields(), new FieldCounts(coverage.get("fields").intValue(),
                coverage.get("fieldsChecked").intValue(), coverage.get("fieldsShapeUnknown").intValue()));
        assertEquals(report.fields().notReached(), coverage.get("fieldsNotReached").intValue());
        assertEquals(report.gaps().size(), coverage.get("gaps").size());
        JsonNode summary = root.get("summary");
        assertEquals(List.of("types", "views", "errors", "warnings", "suppressed"), names(summary));
        assertEquals(report.summary(), new ContractSummary(summary.get("types").intValue(),
                summary.get("views").intValue(), summary.get("errors").intValue(),
                summary.get("warnings").intValue(), summary.get("suppressed").intValue()));

        List<TypeResult> types = new ArrayList<>();
        for (JsonNode type : root.get("types")) {
            assertEquals(List.of("type", "status", "view", "reason", "sdlLocation", "sources"), names(type));
            List<TypeResult.Source> sources = new ArrayList<>();
            for (JsonNode source : type.get("sources")) {
                assertEquals(List.of("view", "column", "reason"), names(source));
                sources.add(new TypeResult.Source(source.get("view").textValue(), source.get("column").textValue(),
                        source.get("reason").textValue()));
            }
            types.add(new TypeResult(type.get("type").textValue(), TypeResult.Status.valueOf(type.get("status")
                    .textValue()), optional(type.get("view")), type.get("reason").textValue(),
                    location(type.get("sdlLocation")), sources));
        }
        assertEquals(report.types(), types);

        List<Finding> findings = new ArrayList<>();
        for (JsonNode finding : root.get("findings")) {
            assertEquals(List.of("severity", "code", "path", "graphqlType", "field", "sdlLocation", "view",
                    "jsonPath", "message", "provenance", "suppressed"), names(finding));
            FindingCode code = FindingCode.valueOf(finding.get("code").textValue());
            assertEquals(code.severity().name(), finding.get("severity").textValue());
            findings.add(new Finding(code, finding.get("path").textValue(), finding.get("graphqlType").textValue(),
                    optional(finding.get("field")), location(finding.get("sdlLocation")),
                    finding.get("view").textValue(), finding.get("jsonPath").textValue(),
                    finding.get("message").textValue(), finding.get("provenance").textValue(),
                    optional(finding.get("suppressed"))));
        }
        assertEquals(report.findings(), findings);
        assertEquals(new ContractReport(types, findings).summary(), report.summary());
    }

    @Test
    void absentValuesAreNullNotMissing() throws Exception {
        ContractReport report = fixture.check(project, ReportFixture.SDL);
        JsonNode root = JSON.readTree(ContractReports.render(report, ReportFormat.JSON));
        JsonNode keyNotInType = root.get("findings").get(3);
        assertEquals("KEY_NOT_IN_TYPE", keyNotInType.get("code").textValue());
        assertEquals(true, keyNotInType.get("field").isNull());
        assertEquals(true, keyNotInType.get("suppressed").isNull());
        assertEquals(true, root.get("types").get(0).get("view").isNull());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Optional<String> optional(JsonNode node) {
        return node.isNull() ? Optional.empty() : Optional.of(node.textValue());
    }

    private static Optional<SourceLocation> location(JsonNode node) {
        if (node.isNull()) {
            return Optional.empty();
        }
        assertEquals(List.of("file", "line", "column"), names(node));
        return Optional.of(new SourceLocation(Path.of(node.get("file").textValue()), node.get("line").intValue(),
                node.get("column").intValue()));
    }
}
