package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.contract.ContractChecker;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.ContractSummary;
import dev.fraise.contract.Finding;
import dev.fraise.contract.Severity;
import dev.fraise.database.Database;
import dev.fraise.database.TemplatePool;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.graphql.GraphqlSchemaLoader;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.report.Gate;
import dev.fraise.report.GateReport;
import dev.fraise.report.GateReports;
import dev.fraise.report.ReportDirectory;
import dev.fraise.source.SourceFinder;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The GraphQL contract check as a build gate: builds the project's database on a disposable PostgreSQL (schema
 * files, seeds when {@code seeds}; with {@code migrations}, the migrations recorded as applied without running, so
 * the views checked are the schema files' ones, or, without schema files, run), checks every GraphQL type against
 * the inferred shape of its view, writes the reports to {@code reportDirectory} ({@code report.json},
 * {@code TEST-fraise-contracts.xml} (JUnit XML), {@code report.md}, {@code report.sarif}, {@code report.txt}; and
 * {@code check.json}, the gate's part of the build's combined report {@code pr-comment.md}, {@code fraise.sarif},
 * {@code TEST-fraise.xml}, which it rewrites)
 * and logs the counts by type status and one line per error with its SDL location and why (the finding's
 * provenance). Contract errors (or warnings, with {@code failOn=warning}) fail the build with a
 * {@code MojoFailureException}; tool errors (PostgreSQL cannot start, bad configuration, a schema that does not
 * build) with a {@code MojoExecutionException}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractContractMojo {

    /**
     * The reports written to {@code reportDirectory}, comma-separated: {@code json} ({@code report.json}),
     * {@code junit} ({@code TEST-fraise-contracts.xml}), {@code markdown} ({@code report.md}), {@code sarif}
     * ({@code report.sarif}), {@code console} ({@code report.txt}); {@code none} for no files (nor the gate's part
     * of the combined report, {@code check.json}).
     */
    @Parameter(property = "fraise.reportFormats", defaultValue = "json,junit,markdown,sarif,console")
    List<String> reportFormats;

    /** Rows sampled per view to validate real data against the types too; {@code 0} (default) checks statically. */
    @Parameter(property = "fraise.sample", defaultValue = "0")
    int sample;

    /** A baseline file of findings to suppress: {@code {"suppressions": [{"code", "path", "reason"}]}}. */
    @Parameter(property = "fraise.baseline")
    File baseline;

    @Override
    void run(FraiseSettings settings) throws MojoExecutionException, MojoFailureException {
        boolean failOnWarning = failOnWarning();
        List<ReportFile> reports = ReportFile.parse(reportFormats);
        ReportFile.deleteAll(reportDirectory.toPath());
        ReportDirectory directory = reports(reportDirectory);
        directory.begin(Gate.CHECK);
        ContractOptions options = options();
        ProjectConfig config = projectConfig(settings);
        ContractReport report;
        long start = System.nanoTime();
        report = check(settings, config, options);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Path dir = reportDirectory.toPath();
        List<Path> written = new ArrayList<>(ReportFile.writeAll(report, dir, reports));
        if (!reports.isEmpty()) {
            GateReport gate = GateReports.of(report);
            written.addAll(directory.write(failOnWarning ? gate.failingOnWarnings() : gate, List.of()));
        }
        log(report, config.projectDir(), millis, written);
        ContractSummary summary = report.summary();
        if (summary.errors() > 0 || failOnWarning && summary.warnings() > 0) {
            fail("Fraise contract check failed: " + summary.errors() + " error(s), "
                    + summary.warnings() + " warning(s) (failOn=" + failOn + ")"
                    + (written.isEmpty() ? "" : "; reports in " + relative(config.projectDir(), dir)));
        }
    }

    /**
     * {@code schema.graphql:49:3: Comment.isEdited reads key … (v_comment $.is_edited)}: the SDL location, else the
     * relation unless the path or message names it; the path unless the message starts with it; so a line names
     * each thing once or twice, never three times ({@code tv_post is not (id uuid PRIMARY KEY, …)}).
     */
    /**
     * Reads the GraphQL schema before any database is built, so that a schema file Fraise cannot read fails at
     * once (an SDL that does not parse is the report's one finding), then builds the database and checks it.
     */
    private ContractReport check(FraiseSettings settings, ProjectConfig config, ContractOptions options)
            throws MojoExecutionException {
        GraphqlSchema schema;
        try {
            schema = GraphqlSchemaLoader.load(config.projectDir(), graphqlSchema);
        } catch (FraiseException e) {
            return ContractChecker.unparsable(e);
        }
        try (PostgresServer server = startServer(settings);
             TemplatePool pool = buildDatabase(server, config, settings);
             Database database = pool.acquire();
             Connection connection = database.connect()) {
            ContractReport report = ContractChecker.check(connection, schema,
                    options.withSqlSources(sqlSources(config, settings)));
            getLog().info("Fraise check: GraphQL schema from " + String.join(", ", schema.files().stream()
                    .map(f -> f.toString().replace('\\', '/')).toList()) + " (" + describe(schema.format()) + ")");
            return report;
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.SERVER_UNREACHABLE, "the connection to the disposable database failed: "
                    + e.getMessage(), null, e);
        }
    }

    private static String describe(GraphqlSchema.SchemaFormat format) {
        return switch (format) {
            case SDL -> "SDL";
            case INTROSPECTION -> "introspection result";
            case FRAISEQL -> "FraiseQL schema";
        };
    }

    /** The schema files the database is built from (not the seeds), where projection findings are located. */
    private static List<SourceFinder.Source> sqlSources(ProjectConfig config, FraiseSettings settings) {
        return SchemaPlanner.plan(config, settings.seeds()).files().stream().filter(f -> !f.seed())
                .map(f -> new SourceFinder.Source(f.path(), f.displayPath())).toList();
    }

    static String logLine(Finding finding) {
        String path = finding.path();
        String message = finding.message();
        String relation = finding.view();
        String location = finding.sdlLocation().map(l -> l + ": ").orElse(relation.isEmpty() || path.equals(relation)
                || path.startsWith(relation + ".") || message.startsWith(relation + " ") ? "" : relation + ": ");
        String inView = finding.sdlLocation().isEmpty() || relation.isEmpty() ? ""
                : " (" + relation + (finding.jsonPath().isEmpty() ? "" : " " + finding.jsonPath()) + ")";
        boolean pathInMessage = path.isEmpty() || message.startsWith(path + " ") || message.startsWith(path + ":");
        String why = finding.provenance().isEmpty() ? "" : " [" + finding.provenance() + "]";
        return location + (pathInMessage ? "" : path + ": ") + message + inView + why;
    }

    private ContractOptions options() {
        ContractOptions options = contractOptions();
        if (sample < 0) {
            throw invalidParameter("sample", sample, "0 (static) or more rows per view");
        }
        if (sample > 0) {
            options = options.sampling(sample);
        }
        return baseline == null ? options : options.withBaseline(baseline.toPath());
    }

    private void log(ContractReport report, Path projectDir, long millis, List<Path> written) {
        getLog().info("Fraise check: " + report.summaryLine() + " in " + millis + " ms");
        for (Finding finding : report.findings()) {
            if (!finding.active()) {
                continue;
            }
            String line = finding.code() + ": " + logLine(finding);
            if (finding.severity() == Severity.ERROR) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        if (!written.isEmpty()) {
            getLog().info("Fraise check: reports " + written.stream().map(p -> relative(projectDir, p)).toList());
        }
    }
}
