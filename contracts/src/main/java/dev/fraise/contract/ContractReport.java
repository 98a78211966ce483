package dev.fraise.contract;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The result of a contract check: every type's status, every {@code tv_} projection's and every finding,
 * suppressed ones included, and the field coverage.
 *
 * @param types       one result per GraphQL type, by name
 * @param findings    every finding: grouped by type in schema order, then the Mutation fields', then the
 *                    projections', then the coverage findings ({@code TYPE_NOT_CHECKED})
 * @param projections one result per {@code tv_} table
 * @param fields      how many fields of the object types were compared against a shape
 */
public record ContractReport(List<TypeResult> types, List<Finding> findings, List<ProjectionResult> projections,
        FieldCounts fields) {

    /** The tool name written into reports. */
    public static final String TOOL = "fraise";

    public ContractReport {
        types = List.copyOf(types);
        findings = List.copyOf(findings);
        projections = List.copyOf(projections);
        Objects.requireNonNull(fields, "fields");
    }

    /** A report without field counts. */
    public ContractReport(List<TypeResult> types, List<Finding> findings, List<ProjectionResult> projections) {
        this(types, findings, projections, FieldCounts.NONE);
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
     * The object types nothing checked, suppressed or not: the {@code TYPE_NOT_CHECKED} findings, one per type, in
     * schema order.
     */
    public List<Finding> gaps() {
        return findings.stream().filter(f -> f.code() == FindingCode.TYPE_NOT_CHECKED).toList();
    }

    /**
     * The report in one line, coverage first: {@code 5 types: 2 checked, 3 not checked (no source: 1, view missing:
     * 1, root type: 1); gaps: Tag; 4 of 6 fields checked, 1 of unknown shape, 1 not reached; against 1 view:
     * 0 errors, 2 warnings, 0 suppressed}.
     */
    public String summaryLine() {
        ContractSummary summary = summary();
        return coverageLine() + "; against " + count(summary.views(), "view") + ": " + count(summary.errors(), "error")
                + ", " + count(summary.warnings(), "warning") + ", " + summary.suppressed() + " suppressed";
    }

    /**
     * What was checked: the types by status (those not checked by reason), the gaps (a suppressed one marked), and
     * the fields: {@code 5 types: 2 checked, 3 not checked (no source: 1, view missing: 1, root type: 1); gaps: Tag;
     * 4 of 6 fields checked, 1 of unknown shape, 1 not reached}.
     */
    public String coverageLine() {
        TypeCounts counts = typeCounts();
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
        List<Finding> gaps = gaps();
        if (!gaps.isEmpty()) {
            line.append("; gaps: ").append(gaps.stream().map(g -> g.path() + (g.active() ? "" : " (suppressed)"))
                    .collect(Collectors.joining(", ")));
        }
        line.append("; ").append(fields.checked()).append(" of ").append(count(fields.total(), "field"))
                .append(" checked");
        if (fields.shapeUnknown() > 0) {
            line.append(", ").append(fields.shapeUnknown()).append(" of unknown shape");
        }
        if (fields.notReached() > 0) {
            line.append(", ").append(fields.notReached()).append(" not reached");
        }
        return line.toString();
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
