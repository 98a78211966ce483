package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.breaking.BreakingChangeGate;
import dev.fraise.breaking.BreakingChangeReport;
import dev.fraise.breaking.SchemaChange;
import dev.fraise.config.ProjectConfig;
import dev.fraise.contract.ContractOptions;
import dev.fraise.drift.BaseCheckout;
import dev.fraise.drift.DriftBase;
import dev.fraise.error.FraiseException;
import dev.fraise.ratchet.BaseContracts;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.report.Gate;
import dev.fraise.report.GateReport;
import dev.fraise.report.GateReports;
import dev.fraise.report.ReportDirectory;
import dev.fraise.report.ReportFormat;
import java.io.File;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.function.BiConsumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The breaking-change gate: compares the GraphQL contract at the base ({@code baseRef}, or {@code baseDir}) with
 * HEAD. SDL changes are classified breaking, dangerous or safe with graphql-inspector's rules; the views behind
 * the types are compared too (a key removed, become nullable or of another kind), even when the SDL did not
 * change. Logs the counts and one line per breaking (and dangerous) change, writes the gate's reports to
 * {@code reportDirectory} ({@code diff.txt}: every change with both definitions; {@code diff.json}, {@code diff.md},
 * {@code diff.sarif}, {@code TEST-fraise-diff.xml}) and rewrites the build's combined report
 * ({@code pr-comment.md}, {@code fraise.sarif}, {@code TEST-fraise.xml}), and fails with a
 * {@code MojoFailureException} on a breaking change (or a dangerous one, with {@code failOn=warning}) unless
 * {@code deferFailure}. With {@code failOn=new} ({@code error} for this gate, which compares with the base anyway) it
 * also checks the contract on the base database it builds, for {@code check} to reuse later in the build.
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

    /**
     * With {@code failOn=new}, the ratchet's contract check of the base, on the database this gate builds anyway,
     * left for {@code check} in the same build ({@link BaseContractCache}). A base whose contract cannot be checked
     * is left to {@code check} to report.
     */
    private BiConsumer<BaseCheckout, Connection> checkContract(ProjectConfig config, DriftBase base,
            ContractOptions options) {
        // the breaking-change gate's base database has no seeds: a check with seeds does not reuse its report
        BaseContractCache.Key key = BaseContractCache.Key.of(buildId(), config.projectDir(),
                new BaseContracts.Target(base, graphqlSchema, false), options);
        return (checkout, connection) -> {
            try {
                BaseContractCache.put(key, new BaseContracts.Checked(checkout.description(),
                        BaseContracts.check(checkout, connection, graphqlSchema, options)));
            } catch (FraiseException e) {
                getLog().debug("Fraise diff: the contract at " + checkout.description() + " is left to check: "
                        + e.getMessage());
            }
        };
    }

    @Override
    void clearPreviousReports() {
        reports(reportDirectory).begin(Gate.DIFF);
    }

    @Override
    void run(FraiseSettings settings) throws MojoExecutionException, MojoFailureException {
        boolean failOnDangerous = failOnWarning();
        ContractOptions options = contractOptions();
        ProjectConfig config = projectConfig(settings);
        DriftBase base = baseDir != null ? DriftBase.directory(baseDir.toPath()) : DriftBase.gitRef(baseRef);
        ReportDirectory directory = reports(reportDirectory);
        BreakingChangeReport report;
        try (PostgresServer server = startServer(settings)) {
            report = BreakingChangeGate.compare(server, config, graphqlSchema, base, options,
                    failOnMode() == FailOn.NEW ? checkContract(config, base, options) : (checkout, c) -> { });
        }
        getLog().info("Fraise diff: " + report.render().lines().findFirst().orElse(""));
        for (SchemaChange change : report.changes()) {
            switch (change.severity()) {
                case BREAKING -> getLog().error(change.toString());
                case DANGEROUS -> getLog().warn(change.toString());
                case SAFE -> getLog().debug(change.toString());
            }
        }
        GateReport gate = GateReports.of(report);
        directory.write(failOnDangerous ? gate.failingOnWarnings() : gate, EnumSet.allOf(ReportFormat.class));
        int failing = report.breaking().size() + (failOnDangerous ? report.dangerous().size() : 0);
        if (failing > 0) {
            fail("Fraise breaking-change gate failed: " + report.breaking().size()
                    + " breaking, " + report.dangerous().size() + " dangerous change(s) against " + base.describe()
                    + " (failOn=" + failOn + "); definitions in " + relative(projectDir.toPath(),
                    directory.file(Gate.DIFF, ReportFormat.CONSOLE)));
        }
    }
}
