package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.config.ProjectConfig;
import dev.fraise.drift.DriftBase;
import dev.fraise.drift.DriftFinding;
import dev.fraise.drift.DriftGate;
import dev.fraise.drift.DriftReport;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import dev.fraise.postgres.PostgresServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The migration drift gate: the schema files at HEAD must build the same catalog as the schema files at the base
 * ({@code baseRef}, or {@code baseDir}) plus the migrations added since. With {@code reversibility} (default),
 * each added migration's {@code .down.sql} must also undo its {@code .up.sql}. Logs one line per finding with its
 * file, writes {@code drift.txt} (every finding with both definitions) to {@code reportDirectory}, and fails with
 * a {@code MojoFailureException} when a gate finds something. A base that cannot be read
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

    /** Where {@code drift.txt} is written. */
    @Parameter(property = "fraise.reportDirectory", defaultValue = "${project.build.directory}/fraise")
    File reportDirectory;

    @Override
    void run(FraiseSettings settings) throws MojoFailureException {
        ProjectConfig config = projectConfig(settings);
        DriftBase base = baseDir != null ? DriftBase.directory(baseDir.toPath()) : DriftBase.gitRef(baseRef);
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
        Path file = write(reports);
        if (findings > 0) {
            throw new MojoFailureException("Fraise drift gate failed: " + findings + " finding(s) against "
                    + base.describe() + "; definitions in " + relative(projectDir.toPath(), file));
        }
    }

    private Path write(List<DriftReport> reports) {
        Path file = reportDirectory.toPath().resolve("drift.txt");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, reports.stream().map(DriftReport::render)
                    .collect(Collectors.joining("\n\n", "", "\n")), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.REPORT_WRITE_FAILED, "cannot write the drift report: " + e,
                    SourceLocation.of(file), e);
        }
    }
}
