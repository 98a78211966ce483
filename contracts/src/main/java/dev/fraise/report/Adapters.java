package dev.fraise.report;

import dev.fraise.breaking.BreakingChangeReport;
import dev.fraise.breaking.ChangeSeverity;
import dev.fraise.breaking.SchemaChange;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.Finding;
import dev.fraise.contract.Severity;
import dev.fraise.contract.TypeResult;
import dev.fraise.drift.DriftFinding;
import dev.fraise.drift.DriftReport;
import dev.fraise.migrate.MigrationIssue;
import dev.fraise.migrate.MigrationStatus;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Each gate's result as a {@link GateReport}: thin, so that every code a gate adds flows through unchanged. */
final class Adapters {

    private Adapters() {
    }

    static GateReport contract(ContractReport report) {
        List<GateReport.Case> cases = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<Finding, String> groups = new IdentityHashMap<>();
        for (TypeGroup group : TypeGroup.of(report)) {
            boolean skipped = !group.checked() && group.errors().isEmpty();
            cases.add(new GateReport.Case(group.name(), skipped
                    ? group.type().map(TypeResult::reason) : Optional.empty()));
            group.findings().forEach(f -> groups.put(f, group.name()));
        }
        for (Finding finding : report.findings()) {
            problems.add(contract(finding, groups.getOrDefault(finding, TypeGroup.SCHEMA)));
        }
        return GateReport.of(Gate.CHECK, List.of(report.coverageLine()), cases, problems);
    }

    private static Problem contract(Finding finding, String group) {
        Problem.Builder problem = Problem.builder(finding.code().name(),
                        finding.severity() == Severity.ERROR ? Level.ERROR : Level.WARNING)
                .group(group).path(finding.path()).at(finding.sdlLocation()).object(finding.view())
                .jsonPath(finding.jsonPath()).message(finding.message()).why(finding.provenance());
        if (finding.suppressed().isPresent()) {
            problem.suppressed(FindingText.byBaseline(finding) ? Problem.Suppression.Kind.EXTERNAL
                    : Problem.Suppression.Kind.IN_SOURCE, FindingText.justification(finding));
        }
        return problem.build();
    }

    /** The drift gates that ran ({@code DDL = migrations}, {@code reversibility}) as one report. */
    static GateReport drift(List<DriftReport> reports) {
        List<String> coverage = new ArrayList<>();
        List<GateReport.Case> cases = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (DriftReport report : reports) {
            coverage.add(report.gate() + (report.base().isEmpty() ? "" : " against " + report.base()) + ": "
                    + (report.migrations().isEmpty() ? "no migration" : FindingText.count(report.migrations().size(),
                    "migration") + " (" + String.join(", ", report.migrations()) + ")"));
            cases.add(GateReport.Case.checked(report.gate()));
            for (DriftFinding finding : report.findings()) {
                problems.add(Problem.builder(finding.code().name(), Level.ERROR).group(report.gate())
                        .path(finding.objectName()).at(finding.location())
                        .object(finding.objectKind() + " " + finding.objectName()).message(finding.message())
                        .detail("expected", finding.expected()).detail("actual", finding.actual()).build());
            }
        }
        return GateReport.of(Gate.DRIFT, coverage, cases, problems);
    }

    static GateReport breaking(BreakingChangeReport report) {
        List<Problem> problems = new ArrayList<>();
        Set<String> groups = new LinkedHashSet<>();
        for (SchemaChange change : report.changes()) {
            String group = rootOf(change.path());
            groups.add(group);
            problems.add(Problem.builder(change.code().name(), level(change.severity())).group(group)
                    .path(change.path()).at(change.location()).message(change.message())
                    .detail("before", change.before()).detail("after", change.after()).build());
        }
        String coverage = "GraphQL schema and views against " + report.base() + ": " + report.breaking().size()
                + " breaking, " + report.dangerous().size() + " dangerous, " + report.of(ChangeSeverity.SAFE).size()
                + " safe";
        List<GateReport.Case> cases = groups.isEmpty() ? List.of(GateReport.Case.checked("schema"))
                : groups.stream().map(GateReport.Case::checked).toList();
        return GateReport.of(Gate.DIFF, List.of(coverage), cases, problems);
    }

    private static Level level(ChangeSeverity severity) {
        return switch (severity) {
            case BREAKING -> Level.ERROR;
            case DANGEROUS -> Level.WARNING;
            case SAFE -> Level.NOTE;
        };
    }

    /** {@code Post} of {@code Post.author}, {@code Query} of {@code Query.posts.after}. */
    private static String rootOf(String path) {
        int end = 0;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
            end++;
        }
        return end == 0 ? "schema" : path.substring(0, end);
    }

    /** A database's migration status and the applied migrations that no longer match their files. */
    static GateReport status(String database, MigrationStatus status, List<MigrationIssue> issues) {
        String coverage = database + ": " + status.versions(MigrationStatus.State.APPLIED).size() + " applied, "
                + status.versions(MigrationStatus.State.PENDING).size() + " pending, "
                + status.versions(MigrationStatus.State.CHECKSUM_MISMATCH).size() + " checksum mismatch(es), "
                + status.versions(MigrationStatus.State.MISSING_FILE).size() + " missing file(s)";
        List<Problem> problems = issues.stream().map(issue -> Problem.builder(issue.code().name(), Level.ERROR)
                .group("migrations").path(issue.location().file().getFileName().toString()
                        .replaceFirst("\\.up\\.sql$", ""))
                .at(issue.location()).message(issue.message()).build()).toList();
        return GateReport.of(Gate.STATUS, List.of(coverage), List.of(GateReport.Case.checked("migrations")),
                problems);
    }
}
