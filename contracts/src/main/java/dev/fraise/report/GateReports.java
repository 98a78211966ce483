package dev.fraise.report;

import dev.fraise.breaking.BreakingChangeReport;
import dev.fraise.contract.ContractReport;
import dev.fraise.drift.DriftReport;
import dev.fraise.migrate.MigrationIssue;
import dev.fraise.migrate.MigrationStatus;
import java.util.List;
import java.util.Optional;

/**
 * Every gate's result as a {@link GateReport}, and gate reports written in any {@link ReportFormat}, one gate's or
 * several gates' combined. Every format is deterministic: the same reports give the same bytes.
 *
 * <pre>{@code
 * GateReport drift = GateReports.ofDrift(List.of(DriftGate.ddlMatchesMigrations(server, config, base)));
 * GateReport contract = GateReports.of(ContractChecker.check(connection, projectDir, sdl, options));
 * String comment = GateReports.renderCombined(List.of(contract, drift), ReportFormat.MARKDOWN);
 * }</pre>
 *
 * <p>{@link ReportDirectory} writes them to {@code target/fraise} with the combined report of a build.
 */
public final class GateReports {

    private GateReports() {
    }

    /** The contract check's findings, grouped by GraphQL type, with its coverage line. */
    public static GateReport of(ContractReport report) {
        return Adapters.contract(report);
    }

    /** The drift gates that ran ({@code DDL = migrations}, {@code reversibility}), as the one drift gate. */
    public static GateReport ofDrift(List<DriftReport> reports) {
        return Adapters.drift(reports);
    }

    /** The breaking-change gate's changes: breaking ones errors, dangerous ones warnings, safe ones notes. */
    public static GateReport of(BreakingChangeReport report) {
        return Adapters.breaking(report);
    }

    /**
     * A database's migration status: its counts, and each applied migration whose file changed or is gone.
     *
     * @param database how to name the database in the report
     */
    public static GateReport ofStatus(String database, MigrationStatus status, List<MigrationIssue> issues) {
        return Adapters.status(database, status, issues);
    }

    /** One gate's report in {@code format}. */
    public static String render(GateReport report, ReportFormat format) {
        return switch (format) {
            case CONSOLE -> GateText.render(List.of(report));
            case JSON -> GateJson.render(List.of(report), Optional.empty());
            case JUNIT -> GateJunit.render(report);
            case MARKDOWN -> GateMarkdown.render(List.of(report), false);
            case SARIF -> GateSarif.render(List.of(report));
        };
    }

    /**
     * Several gates' reports as one: one Markdown comment, one SARIF run, one JUnit {@code <testsuites>}, one JSON
     * document, one text.
     */
    public static String renderCombined(List<GateReport> reports, ReportFormat format) {
        return switch (format) {
            case CONSOLE -> GateText.render(reports);
            case JSON -> GateJson.render(reports, Optional.empty());
            case JUNIT -> GateJunit.renderAll(reports);
            case MARKDOWN -> GateMarkdown.render(reports, true);
            case SARIF -> GateSarif.render(reports);
        };
    }
}
