package dev.fraise.report;

import dev.fraise.contract.ContractReport;
import dev.fraise.contract.ContractSummary;
import dev.fraise.contract.Finding;
import dev.fraise.error.SourceLocation;

/**
 * The console summary: the coverage first, then grouped by GraphQL type as Spring GraphQL's schema inspection is:
 * each type with its status and findings, then one summary line.
 *
 * <pre>
 * GraphQL contract check (fraise 0.1.0):
 * Coverage: 4 types: 1 checked, 1 checked through a parent, 2 not checked (root type: 1, input type: 1); 6 of 6
 * fields checked
 * Post (schema.graphql:5:1): checked against v_post (@sqlSource of Query.posts)
 *   ERROR FIELD_NULLABLE Post.author.bio
 *       Post.author.bio is String! but its value can be null
 *       at schema.graphql:16:3, v_post $.author.bio
 *       why: nullable: tb_user.bio has no NOT NULL
 * ...
 * FAILED: 2 types checked against 1 view; 1 error, 1 warning, 2 suppressed
 * </pre>
 */
final class ConsoleReport {

    private ConsoleReport() {
    }

    static String render(ContractReport report) {
        StringBuilder out = new StringBuilder("GraphQL contract check (" + ContractReport.TOOL + " "
                + ContractReport.version() + "):\n");
        out.append("Coverage: ").append(report.coverageLine()).append('\n');
        for (TypeGroup group : TypeGroup.of(report)) {
            out.append(header(group)).append('\n');
            group.findings().forEach(f -> finding(f, out));
        }
        ContractSummary summary = report.summary();
        out.append('\n').append(report.passed() ? "PASSED" : "FAILED").append(": ")
                .append(FindingText.scope(summary)).append("; ").append(FindingText.counts(summary)).append('\n');
        return out.toString();
    }

    private static String header(TypeGroup group) {
        if (group.type().isEmpty()) {
            return "Schema:";
        }
        String at = group.type().get().sdlLocation().map(SourceLocation::toString).map(l -> " (" + l + ")")
                .orElse("");
        return group.name() + at + ": " + FindingText.status(group.type().get());
    }

    private static void finding(Finding finding, StringBuilder out) {
        out.append("  ").append(finding.active() ? "" : "[suppressed] ").append(finding.severity()).append(' ')
                .append(finding.code()).append(finding.path().isEmpty() ? "" : " " + finding.path()).append('\n');
        detail(out, "", finding.message());
        String where = FindingText.where(finding);
        if (!where.isEmpty()) {
            detail(out, "at ", where);
        }
        if (!finding.provenance().isEmpty()) {
            detail(out, "why: ", finding.provenance());
        }
        finding.suppressed().ifPresent(reason -> detail(out, "suppressed: ", reason));
    }

    private static void detail(StringBuilder out, String label, String text) {
        out.append("      ").append(label).append(text).append('\n');
    }
}
