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
                .map(t -> t.view().orElse("")).distinct().count();
        int errors = (int) findings.stream().filter(f -> f.active() && f.severity() == Severity.ERROR).count();
        int warnings = (int) findings.stream().filter(f -> f.active() && f.severity() == Severity.WARNING).count();
        int suppressed = (int) findings.stream().filter(f -> !f.active()).count();
        return new ContractSummary(checked, views, errors, warnings, suppressed);
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
