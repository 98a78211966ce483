package dev.fraise.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.ContractSummary;
import dev.fraise.contract.Finding;
import dev.fraise.contract.TypeResult;

/** The JSON report, exactly as {@code docs/contracts.md} (section "JSON report") documents it. */
final class JsonReport {

    private JsonReport() {
    }

    static String render(ContractReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("tool", ContractReport.TOOL);
        root.put("version", ContractReport.version());
        ContractSummary summary = report.summary();
        ObjectNode counts = root.putObject("summary");
        counts.put("types", summary.types());
        counts.put("views", summary.views());
        counts.put("errors", summary.errors());
        counts.put("warnings", summary.warnings());
        counts.put("suppressed", summary.suppressed());
        ArrayNode types = root.putArray("types");
        report.types().forEach(type -> type(type, types.addObject()));
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(finding -> finding(finding, findings.addObject()));
        return Json.print(root);
    }

    private static void type(TypeResult type, ObjectNode node) {
        node.put("type", type.type());
        node.put("status", type.status().name());
        node.put("view", type.view().orElse(null));
        node.put("reason", type.reason());
        Json.location(node, "sdlLocation", type.sdlLocation());
        ArrayNode sources = node.putArray("sources");
        for (TypeResult.Source source : type.sources()) {
            ObjectNode entry = sources.addObject();
            entry.put("view", source.view());
            entry.put("column", source.column());
            entry.put("reason", source.reason());
        }
    }

    private static void finding(Finding finding, ObjectNode node) {
        node.put("severity", finding.severity().name());
        node.put("code", finding.code().name());
        node.put("path", finding.path());
        node.put("graphqlType", finding.graphqlType());
        node.put("field", finding.field().orElse(null));
        Json.location(node, "sdlLocation", finding.sdlLocation());
        node.put("view", finding.view());
        node.put("jsonPath", finding.jsonPath());
        node.put("message", finding.message());
        node.put("provenance", finding.provenance());
        node.put("suppressed", finding.suppressed().orElse(null));
    }
}
