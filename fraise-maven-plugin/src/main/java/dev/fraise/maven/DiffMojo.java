package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.breaking.BreakingChangeGate;
import dev.fraise.breaking.BreakingChangeReport;
import dev.fraise.breaking.SchemaChange;
import dev.fraise.config.ProjectConfig;
import dev.fraise.contract.ContractOptions;
import dev.fraise.drift.DriftBase;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import dev.fraise.postgres.PostgresServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The breaking-change gate: compares the GraphQL contract at the base ({@code baseRef}, or {@code baseDir}) with
 * HEAD. SDL changes are classified breaking, dangerous or safe with graphql-inspector's rules; the views behind
 * the types are compared too (a key removed, become nullable or of another kind), even when the SDL did not
 * change. Logs the counts and one line per breaking (and dangerous) change, writes {@code diff.txt} (every change
 * with both definitions) to {@code reportDirectory}, and fails with a {@code MojoFailureException} on a breaking
 * change (or a dangerous one, with {@code failOn=warning}).
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class DiffMojo extends AbstractContractMojo {

    /**
     * The git ref HEAD is compared with ({@code origin/main}, {@code HEAD~1}, a tag or a commit), read with the git
     * CLI. In CI, fetch it first (for GitHub Actions: {@code actions/checkout} with {@code fetch-depth: 0}).
     */
    @Parameter(property = "fraise.baseRef", defaultValue = "origin/main")
    String baseRef;

    /** A directory holding the project as it was (a checkout of the base branch); replaces {@code baseRef}. */
    @Parameter(property = "fraise.baseDir")
    File baseDir;

    @Override
    void run(FraiseSettings settings) throws MojoExecutionException, MojoFailureException {
        boolean failOnDangerous = failOnWarning();
        ContractOptions options = contractOptions();
        ProjectConfig config = projectConfig(settings);
        DriftBase base = baseDir != null ? DriftBase.directory(baseDir.toPath()) : DriftBase.gitRef(baseRef);
        BreakingChangeReport report;
        try (PostgresServer server = startServer(settings)) {
            report = BreakingChangeGate.compare(server, config, graphqlSchema, base, options);
        }
        getLog().info("Fraise diff: " + report.render().lines().findFirst().orElse(""));
        for (SchemaChange change : report.changes()) {
            switch (change.severity()) {
                case BREAKING -> getLog().error(change.toString());
                case DANGEROUS -> getLog().warn(change.toString());
                case SAFE -> getLog().debug(change.toString());
            }
        }
        Path file = write(report);
        int failing = report.breaking().size() + (failOnDangerous ? report.dangerous().size() : 0);
        if (failing > 0) {
            throw new MojoFailureException("Fraise breaking-change gate failed: " + report.breaking().size()
                    + " breaking, " + report.dangerous().size() + " dangerous change(s) against " + base.describe()
                    + " (failOn=" + failOn + "); definitions in " + relative(projectDir.toPath(), file));
        }
    }

    private Path write(BreakingChangeReport report) {
        Path file = reportDirectory.toPath().resolve("diff.txt");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, report.render() + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.REPORT_WRITE_FAILED, "cannot write the breaking-change report: " + e,
                    SourceLocation.of(file), e);
        }
    }
}
