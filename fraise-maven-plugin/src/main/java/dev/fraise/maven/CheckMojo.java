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
import dev.fraise.drift.DriftBase;
import dev.fraise.database.TemplatePool;
import dev.fraise.database.TemplateRecipe;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.graphql.GraphqlSchemaLoader;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.ratchet.BaseContracts;
import dev.fraise.report.Gate;
import dev.fraise.report.GateReport;
import dev.fraise.report.GateReports;
import dev.fraise.report.Level;
import dev.fraise.report.Problem;
import dev.fraise.report.Ratchet;
import dev.fraise.report.ReportDirectory;
import dev.fraise.source.SourceFinder;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * provenance). Contract errors (or warnings, with {@code failOn=warning}; or, with {@code failOn=new}, the errors
 * the base ({@code baseRef}/{@code baseDir}) does not have: its contract is checked too, built and checked as HEAD's
 * (its own seeds with {@code seeds}, the same {@code sample}), and each finding is new, existing or fixed) fail the build with a {@code MojoFailureException}; tool errors (PostgreSQL cannot start, bad configuration, a schema that does not
 * build, a base that cannot be checked with {@code failOn=new}) with a {@code MojoExecutionException}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractContractMojo {

    private static final String DEFAULT_BASE_REF = "origin/main";

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

    /**
     * With {@code failOn=new}: the git ref whose contract findings are existing ({@code origin/main} when neither
     * this nor {@code baseDir} is set), read with the git CLI as {@code drift} and {@code diff} read it. In a pull
     * request: {@code -Dfraise.baseRef=origin/${{ github.base_ref }}}. Ignored by the other {@code failOn} values.
     */
    @Parameter(property = "fraise.baseRef")
    String baseRef;

    /** With {@code failOn=new}: a directory holding the project as it was (a checkout of the base branch). */
    @Parameter(property = "fraise.baseDir")
    File baseDir;

    /** A baseline file of findings to suppress: {@code {"suppressions": [{"code", "path", "reason"}]}}. */
    @Parameter(property = "fraise.baseline")
    File baseline;

    @Override
    void clearPreviousReports() {
        ReportFile.deleteAll(reportDirectory.toPath());
        reports(reportDirectory).begin(Gate.CHECK);
    }

    @Override
    void run(FraiseSettings settings) throws MojoExecutionException, MojoFailureException {
        FailOn mode = failOnMode();
        List<ReportFile> reports = ReportFile.parse(reportFormats);
        ReportDirectory directory = reports(reportDirectory);
        ContractOptions options = options();
        ProjectConfig config = projectConfig(settings);
        Optional<DriftBase> base = mode == FailOn.NEW ? Optional.of(base()) : Optional.empty();
        TemplateRecipe recipe = recipe(config, settings);
        try (ServerStart starting = ServerStart.begin(settings.server(), recipe)) {
            long start = System.nanoTime();
            Checked checked = check(starting, recipe, settings, config, options, base);
            long millis = (System.nanoTime() - start) / 1_000_000;
            starting.stopInBackground();
            report(checked, mode, reports, directory, config, millis);
        }
    }

    /** Writes the reports of what {@link #check} found, logs it, and fails the build as {@code mode} says. */
    private void report(Checked checked, FailOn mode, List<ReportFile> reports, ReportDirectory directory,
            ProjectConfig config, long millis) throws MojoFailureException {
        ContractReport report = checked.head();
        GateReport gate = GateReports.of(report);
        if (checked.base().isPresent()) {
            gate = Ratchet.compare(gate, GateReports.of(checked.base().get().report()), checked.base().get().base());
        }
        gate = mode == FailOn.WARNING ? gate.failingOnWarnings() : gate;
        Path dir = reportDirectory.toPath();
        List<Path> written = new ArrayList<>(ReportFile.writeAll(report, dir, reports));
        if (!reports.isEmpty()) {
            written.addAll(directory.write(gate, List.of()));
        }
        log(report, gate, config.projectDir(), millis, written);
        String where = written.isEmpty() ? "" : "; reports in " + relative(config.projectDir(), dir);
        ContractSummary summary = report.summary();
        if (checked.base().isPresent()) {
            if (gate.problems().stream().anyMatch(p -> p.fails(Level.ERROR))) {
                fail("Fraise contract check failed against " + checked.base().get().base() + ": "
                        + Ratchet.counts(gate.problems()) + " (failOn=new)" + where);
            }
        } else if (summary.errors() > 0 || mode == FailOn.WARNING && summary.warnings() > 0) {
            fail("Fraise contract check failed: " + summary.errors() + " error(s), "
                    + summary.warnings() + " warning(s) (failOn=" + failOn + ")" + where);
        }
    }

    /** The base {@code failOn=new} compares with: {@code baseDir}, else {@code baseRef}, else {@code origin/main}. */
    private DriftBase base() {
        if (baseDir != null) {
            return DriftBase.directory(baseDir.toPath());
        }
        return DriftBase.gitRef(baseRef == null || baseRef.isBlank() ? DEFAULT_BASE_REF : baseRef.trim());
    }

    /**
     * HEAD's report and, with a base, the base's.
     *
     * @param head HEAD's report
     * @param base the base's, when {@code failOn=new}
     */
    record Checked(ContractReport head, Optional<BaseContracts.Checked> base) {
    }

    /**
     * Starts the server in the background while it reads the GraphQL schema (a schema file Fraise cannot read fails
     * at once: an SDL that does not parse is the report's one finding, failing as it is), then builds the database,
     * or reuses it from a snapshot, and checks it, and with a {@code base}, checks the base on the same server,
     * unless {@code diff} already did in this build ({@link BaseContractCache}).
     */
    Checked check(FraiseSettings settings, ProjectConfig config, ContractOptions options,
            Optional<DriftBase> base) throws MojoExecutionException {
        TemplateRecipe recipe = recipe(config, settings);
        try (ServerStart starting = ServerStart.begin(settings.server(), recipe)) {
            return check(starting, recipe, settings, config, options, base);
        }
    }

    /** {@link #check(FraiseSettings, ProjectConfig, ContractOptions, Optional)} on a server {@code starting}. */
    private Checked check(ServerStart starting, TemplateRecipe recipe, FraiseSettings settings, ProjectConfig config,
            ContractOptions options, Optional<DriftBase> base) throws MojoExecutionException {
        try {
            GraphqlSchema schema;
            try {
                schema = GraphqlSchemaLoader.load(config.projectDir(), graphqlSchema);
            } catch (FraiseException e) {
                return new Checked(ContractChecker.unparsable(e), Optional.empty());
            }
            Optional<BaseContractCache.Key> key = base.map(b -> BaseContractCache.Key.of(buildId(),
                    config.projectDir(), new BaseContracts.Target(b, graphqlSchema, settings.seeds()), options));
            Optional<BaseContracts.Checked> cached = key.flatMap(BaseContractCache::get);
            cached.ifPresent(c -> getLog().info("Fraise check: the contract at " + c.base()
                    + " as fraise:diff checked it in this build (no database built for it)"));
            PostgresServer server = starting.server();
            ContractReport report;
            try (TemplatePool pool = buildDatabase(server, recipe, settings);
                 Database database = pool.acquire();
                 Connection connection = database.connect()) {
                report = ContractChecker.check(connection, schema,
                        options.withSqlSources(sqlSources(config, settings)));
            }
            getLog().info("Fraise check: GraphQL schema from " + String.join(", ", schema.files().stream()
                    .map(f -> f.toString().replace('\\', '/')).toList()) + " (" + describe(schema.format()) + ")");
            if (cached.isPresent() || base.isEmpty()) {
                return new Checked(report, cached);
            }
            long start = System.nanoTime();
            BaseContracts.Checked checkedBase = BaseContracts.check(server, config,
                    new BaseContracts.Target(base.get(), graphqlSchema, settings.seeds()), options);
            getLog().info("Fraise check: the contract at " + checkedBase.base() + " checked in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms (its database built and dropped): "
                    + checkedBase.report().summaryLine());
            return new Checked(report, Optional.of(checkedBase));
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

    /**
     * {@code schema.graphql:49:3: Comment.isEdited reads key … (v_comment $.is_edited)}: the SDL location, else the
     * relation unless the path or message names it; the path unless the message starts with it; so a line names
     * each thing once or twice, never three times ({@code tv_post is not (id uuid PRIMARY KEY, …)}).
     */
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
        return options(Optional.ofNullable(baseline).map(File::toPath));
    }

    /** Every contract option, {@code sample} and {@code baseline} (when given) included. */
    ContractOptions options(Optional<Path> baselineFile) {
        ContractOptions options = contractOptions();
        if (sample < 0) {
            throw invalidParameter("sample", sample, "0 (static) or more rows per view");
        }
        if (sample > 0) {
            options = options.sampling(sample);
        }
        return baselineFile.map(options::withBaseline).orElse(options);
    }

    /**
     * The summary and one line per active finding; against a base, a new error is logged as an error with
     * {@code [new]}, an existing one as a warning with {@code [existing]}, and each fixed one as info.
     */
    private void log(ContractReport report, GateReport gate, Path projectDir, long millis, List<Path> written) {
        getLog().info("Fraise check: " + report.summaryLine() + " in " + millis + " ms");
        gate.coverage().stream().filter(c -> c.startsWith("against ")).forEach(c -> getLog().info("Fraise check: " + c));
        List<Finding> findings = report.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (!finding.active()) {
                continue;
            }
            // the gate's problems are the findings, in order, then the fixed ones (Ratchet)
            Optional<Problem.Status> status = gate.problems().get(i).status();
            String line = finding.code() + status.map(s -> " [" + s.name().toLowerCase(Locale.ROOT) + "]").orElse("")
                    + ": " + logLine(finding);
            if (finding.severity() == Severity.ERROR && status.map(s -> s == Problem.Status.NEW).orElse(true)) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        gate.problems().stream().filter(p -> p.status().equals(Optional.of(Problem.Status.FIXED)))
                .forEach(p -> getLog().info("Fraise check: fixed " + p.code() + ": " + p.path()));
        if (!written.isEmpty()) {
            getLog().info("Fraise check: reports " + written.stream().map(p -> relative(projectDir, p)).toList());
        }
    }
}
