package dev.fraise.maven;

import dev.fraise.migrate.MigrationIssue;
import dev.fraise.migrate.MigrationStatus;
import dev.fraise.migrate.Migrator;
import dev.fraise.report.Gate;
import dev.fraise.report.GateReport;
import dev.fraise.report.GateReports;
import dev.fraise.report.ReportDirectory;
import dev.fraise.report.ReportFormat;
import java.io.File;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Logs every migration's state on the target database (applied, pending, checksum mismatch, file missing), reading
 * only, and validates: an applied migration whose file was edited ({@code MIGRATION_CHECKSUM_MISMATCH}) or deleted
 * ({@code MIGRATION_FILE_MISSING}) fails the build, as does a pending one with {@code failOnPending}. Writes the
 * status as a gate report to {@code reportDirectory} ({@code status.txt}, {@code .json}, {@code .md},
 * {@code .sarif}, {@code TEST-fraise-status.xml}) and rewrites the build's combined report.
 */
@Mojo(name = "status", threadSafe = true, requiresProject = false)
public class StatusMojo extends AbstractMigrationMojo {

    /** Whether pending migrations fail the build too (a deployment check: the database is up to date). */
    @Parameter(property = "fraise.failOnPending", defaultValue = "false")
    boolean failOnPending;

    /** Where the reports are written. */
    @Parameter(property = "fraise.reportDirectory", defaultValue = "${project.build.directory}/fraise")
    File reportDirectory;

    @Override
    void migrate(Migrator migrator, Connection connection, String database) throws MojoFailureException {
        ReportDirectory directory = reports(reportDirectory);
        directory.begin(Gate.STATUS);
        migrator.migrations().warnings().forEach(w -> getLog().warn(w.toString()));
        MigrationStatus status = migrator.status(connection);
        for (MigrationStatus.Entry entry : status.entries()) {
            getLog().info(String.format("  %-17s %s_%s%s", entry.state(), entry.version(), entry.name(),
                    entry.applied().map(a -> " (applied " + a.appliedAt() + ")").orElse("")));
        }
        List<String> pending = status.versions(MigrationStatus.State.PENDING);
        getLog().info("Fraise status: " + database + " (" + migrator.trackingTable() + "): "
                + status.versions(MigrationStatus.State.APPLIED).size() + " applied, " + pending.size() + " pending, "
                + status.versions(MigrationStatus.State.CHECKSUM_MISMATCH).size() + " checksum mismatch(es), "
                + status.versions(MigrationStatus.State.MISSING_FILE).size() + " missing file(s)");
        List<MigrationIssue> issues = migrator.validate(connection);
        issues.forEach(issue -> getLog().error(issue.toString()));
        boolean pendingFails = failOnPending && !pending.isEmpty();
        GateReport report = GateReports.ofStatus(database + " (" + migrator.trackingTable() + ")", status, issues);
        directory.write(new GateReport(report.gate(), report.coverage(), report.cases(), report.problems(),
                report.passed() && !pendingFails), EnumSet.allOf(ReportFormat.class));
        if (!issues.isEmpty()) {
            fail("Fraise status: " + issues.size() + " applied migration(s) no longer match their files: "
                    + issues.get(0));
        } else if (pendingFails) {
            fail("Fraise status: " + pending.size() + " pending migration(s) " + pending);
        }
    }
}
