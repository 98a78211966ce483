package dev.fraise.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fraise.contract.ContractReport;
import dev.fraise.error.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 for code scanning: one run for every gate that ran, whose driver lists each gate's codes as rules
 * (in gate order, each once), and one result per error or warning, located in its file at its line and column.
 * Notes (safe changes) are not alerts and are left out. The run's {@code properties.gates} says what each gate
 * checked and found. Against a base ({@link Ratchet}), a result's {@code baselineState} is {@code new},
 * {@code unchanged} (existing) or {@code absent} (fixed), as SARIF defines it ({@code properties.status} too).
 */
final class GateSarif {

    private GateSarif() {
    }

    static String render(List<GateReport> reports) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", SarifReport.SCHEMA);
        root.put("version", SarifReport.VERSION);
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", ContractReport.TOOL);
        driver.put("version", ContractReport.version());
        Map<String, Integer> index = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (Rule rule : rules(reports)) {
            if (index.putIfAbsent(rule.id(), index.size()) == null) {
                ObjectNode node = rules.addObject();
                node.put("id", rule.id());
                node.putObject("shortDescription").put("text", rule.meaning());
                node.putObject("help").put("text", rule.fix());
                node.putObject("defaultConfiguration").put("level", level(rule.level()));
            }
        }
        ArrayNode results = run.putArray("results");
        for (GateReport report : reports) {
            report.problems().stream().filter(p -> p.level() != Level.NOTE)
                    .forEach(p -> result(report.gate(), p, index.get(p.code()), results.addObject()));
        }
        ArrayNode gates = run.putObject("properties").putArray("gates");
        for (GateReport report : reports) {
            ObjectNode gate = gates.addObject();
            gate.put("gate", report.gate().id());
            gate.put("title", report.gate().title());
            gate.put("passed", report.passed());
            ArrayNode coverage = gate.putArray("coverage");
            report.coverage().forEach(coverage::add);
            gate.put("counts", report.counts().toString());
        }
        return Json.print(root);
    }

    /** Every gate's rules, then a rule for each code a problem has that its gate does not list. */
    private static List<Rule> rules(List<GateReport> reports) {
        List<Rule> rules = new ArrayList<>();
        reports.forEach(r -> rules.addAll(r.gate().rules()));
        for (GateReport report : reports) {
            for (Problem problem : report.problems()) {
                if (rules.stream().noneMatch(r -> r.id().equals(problem.code()))) {
                    rules.add(new Rule(problem.code(), "Fraise code " + problem.code() + ".",
                            "See docs/error-codes.md.", problem.level()));
                }
            }
        }
        return rules;
    }

    /** SARIF's own name for a ratchet's status, which code-scanning services read. */
    private static String baselineState(Problem.Status status) {
        return switch (status) {
            case NEW -> "new";
            case EXISTING -> "unchanged";
            case FIXED -> "absent";
        };
    }

    private static void result(Gate gate, Problem problem, int ruleIndex, ObjectNode result) {
        result.put("ruleId", problem.code());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(problem.level()));
        result.putObject("message").put("text", problem.message()
                + (problem.why().isEmpty() ? "" : " [" + problem.why() + "]"));
        if (problem.location().source().isPresent() || !problem.path().isEmpty()) {
            ObjectNode location = result.putArray("locations").addObject();
            problem.location().source().ifPresent(at -> physical(at, location.putObject("physicalLocation")));
            if (!problem.path().isEmpty()) {
                location.putArray("logicalLocations").addObject().put("fullyQualifiedName", problem.path());
            }
        }
        problem.status().ifPresent(s -> result.put("baselineState", baselineState(s)));
        result.putObject("partialFingerprints").put("fraiseFinding/v1", problem.fingerprint());
        problem.suppression().ifPresent(s -> result.putArray("suppressions").addObject()
                .put("kind", s.kind() == Problem.Suppression.Kind.EXTERNAL ? "external" : "inSource")
                .put("justification", s.reason()));
        ObjectNode properties = result.putObject("properties");
        properties.put("gate", gate.id());
        properties.put("object", problem.location().object());
        properties.put("jsonPath", problem.location().jsonPath());
        properties.put("why", problem.why());
        problem.status().ifPresent(s -> properties.put("status", s.name()));
        problem.details().forEach(d -> properties.put(d.label(), d.text()));
    }

    private static void physical(SourceLocation at, ObjectNode physical) {
        physical.putObject("artifactLocation").put("uri", SarifReport.uri(at));
        if (at.line() > 0) {
            ObjectNode region = physical.putObject("region").put("startLine", at.line());
            if (at.column() > 0) {
                region.put("startColumn", at.column());
            }
        }
    }

    private static String level(Level level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
