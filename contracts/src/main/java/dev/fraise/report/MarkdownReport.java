package dev.fraise.report;

import dev.fraise.contract.ContractReport;
import dev.fraise.contract.ContractSummary;
import dev.fraise.contract.Finding;
import dev.fraise.contract.Severity;
import dev.fraise.contract.TypeResult;
import dev.fraise.error.SourceLocation;
import java.util.List;

/**
 * Markdown for a pull-request comment: a headline with pass or fail, the coverage (the types nothing checked in a
 * table, the others not checked collapsed), the counts, a table of the active errors, and collapsed
 * {@code <details>} for warnings and suppressed findings. The first line is an HTML comment a bot can
 * find to update its previous comment.
 */
final class MarkdownReport {

    /** The first line of every Markdown report. */
    static final String MARKER = "<!-- fraise-contracts -->";

    private static final String HEADER = "| Code | Path | Location | Message |\n|---|---|---|---|\n";

    private MarkdownReport() {
    }

    static String render(ContractReport report) {
        ContractSummary summary = report.summary();
        List<Finding> errors = active(report, Severity.ERROR);
        List<Finding> warnings = active(report, Severity.WARNING);
        List<Finding> suppressed = report.findings().stream().filter(f -> !f.active()).toList();
        StringBuilder out = new StringBuilder(MARKER).append('\n');
        out.append(report.passed() ? "### ✅ Fraise contract check passed\n\n"
                : "### ❌ Fraise contract check failed\n\n");
        coverage(report, out);
        out.append("**").append(FindingText.count(summary.errors(), "error")).append("**, ")
                .append(FindingText.count(summary.warnings(), "warning")).append(", ").append(summary.suppressed())
                .append(" suppressed · ").append(FindingText.scope(summary)).append('\n');
        if (!errors.isEmpty()) {
            out.append('\n').append(HEADER);
            errors.forEach(f -> out.append(row(f)).append(" |\n"));
        }
        if (!warnings.isEmpty()) {
            details(out, FindingText.count(warnings.size(), "warning"), HEADER);
            warnings.forEach(f -> out.append(row(f)).append(" |\n"));
            out.append("\n</details>\n");
        }
        if (!suppressed.isEmpty()) {
            details(out, suppressed.size() + " suppressed",
                    "| Code | Path | Location | Message | Reason |\n|---|---|---|---|---|\n");
            suppressed.forEach(f -> out.append(row(f)).append(" | ").append(text(f.suppressed().orElseThrow()))
                    .append(" |\n"));
            out.append("\n</details>\n");
        }
        return out.toString();
    }

    /**
     * Coverage first: the coverage line, the gaps (object types nothing checked) with their reasons, and collapsed, the
     * other types not checked with theirs.
     */
    private static void coverage(ContractReport report, StringBuilder out) {
        out.append("**Coverage:** ").append(text(report.coverageLine())).append("\n\n");
        List<Finding> gaps = report.gaps();
        if (!gaps.isEmpty()) {
            out.append("| Not checked by anything | Reason |\n|---|---|\n");
            gaps.forEach(gap -> out.append("| ").append(code(gap.path())).append(" | ").append(text(reason(report,
                    gap.path()))).append(gap.suppressed().map(r -> " (suppressed: " + text(r) + ")").orElse(""))
                    .append(" |\n"));
            out.append('\n');
        }
        List<TypeResult> byDesign = report.types().stream().filter(t -> t.status() == TypeResult.Status.NOT_CHECKED
                && gaps.stream().noneMatch(g -> g.path().equals(t.type()))).toList();
        if (!byDesign.isEmpty()) {
            out.append("<details>\n<summary>").append(FindingText.count(byDesign.size(), "type"))
                    .append(" not checked by design</summary>\n\n| Type | Reason |\n|---|---|\n");
            byDesign.forEach(t -> out.append("| ").append(code(t.type())).append(" | ").append(text(t.reason()))
                    .append(" |\n"));
            out.append("\n</details>\n\n");
        }
    }

    private static String reason(ContractReport report, String type) {
        return report.types().stream().filter(t -> t.type().equals(type)).findFirst().map(TypeResult::reason)
                .orElse("");
    }

    private static List<Finding> active(ContractReport report, Severity severity) {
        return report.findings().stream().filter(f -> f.active() && f.severity() == severity).toList();
    }

    private static void details(StringBuilder out, String summary, String header) {
        out.append("\n<details>\n<summary>").append(summary).append("</summary>\n\n").append(header);
    }

    /** A table row without its closing {@code |}: code, path, SDL location and view, message and provenance. */
    private static String row(Finding finding) {
        String location = finding.sdlLocation().map(SourceLocation::toString).map(MarkdownReport::code).orElse("");
        String view = (finding.view() + " " + finding.jsonPath()).trim();
        if (!view.isEmpty()) {
            location += (location.isEmpty() ? "" : "<br>") + code(view);
        }
        String message = text(finding.message())
                + (finding.provenance().isEmpty() ? "" : "<br>" + text(finding.provenance()));
        return "| " + code(finding.code().name()) + " | " + (finding.path().isEmpty() ? "" : code(finding.path()))
                + " | " + location + " | " + message;
    }

    private static String code(String value) {
        return Markdown.code(value);
    }

    private static String text(String value) {
        return Markdown.text(value);
    }
}
