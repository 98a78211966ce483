package dev.fraise.report;

import dev.fraise.contract.ContractReport;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plain-text report, for a console or a log: per gate, its title, what it checked, every problem with where it
 * is, why, its definitions and its suppression, then the verdict and the counts.
 *
 * <pre>
 * Migration drift (fraise 0.1.0):
 * Checked: DDL = migrations against git ref origin/main: 1 migration (002_add_tags)
 *   ERROR DRIFT_MISSING_IN_MIGRATED public.tb_tag
 *       table public.tb_tag is in the schema files but no migration creates it
 *       at db/schema/10_tb_tag.sql:1, table public.tb_tag
 *       expected: CREATE TABLE ...
 * FAILED: 1 error, 0 warnings, 0 suppressed
 * </pre>
 */
final class GateText {

    private static final String INDENT = "      ";

    private GateText() {
    }

    static String render(List<GateReport> reports) {
        return reports.stream().map(GateText::render).collect(Collectors.joining("\n"));
    }

    private static String render(GateReport report) {
        StringBuilder out = new StringBuilder(report.gate().title()).append(" (").append(ContractReport.TOOL)
                .append(' ').append(ContractReport.version()).append("):\n");
        report.coverage().forEach(line -> out.append("Checked: ").append(line).append('\n'));
        for (Problem problem : report.problems()) {
            out.append("  ").append(problem.suppression().isPresent() ? "[suppressed] " : "")
                    .append(problem.status().map(s -> "[" + s + "] ").orElse(""))
                    .append(report.gate().label(problem.level())).append(' ').append(problem.code()).append(problem.path().isEmpty() ? "" : " " + problem.path())
                    .append('\n');
            detail(out, "", problem.message());
            String where = problem.location().toString();
            if (!where.isEmpty()) {
                detail(out, "at ", where);
            }
            if (!problem.why().isEmpty()) {
                detail(out, "why: ", problem.why());
            }
            for (Problem.Detail d : problem.details()) {
                detail(out, d.label() + ": ", d.text().replace("\n", "\n" + INDENT + " ".repeat(d.label().length()
                        + 2)));
            }
            problem.suppression().ifPresent(s -> detail(out, "suppressed: ", s.reason()));
        }
        out.append(report.passed() ? "PASSED" : "FAILED").append(": ").append(report.counts()).append('\n');
        return out.toString();
    }

    private static void detail(StringBuilder out, String label, String text) {
        out.append(INDENT).append(label).append(text).append('\n');
    }
}
