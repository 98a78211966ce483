package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.config.ProjectConfig;
import dev.fraise.drift.DriftBase;
import dev.fraise.drift.DriftFinding;
import dev.fraise.drift.DriftGate;
import dev.fraise.drift.DriftReport;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.report.Gate;
import dev.fraise.report.GateReports;
import dev.fraise.report.ReportDirectory;
import dev.fraise.report.ReportFormat;
import java.io.File;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The migration drift gate: the schema files at HEAD must build the same catalog as the schema files at the base
 * ({@code baseRef}, or {@code baseDir}) plus the migrations added since. With {@code reversibility} (default),
 * each added migration's {@code .down.sql} must also undo its {@code .up.sql}. Logs one line per finding with its
 * file, writes the gate's reports to {@code reportDirectory} ({@code drift.txt}: every finding with both
 * definitions; {@code drift.json}, {@code drift.md}, {@code drift.sarif}, {@code TEST-fraise-drift.xml}) and
 * rewrites the build's combined report ({@code pr-comment.md}, {@code fraise.sarif}, {@code TEST-fraise.xml}), and
 * fails with a {@code MojoFailureException} when a gate finds something (unless {@code deferFailure}). A base that cannot be read
 * ({@code DRIFT_BASE_UNAVAILABLE}) or a schema that does not build is a tool error.
 */
@Mojo(name = "drift", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class DriftMojo extends AbstractFraiseMojo {

    /**
     * The git ref the migrations start from ({@code origin/main}, {@code HEAD~1}, a tag or a commit), read with the
     * git CLI. In CI, fetch it first (for GitHub Actions: {@code actions/checkout} with {@code fetch-depth: 0}).
     */
    @Parameter(property = "fraise.baseRef", defaultValue = "origin/main")
    String baseRef;

    /** A directory holding the project as it was (a checkout of the base branch); replaces {@code baseRef}. */
    @Parameter(property = "fraise.baseDir")
    File baseDir;

    /** Whether each migration added since the base must be undone by its {@code .down.sql}. */
    @Parameter(property = "fraise.reversibility", defaultValue = "true")
    boolean reversibility;

    /** Where the reports are written. */
    @Parameter(property = "fraise.reportDirectory", defaultValue = "${project.build.directory}/fraise")
    File reportDirectory;

    @Override
    void clearPreviousReports() {
        reports(reportDirectory).begin(Gate.DRIFT);
    }

    @Override
    void run(FraiseSettings settings) throws MojoFailureException {
        ProjectConfig config = projectConfig(settings);
        DriftBase base = baseDir != null ? DriftBase.directory(baseDir.toPath()) : DriftBase.gitRef(baseRef);
        ReportDirectory directory = reports(reportDirectory);
        List<DriftReport> reports = new ArrayList<>();
        try (PostgresServer server = startServer(settings)) {
            reports.add(DriftGate.ddlMatchesMigrations(server, config, base));
            if (reversibility) {
                reports.add(DriftGate.reversibility(server, config, base));
            }
        }
        int findings = 0;
        for (DriftReport report : reports) {
            String summary = report.render().lines().findFirst().orElse("");
            getLog().info("Fraise drift: " + summary);
            for (DriftFinding finding : report.findings()) {
                getLog().error(finding.toString());
                findings++;
            }
        }
        directory.write(GateReports.ofDrift(reports), EnumSet.allOf(ReportFormat.class));
        if (findings > 0) {
            fail("Fraise drift gate failed: " + findings + " finding(s) against " + base.describe()
                    + "; definitions in " + relative(projectDir.toPath(), directory.file(Gate.DRIFT,
                    ReportFormat.CONSOLE)));
        }
    }
}
