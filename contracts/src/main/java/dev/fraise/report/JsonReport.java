package dev.fraise.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.ContractSummary;
import dev.fraise.contract.FieldCounts;
import dev.fraise.contract.Finding;
import dev.fraise.contract.TypeCounts;
import dev.fraise.contract.TypeResult;

/** The JSON report, exactly as {@code docs/contracts.md} (section "JSON report") documents it. */
final class JsonReport {

    private JsonReport() {
    }

    static String render(ContractReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("tool", ContractReport.TOOL);
        root.put("version", ContractReport.version());
        coverage(report, root.putObject("coverage"));
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

    /** The coverage object, as the JSON report and SARIF's run properties write it. */
    static void coverage(ContractReport report, ObjectNode node) {
        TypeCounts types = report.typeCounts();
        FieldCounts fields = report.fields();
        node.put("types", types.total());
        node.put("checked", types.checked());
        node.put("checkedThroughParent", types.throughParent());
        node.put("notChecked", types.notCheckedTotal());
        ObjectNode reasons = node.putObject("notCheckedByReason");
        types.notChecked().forEach(reasons::put);
        ArrayNode gaps = node.putArray("gaps");
        for (Finding gap : report.gaps()) {
            ObjectNode entry = gaps.addObject();
            entry.put("type", gap.path());
            entry.put("reason", report.types().stream().filter(t -> t.type().equals(gap.path())).findFirst()
                    .map(TypeResult::reason).orElse(""));
            Json.location(entry, "sdlLocation", gap.sdlLocation());
            entry.put("suppressed", gap.suppressed().orElse(null));
        }
        node.put("fields", fields.total());
        node.put("fieldsChecked", fields.checked());
        node.put("fieldsShapeUnknown", fields.shapeUnknown());
        node.put("fieldsNotReached", fields.notReached());
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
