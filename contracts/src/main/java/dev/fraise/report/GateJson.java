package dev.fraise.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fraise.contract.ContractReport;
import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of one or several gate reports, exactly as {@code docs/contracts.md} (section "Gate reports") documents
 * it, and its reader: the combined report is merged from the gates' JSON files.
 */
final class GateJson {

    private GateJson() {
    }

    /** The reports as one document, stamped with {@code build} (the build that wrote them) when given. */
    static String render(List<GateReport> reports, Optional<String> build) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("tool", ContractReport.TOOL);
        root.put("version", ContractReport.version());
        root.put("build", build.orElse(null));
        ArrayNode gates = root.putArray("gates");
        for (GateReport report : reports) {
            ObjectNode gate = gates.addObject();
            gate.put("gate", report.gate().id());
            gate.put("title", report.gate().title());
            gate.put("passed", report.passed());
            ArrayNode coverage = gate.putArray("coverage");
            report.coverage().forEach(coverage::add);
            GateReport.Counts counts = report.counts();
            ObjectNode count = gate.putObject("counts");
            count.put("errors", counts.errors());
            count.put("warnings", counts.warnings());
            count.put("notes", counts.notes());
            count.put("suppressed", counts.suppressed());
            count.put("fixed", counts.fixed());
            ArrayNode cases = gate.putArray("cases");
            report.cases().forEach(c -> cases.addObject().put("name", c.name()).put("skipped",
                    c.skipped().orElse(null)));
            ArrayNode findings = gate.putArray("findings");
            report.problems().forEach(p -> problem(p, findings.addObject()));
        }
        return Json.print(root);
    }

    private static void problem(Problem problem, ObjectNode node) {
        node.put("severity", problem.level().name());
        node.put("code", problem.code());
        node.put("group", problem.group());
        node.put("path", problem.path());
        ObjectNode location = node.putObject("location");
        Optional<SourceLocation> source = problem.location().source();
        location.put("file", source.map(FindingText::file).orElse(null));
        location.put("line", source.map(SourceLocation::line).orElse(0));
        location.put("column", source.map(SourceLocation::column).orElse(0));
        location.put("pointer", source.map(SourceLocation::pointer).orElse(""));
        location.put("object", problem.location().object());
        location.put("jsonPath", problem.location().jsonPath());
        node.put("message", problem.message());
        node.put("why", problem.why());
        if (problem.suppression().isPresent()) {
            node.putObject("suppression").put("kind", problem.suppression().get().kind().name())
                    .put("reason", problem.suppression().get().reason());
        } else {
            node.putNull("suppression");
        }
        ArrayNode details = node.putArray("details");
        problem.details().forEach(d -> details.addObject().put("label", d.label()).put("text", d.text()));
        node.put("status", problem.status().map(Enum::name).orElse(null));
        node.put("fingerprint", problem.fingerprint());
    }

    /**
     * The build stamp and reports of a document {@link #render} wrote; gates this version does not know are left
     * out.
     *
     * @throws IllegalArgumentException when the text is not such a document
     */
    static Document read(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("gates").isArray()) {
            throw new IllegalArgumentException("not a Fraise gate report: no gates array");
        }
        List<GateReport> reports = new ArrayList<>();
        for (JsonNode gate : root.get("gates")) {
            Optional<Gate> known = Gate.of(gate.path("gate").asText());
            if (known.isEmpty()) {
                continue;
            }
            List<String> coverage = new ArrayList<>();
            gate.path("coverage").forEach(line -> coverage.add(line.asText()));
            List<GateReport.Case> cases = new ArrayList<>();
            gate.path("cases").forEach(c -> cases.add(new GateReport.Case(c.path("name").asText(),
                    text(c.path("skipped")))));
            List<Problem> problems = new ArrayList<>();
            gate.path("findings").forEach(p -> problems.add(problem(p)));
            reports.add(new GateReport(known.get(), coverage, cases, problems, gate.path("passed").asBoolean()));
        }
        return new Document(text(root.path("build")), reports);
    }

    private static Problem problem(JsonNode node) {
        JsonNode location = node.path("location");
        Problem.Builder problem = Problem.builder(node.path("code").asText(),
                        Level.valueOf(node.path("severity").asText()))
                .group(node.path("group").asText()).path(node.path("path").asText())
                .object(location.path("object").asText()).jsonPath(location.path("jsonPath").asText())
                .message(node.path("message").asText()).why(node.path("why").asText());
        text(location.path("file")).ifPresent(file -> problem.at(new SourceLocation(Path.of(file),
                location.path("line").asInt(), location.path("column").asInt(), location.path("pointer").asText())));
        JsonNode suppression = node.path("suppression");
        if (suppression.isObject()) {
            problem.suppressed(Problem.Suppression.Kind.valueOf(suppression.path("kind").asText()),
                    suppression.path("reason").asText());
        }
        node.path("details").forEach(d -> problem.detail(d.path("label").asText(),
                Optional.of(d.path("text").asText())));
        text(node.path("status")).ifPresent(s -> problem.status(Problem.Status.valueOf(s)));
        return problem.build();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    /**
     * A document read back.
     *
     * @param build   the build that wrote it, when stamped
     * @param reports its gate reports
     */
    record Document(Optional<String> build, List<GateReport> reports) {
    }
}
