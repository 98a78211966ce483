package dev.fraise.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Markdown for one pull-request comment over every gate that ran: the marker a bot finds its previous comment by,
 * a headline, what each gate checked and its counts in one table, then the new errors in a table, then the rest
 * folded in {@code <details>}: warnings, problems the baseline already had, fixed ones, safe changes, suppressed
 * ones (with their reasons) and the definitions drift and breaking changes compare.
 */
final class GateMarkdown {

    /** The first line of the combined comment. */
    static final String MARKER = "<!-- fraise -->";

    /** What a pull-request comment may hold, with room to spare (GitHub takes 65536 characters). */
    private static final int MAX_LENGTH = 60_000;

    /** The lines of a definition a comment shows. */
    private static final int MAX_LINES = 25;

    private GateMarkdown() {
    }

    /** A gate's own report starts with {@code <!-- fraise-<gate> -->}; the combined one with {@link #MARKER}. */
    static String render(List<GateReport> reports, boolean combined) {
        boolean several = reports.size() > 1;
        StringBuilder out = new StringBuilder(combined ? MARKER : "<!-- fraise-" + reports.get(0).gate().id()
                + " -->").append('\n');
        long failed = reports.stream().filter(r -> !r.passed()).count();
        out.append("### ").append(failed == 0 ? "✅ " : "❌ ");
        if (combined) {
            out.append("Fraise: ").append(failed == 0 ? FindingText.count(reports.size(), "gate") + " passed"
                    : failed + " of " + FindingText.count(reports.size(), "gate") + " failed");
        } else {
            out.append(reports.get(0).gate().title()).append(failed == 0 ? " passed" : " failed");
        }
        out.append("\n\n| Gate | Result | Checked | Errors | Warnings | Suppressed |\n|---|---|---|---|---|---|\n");
        for (GateReport report : reports) {
            GateReport.Counts counts = report.counts();
            out.append("| ").append(Markdown.text(report.gate().title())).append(" | ")
                    .append(report.passed() ? "✅ passed" : "❌ failed").append(" | ")
                    .append(String.join("<br>", report.coverage().stream().map(Markdown::text).toList()))
                    .append(" | ").append(counts.errors()).append(" | ").append(counts.warnings()).append(" | ")
                    .append(counts.suppressed()).append(" |\n");
        }
        boolean ratchet = reports.stream().flatMap(r -> r.problems().stream()).anyMatch(p -> p.status().isPresent());
        List<Row> errors = rows(reports, p -> p.active() && p.level() == Level.ERROR
                && p.status().map(s -> s == Problem.Status.NEW).orElse(true));
        if (!errors.isEmpty()) {
            out.append("\n#### ").append(ratchet ? "New errors" : "Errors").append(" (").append(errors.size())
                    .append(")\n\n");
            table(out, errors, several, false);
        }
        folded(out, rows(reports, p -> p.active() && p.level() == Level.WARNING
                && p.status().map(s -> s == Problem.Status.NEW).orElse(true)), "warning", several, false);
        folded(out, rows(reports, p -> p.active() && p.status().map(s -> s == Problem.Status.EXISTING)
                .orElse(false)), "existing problem", several, false);
        folded(out, rows(reports, p -> p.status().map(s -> s == Problem.Status.FIXED).orElse(false)),
                "fixed problem", several, false);
        folded(out, rows(reports, p -> p.active() && p.level() == Level.NOTE), "safe change", several, false);
        folded(out, rows(reports, p -> p.suppression().isPresent()), "suppressed problem", several, true);
        definitions(out, rows(reports, p -> p.level() != Level.NOTE && !p.details().isEmpty()));
        return out.toString();
    }

    private record Row(Gate gate, Problem problem) {
    }

    private static List<Row> rows(List<GateReport> reports, Predicate<Problem> filter) {
        List<Row> rows = new ArrayList<>();
        reports.forEach(r -> r.problems().stream().filter(filter).forEach(p -> rows.add(new Row(r.gate(), p))));
        return rows;
    }

    private static void folded(StringBuilder out, List<Row> rows, String noun, boolean several, boolean reasons) {
        if (rows.isEmpty()) {
            return;
        }
        out.append("\n<details>\n<summary>").append(FindingText.count(rows.size(), noun)).append("</summary>\n\n");
        table(out, rows, several, reasons);
        out.append("\n</details>\n");
    }

    private static void table(StringBuilder out, List<Row> rows, boolean several, boolean reasons) {
        out.append(several ? "| Gate " : "").append("| Code | Path | Location | Message |")
                .append(reasons ? " Reason |" : "").append('\n').append(several ? "|---" : "")
                .append("|---|---|---|---|").append(reasons ? "---|" : "").append('\n');
        for (Row row : rows) {
            Problem p = row.problem();
            List<String> location = new ArrayList<>();
            p.location().source().ifPresent(s -> location.add(Markdown.code(s.toString())));
            String inObject = (p.location().object() + " " + p.location().jsonPath()).strip();
            if (!inObject.isEmpty()) {
                location.add(Markdown.code(inObject));
            }
            out.append(several ? "| " + row.gate().id() + " " : "").append("| ").append(Markdown.code(p.code()))
                    .append(" | ").append(p.path().isEmpty() ? "" : Markdown.code(p.path())).append(" | ")
                    .append(String.join("<br>", location)).append(" | ").append(Markdown.text(p.message()))
                    .append(p.why().isEmpty() ? "" : "<br>" + Markdown.text(p.why()))
                    .append(reasons ? " | " + Markdown.text(p.suppression().map(Problem.Suppression::reason)
                            .orElse("")) : "").append(" |\n");
        }
    }

    /**
     * The definitions drift and breaking changes compare (a safe change's left out), folded: a pair as a line diff,
     * one alone in a code block. When they would make the comment longer than a pull-request comment may be, they
     * are left to the gates' text reports.
     */
    private static void definitions(StringBuilder out, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder defs = new StringBuilder();
        for (Row row : rows) {
            Problem p = row.problem();
            defs.append("\n").append(Markdown.code(p.code())).append(p.path().isEmpty() ? "" : " "
                    + Markdown.code(p.path())).append('\n');
            List<Problem.Detail> details = p.details();
            if (details.size() == 2) {
                block(defs, "diff", LineDiff.of(details.get(0), details.get(1)));
                continue;
            }
            String language = row.gate() == Gate.DRIFT ? "sql" : "";
            for (Problem.Detail detail : details) {
                defs.append("\n").append(Markdown.text(detail.label())).append(":\n");
                block(defs, language, shortened(detail.text(), row.gate()));
            }
        }
        out.append("\n<details>\n<summary>Definitions (").append(rows.size()).append(")</summary>\n");
        if (out.length() + defs.length() > MAX_LENGTH) {
            out.append("\nToo long for one comment: each gate's text report (`<gate>.txt`) has them.\n");
        } else {
            out.append(defs);
        }
        out.append("\n</details>\n");
    }

    /** A definition of more than {@value #MAX_LINES} lines cut to its first ones, pointing to the whole. */
    private static String shortened(String text, Gate gate) {
        List<String> lines = text.lines().toList();
        if (lines.size() <= MAX_LINES) {
            return text;
        }
        int shown = MAX_LINES - 5;
        return String.join("\n", lines.subList(0, shown)) + "\n… " + (lines.size() - shown) + " more lines in "
                + gate.id() + ".txt";
    }

    private static void block(StringBuilder out, String language, String text) {
        String fence = text.contains("```") ? "~~~~" : "```";
        out.append(fence).append(language).append('\n').append(text).append('\n').append(fence).append('\n');
    }
}
