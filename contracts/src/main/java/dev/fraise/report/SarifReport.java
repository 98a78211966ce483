package dev.fraise.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.Finding;
import dev.fraise.contract.FindingCode;
import dev.fraise.contract.Severity;
import dev.fraise.error.SourceLocation;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * SARIF 2.1.0 for code scanning: one run whose driver lists every {@link FindingCode} as a rule, and one result per
 * finding, located in the GraphQL schema file (a relative URI with forward slashes) at the field's line and column.
 * Suppressed findings carry a suppression: {@code external} for a baseline file, {@code inSource} for
 * {@code @fraiseIgnore}.
 */
final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String VERSION = "2.1.0";

    private SarifReport() {
    }

    static String render(ContractReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", VERSION);
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", ContractReport.TOOL);
        driver.put("version", ContractReport.version());
        ArrayNode rules = driver.putArray("rules");
        for (FindingCode code : FindingCode.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", code.name());
            rule.putObject("shortDescription").put("text", CodeTexts.meaning(code));
            rule.putObject("help").put("text", CodeTexts.fix(code));
            rule.putObject("defaultConfiguration").put("level", level(code.severity()));
        }
        ArrayNode results = run.putArray("results");
        report.findings().forEach(finding -> result(finding, results.addObject()));
        JsonReport.coverage(report, run.putObject("properties").putObject("coverage"));
        return Json.print(root);
    }

    private static void result(Finding finding, ObjectNode result) {
        result.put("ruleId", finding.code().name());
        result.put("ruleIndex", finding.code().ordinal());
        result.put("level", level(finding.severity()));
        result.putObject("message").put("text", finding.message()
                + (finding.provenance().isEmpty() ? "" : " [" + finding.provenance() + "]"));
        if (finding.sdlLocation().isPresent() || !finding.path().isEmpty()) {
            ObjectNode location = result.putArray("locations").addObject();
            finding.sdlLocation().ifPresent(at -> physical(at, location.putObject("physicalLocation")));
            if (!finding.path().isEmpty()) {
                location.putArray("logicalLocations").addObject().put("fullyQualifiedName", finding.path())
                        .put("kind", finding.field().isPresent() ? "member" : "type");
            }
        }
        result.putObject("partialFingerprints").put("fraiseFinding/v1", finding.code() + ":" + finding.path() + ":"
                + finding.jsonPath());
        if (finding.suppressed().isPresent()) {
            result.putArray("suppressions").addObject()
                    .put("kind", FindingText.byBaseline(finding) ? "external" : "inSource")
                    .put("justification", FindingText.justification(finding));
        }
        ObjectNode properties = result.putObject("properties");
        properties.put("view", finding.view());
        properties.put("jsonPath", finding.jsonPath());
        properties.put("provenance", finding.provenance());
    }

    private static void physical(SourceLocation at, ObjectNode physical) {
        physical.putObject("artifactLocation").put("uri", uri(at));
        if (at.line() > 0) {
            ObjectNode region = physical.putObject("region").put("startLine", at.line());
            if (at.column() > 0) {
                region.put("startColumn", at.column());
            }
        }
    }

    /** The file as a URI reference: relative with forward slashes, characters such as spaces percent-encoded. */
    static String uri(SourceLocation at) {
        if (at.file().isAbsolute()) {
            return at.file().toUri().toASCIIString();
        }
        String file = FindingText.file(at);
        String firstName = file.split("/", 2)[0];
        try {
            return new URI(null, null, firstName.contains(":") ? "./" + file : file, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a file path: " + file, e);
        }
    }

    private static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }
}
