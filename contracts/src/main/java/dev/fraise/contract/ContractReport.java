package dev.fraise.contract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of a contract check: every type's status, every {@code tv_} projection's and every finding,
 * suppressed ones included.
 *
 * @param types       one result per GraphQL type, by name
 * @param findings    every finding: grouped by type in schema order, then the Mutation fields', then the
 *                    projections'
 * @param projections one result per {@code tv_} table
 */
public record ContractReport(List<TypeResult> types, List<Finding> findings, List<ProjectionResult> projections) {

    /** The tool name written into reports. */
    public static final String TOOL = "fraise";

    public ContractReport {
        types = List.copyOf(types);
        findings = List.copyOf(findings);
        projections = List.copyOf(projections);
    }

    /** A report without projections. */
    public ContractReport(List<TypeResult> types, List<Finding> findings) {
        this(types, findings, List.of());
    }

    /** The counts of the report. */
    public ContractSummary summary() {
        int checked = (int) types.stream().filter(t -> t.status() != TypeResult.Status.NOT_CHECKED).count();
        int views = (int) types.stream().filter(t -> t.status() == TypeResult.Status.CHECKED)
                .flatMap(t -> t.views().stream().filter(v -> !viewMissing(t) || !t.view().orElse("").equals(v)))
                .distinct().count();
        int errors = (int) findings.stream().filter(f -> f.active() && f.severity() == Severity.ERROR).count();
        int warnings = (int) findings.stream().filter(f -> f.active() && f.severity() == Severity.WARNING).count();
        int suppressed = (int) findings.stream().filter(f -> !f.active()).count();
        return new ContractSummary(checked, views, errors, warnings, suppressed);
    }

    /** Whether {@code type} is bound to a view that does not exist. */
    boolean viewMissing(TypeResult type) {
        return type.status() == TypeResult.Status.CHECKED && findings.stream()
                .anyMatch(f -> f.code() == FindingCode.VIEW_MISSING && f.path().equals(type.type()));
    }

    /** What happened to the types, counted by status and reason. */
    public TypeCounts typeCounts() {
        return TypeCounts.of(this);
    }

    /**
     * The report in one line: {@code 4 types: 2 checked, 2 not checked (view missing: 1, no source: 1) against 1
     * view: 0 errors, 1 warning, 0 suppressed}.
     */
    public String summaryLine() {
        TypeCounts counts = typeCounts();
        ContractSummary summary = summary();
        StringBuilder line = new StringBuilder(count(counts.total(), "type")).append(": ").append(counts.checked())
                .append(" checked");
        if (counts.throughParent() > 0) {
            line.append(", ").append(counts.throughParent()).append(" checked through a parent");
        }
        if (counts.notCheckedTotal() > 0) {
            line.append(", ").append(counts.notCheckedTotal()).append(" not checked (")
                    .append(counts.notChecked().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining(", "))).append(')');
        }
        return line.append(" against ").append(count(summary.views(), "view")).append(": ")
                .append(count(summary.errors(), "error")).append(", ").append(count(summary.warnings(), "warning"))
                .append(", ").append(summary.suppressed()).append(" suppressed").toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Whether there is no active error. */
    public boolean passed() {
        return summary().errors() == 0;
    }

    /** The active and suppressed findings of one GraphQL type (the type the path starts with). */
    public List<Finding> findingsOf(String type) {
        return findings.stream().filter(f -> f.path().equals(type) || f.path().startsWith(type + "."))
                .collect(Collectors.toList());
    }

    /** The Fraise version that wrote the report. */
    public static String version() {
        String version = ContractReport.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
