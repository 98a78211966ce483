package dev.fraise.maven;

import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.build.SchemaPlan;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.database.TemplatePool;
import dev.fraise.database.TemplateRecipe;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.InvalidSetting;
import dev.fraise.migrate.BuildWithMigrations;
import dev.fraise.migrate.MigrationRun;
import dev.fraise.migrate.MigrationSet;
import dev.fraise.migrate.Migrator;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.PostgresUrl;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import dev.fraise.report.ReportDirectory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Parameters and error handling shared by all Fraise goals. Each goal implements {@link #run(FraiseSettings)}.
 * Tool errors (PostgreSQL cannot start, bad configuration, a schema that does not build) become
 * {@link MojoExecutionException}s whose message is the Fraise code, location and message.
 */
abstract class AbstractFraiseMojo extends AbstractMojo {

    /** The project directory holding {@code db/}. */
    @Parameter(property = "fraise.projectDir", defaultValue = "${project.basedir}")
    File projectDir;

    /** The Confiture environment ({@code db/environments/<env>.yaml}). */
    @Parameter(property = "fraise.env", defaultValue = "local")
    String env;

    /** An explicit config file; by default {@code db/environments/<env>.yaml} or {@code confiture.yaml}. */
    @Parameter(property = "fraise.config")
    File config;

    /** Schema directories that replace the config's {@code include_dirs}. */
    @Parameter(property = "fraise.schemaDirs")
    List<String> schemaDirs;

    /** The migrations directory; by default the config's {@code migrations_dir}, else {@code db/migrations}. */
    @Parameter(property = "fraise.migrationsDir")
    File migrationsDir;

    /** Whether seed files are loaded. */
    @Parameter(property = "fraise.seeds", defaultValue = "false")
    boolean seeds;

    /**
     * Whether the disposable database carries the migrations (goals that build one: {@code build}, {@code shape},
     * {@code check}), by Confiture's rule: a project with schema files is built from them and every migration is
     * recorded as applied in the tracking table without running ({@code confiture migrate baseline}), so the
     * database is the DDL's; a project without schema files is built by running its migrations
     * ({@code confiture migrate up}), then its seeds. That the DDL and the migrations agree is {@code drift}'s gate.
     */
    @Parameter(property = "fraise.migrations", defaultValue = "false")
    boolean migrations;

    /**
     * Where the disposable PostgreSQL comes from: {@code auto} (default: {@code server} when a server URL is set,
     * else {@code testcontainers} when it is on the classpath and Docker answers, else {@code embedded}),
     * {@code server}, {@code testcontainers} or {@code embedded}.
     */
    @Parameter(property = "fraise.provider", defaultValue = "auto")
    String provider;

    /** PostgreSQL major version (14–18); empty for the provider's default (17 for {@code embedded}). */
    @Parameter(property = "fraise.postgres.major")
    String postgresMajor;

    /**
     * A server on which disposable databases are created ({@code postgresql://user:pw@host:port/db} or a JDBC
     * URL; the role needs CREATEDB); else the user property {@code fraise.server.url}; by default the
     * {@code FRAISE_DATABASE_URL} environment variable, the one place for a password: {@code mvn -X} prints
     * parameters and test reports list user properties.
     */
    @Parameter
    String serverUrl;

    /**
     * Whether a gate ({@code check}, {@code drift}, {@code diff}) that finds problems logs them and leaves failing
     * the build to the {@code report} goal, so that every gate of the build runs and the combined report
     * ({@code pr-comment.md}, {@code fraise.sarif}, {@code TEST-fraise.xml}) covers them all.
     */
    @Parameter(property = DEFER_FAILURE, defaultValue = "false")
    boolean deferFailure;

    /** This goal's execution: its goal name, and whether it was invoked directly or by a lifecycle phase. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    /** The phases and goals the command line asked for when set directly (tests); else {@link #session}'s. */
    List<String> invokedGoals;

    /**
     * The build session: its {@code -e} keeps the causes of a failure, its start time stamps the gates' reports (so
     * that the combined report merges this build's only), and its user properties ({@code -D}) are read from it.
     * Injected as the session, whose string form shows none of them: {@code mvn -X} prints every injected value, a
     * password in {@code -Dfraise.server.url} too.
     */
    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    private static final String DEFER_FAILURE = "fraise.deferFailure";

    /** The migrations directory when neither the POM nor the config names one. */
    private static final String DEFAULT_MIGRATIONS = "db/migrations";

    /** Stamps the reports when there is no session (a goal run outside Maven). */
    private static final String JVM_BUILD = "jvm-" + UUID.randomUUID();

    /** The user properties when set directly (tests); else {@link #session}'s. */
    Properties userProperties;

    /** Skips every Fraise goal. */
    @Parameter(property = "fraise.skip", defaultValue = "false")
    boolean skip;

    /** The project's build plugins, whose Surefire must run JUnit 5 tests ({@link SurefireCheck}). */
    @Parameter(defaultValue = "${project.build.plugins}", readonly = true)
    List<Plugin> buildPlugins;

    /** The project's declared dependencies: whether it has JUnit 5 tests. */
    @Parameter(defaultValue = "${project.dependencies}", readonly = true)
    List<Dependency> dependencies;

    /** The project's POM, the location of a Surefire that cannot run its tests. */
    @Parameter(defaultValue = "${project.file}", readonly = true)
    File pomFile;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Fraise skipped (fraise.skip)");
            return;
        }
        EmbeddedPostgresLogging.quietUnlessConfigured();
        try {
            clearPreviousReports();
            surefireCheck().requireJUnit5Runs(getLog()::warn);
            run(settings());
        } catch (FraiseException e) {
            throw failure(e);
        } catch (IllegalArgumentException e) {
            throw failure(new FraiseException(ErrorCode.SETTING_INVALID, "invalid Fraise parameter: "
                    + e.getMessage(), null, e));
        }
    }

    /**
     * A Fraise failure as the one line Fraise wrote. Maven appends the message of every cause to the one it prints,
     * so the underlying error (a JDBC or JSON parser message, already summarised in the line) stays attached only
     * when causes are asked for: {@code -e}, {@code -X} or {@code -Dfraise.debug=true}.
     */
    private MojoExecutionException failure(FraiseException e) {
        FraiseException cause = showCauses() || e.getCause() == null ? e
                : new FraiseException(e.code(), e.detail(), e.location().orElse(null));
        return new MojoExecutionException(e.getMessage(), cause);
    }

    private boolean showCauses() {
        return getLog().isDebugEnabled() || FraiseException.debug()
                || session != null && session.getRequest() != null && session.getRequest().isShowErrors();
    }

    SurefireCheck surefireCheck() {
        Path pom = pomFile == null ? Path.of("pom.xml") : Path.of(relative(projectDir.toPath(), pomFile.toPath()));
        return SurefireCheck.of(buildPlugins, dependencies, pom);
    }

    /**
     * Deletes the reports this goal wrote in an earlier run, before anything can fail, so that a run that fails with
     * a tool error (a bad parameter or config, a schema that does not build) leaves none a CI step could publish as
     * its own. Gates override it; other goals report nothing.
     *
     * @throws FraiseException {@code REPORT_WRITE_FAILED}
     */
    void clearPreviousReports() {
    }

    /** The goal's work. */
    abstract void run(FraiseSettings settings) throws MojoExecutionException, MojoFailureException;

    FraiseSettings settings() {
        Path root = projectDir.toPath().toAbsolutePath().normalize();
        ServerSettings server = new ServerSettings(
                ProviderKind.parse(provider, parameter("provider", ServerSettings.PROVIDER_PROPERTY)),
                urlParameter(serverUrl, "serverUrl", ServerSettings.URL_PROPERTY,
                        "the " + ServerSettings.URL_VARIABLE + " environment variable"),
                postgresMajor == null || postgresMajor.isBlank() ? OptionalInt.empty()
                        : OptionalInt.of(ServerSettings.parseMajor(postgresMajor,
                                parameter("postgresMajor", ServerSettings.MAJOR_PROPERTY))))
                .withDefaultsFrom(Map.of(), System.getenv());
        FraiseSettings settings = FraiseSettings.forProject(root)
                .withEnvironment(env)
                .withSeeds(seeds)
                .withServer(server)
                .withSchemaDirs(schemaDirs == null ? List.of() : schemaDirs.stream().map(Path::of).toList());
        return config == null ? settings : settings.withConfigFile(config.toPath());
    }

    /**
     * The project's configuration with {@link #migrationsDir} applied. Its warnings go to the Maven log, each once
     * per build JVM (the engine does not log them again).
     */
    ProjectConfig projectConfig(FraiseSettings settings) {
        ProjectConfig loaded = Fraise.loadConfig(settings, w -> getLog().warn(w.toString()));
        if (migrationsDir == null) {
            return loaded;
        }
        return new ProjectConfig(loaded.projectDir(), loaded.environment(), loaded.source(), loaded.databaseUrl(),
                loaded.includeDirs(), loaded.excludeDirs(), loaded.sortMode(), loaded.twoPass(), loaded.trackingTable(),
                loaded.projectDir().resolve(migrationsDir.toPath()).normalize(), loaded.warnings());
    }

    /** Starts the disposable server the settings ask for; the caller closes it. */
    static PostgresServer startServer(FraiseSettings settings) {
        return PostgresServers.start(settings.server());
    }

    /**
     * What a goal builds: the plan's files and, when {@link #migrations} is set, how the migrations join them
     * ({@link BuildWithMigrations}: recorded as applied over the schema files, or run when there is none).
     *
     * @param plan       the files the build runs
     * @param migrations the migrations' part, when {@link #migrations} is set
     */
    record Build(SchemaPlan plan, Optional<BuildWithMigrations> migrations) {
    }

    /** The build of {@code config}: the schema files (and seeds when {@link #seeds}), with the migrations. */
    Build build(ProjectConfig config, FraiseSettings settings) {
        if (!migrations) {
            return new Build(SchemaPlanner.plan(config, settings.seeds()), Optional.empty());
        }
        BuildWithMigrations migrated = BuildWithMigrations.plan(config, settings.seeds(), migrator(config));
        return new Build(migrated.plan(), Optional.of(migrated));
    }

    /**
     * The project's migrator. A default migrations directory that does not exist holds no migrations, as for
     * {@code drift}: git keeps no empty directory, so a fresh clone of a project without migrations has none. A
     * directory the user named ({@link #migrationsDir}, the config's {@code migrations_dir}) must exist
     * ({@code MIGRATION_DIR_MISSING}).
     */
    private Migrator migrator(ProjectConfig config) {
        Path dir = config.migrationsDir();
        boolean named = migrationsDir != null
                || !dir.normalize().equals(config.projectDir().resolve(DEFAULT_MIGRATIONS).normalize());
        if (named || Files.exists(dir)) {
            return Migrator.forProject(config);
        }
        getLog().info("Fraise: no " + DEFAULT_MIGRATIONS + " directory: no migrations");
        return Migrator.of(new MigrationSet(dir, List.of(), List.of(), config.projectDir()), config.trackingTable());
    }

    /**
     * What the project's template is built from: {@code build}'s files, with its migrations' work before and after
     * them, handing what the migrations did (run, or recorded as applied) to {@code migrated}. The migrations'
     * ids and checksums name that work, so that an embedded server keeps the template for the next goal, the
     * Surefire fork and the next build ({@link TemplateRecipe#keptName()}).
     */
    static TemplateRecipe recipe(Build build, Consumer<MigrationRun> migrated) {
        if (build.migrations().isEmpty()) {
            return TemplateRecipe.of(build.plan());
        }
        BuildWithMigrations m = build.migrations().get();
        return new TemplateRecipe(build.plan(), c -> m.beforeFiles(c).ifPresent(migrated),
                c -> m.afterFiles(c).ifPresent(migrated), Optional.of("migrations " + m.fingerprint()));
    }

    /** The template of {@code config} as {@link #build} and {@link #recipe} make it, ignoring what migrations did. */
    TemplateRecipe recipe(ProjectConfig config, FraiseSettings settings) {
        return recipe(build(config, settings), run -> { });
    }

    /**
     * Starts the disposable server the settings ask for, holding {@code recipe}'s template: an embedded server
     * starts from the snapshot that holds it, when an earlier goal or build left one, else builds it and leaves
     * one. The caller closes it.
     */
    static PostgresServer startServer(FraiseSettings settings, TemplateRecipe recipe) {
        return PostgresServers.start(settings.server(), recipe.templateBuild());
    }

    /**
     * The pool of {@code recipe}'s template on {@code server}: built now, or reused where the server keeps it. A goal
     * takes one clone at most and closes the pool after it, so nothing is prefetched or recycled.
     */
    static TemplatePool buildDatabase(PostgresServer server, TemplateRecipe recipe, FraiseSettings settings) {
        return TemplatePool.create(server, recipe, settings.pool().withPrefetch(0).withRecycling(false));
    }

    /** The report directory {@code dir} of this build ({@link #session}'s start time). */
    ReportDirectory reports(File dir) {
        return ReportDirectory.of(dir.toPath(), buildId());
    }

    /** What tells this build from others: its session's start time. */
    String buildId() {
        return session == null || session.getRequest() == null || session.getRequest().getStartTime() == null
                ? JVM_BUILD : String.valueOf(session.getRequest().getStartTime().getTime());
    }

    /**
     * A gate's failure: thrown, or with {@link #deferFailure} logged for the {@code report} goal to fail the build.
     * The failure is thrown anyway when {@code -Dfraise.deferFailure=false} is given (which a POM value would
     * otherwise beat) or when {@code report} does not run after this goal: deferring to it would let the build pass.
     */
    void fail(String message) throws MojoFailureException {
        if (!deferFailure || "false".equals(userProperties().getProperty(DEFER_FAILURE))) {
            throw new MojoFailureException(message);
        }
        if (!reportRunsLater()) {
            getLog().warn("Fraise: deferFailure ignored: fraise:report does not run after fraise:"
                    + mojoExecution.getGoal() + " in this build");
            throw new MojoFailureException(message);
        }
        getLog().error(message + " (deferred to fraise:report: " + DEFER_FAILURE + ")");
    }

    /**
     * Whether the {@code report} goal runs after this one in this build ({@link ReportSchedule}); true when that
     * cannot be known (a goal run outside Maven).
     */
    private boolean reportRunsLater() {
        List<String> invoked = invokedGoals != null ? invokedGoals
                : session != null && session.getRequest() != null ? session.getRequest().getGoals() : null;
        if (invoked == null || mojoExecution == null) {
            return true;
        }
        return new ReportSchedule(invoked, buildPlugins).reportRunsAfter(mojoExecution.getGoal(),
                mojoExecution.getSource() == MojoExecution.Source.CLI);
    }

    /** The build's user properties ({@code -D}); empty when there is no session. */
    Properties userProperties() {
        if (userProperties == null) {
            userProperties = session == null ? new Properties() : session.getUserProperties();
        }
        return userProperties;
    }

    /**
     * A URL parameter: the POM's value, else the user property; parsed, so that a malformed URL fails naming the
     * parameter, and warned about (once per goal) when it holds a password.
     *
     * @param instead where the URL with its password belongs, for the warning
     */
    Optional<String> urlParameter(String configured, String name, String property, String instead) {
        String url = configured != null && !configured.isBlank() ? configured : userProperties().getProperty(property);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String setting = parameter(name, property);
        PostgresUrl.parse(url, setting).exposedPasswordWarning(setting, instead).ifPresent(getLog()::warn);
        return Optional.of(url);
    }

    /** How a parameter is named in errors: {@code plugin parameter provider (fraise.provider)}. */
    static String parameter(String name, String property) {
        return "plugin parameter " + name + " (" + property + ")";
    }

    /**
     * The {@code SETTING_INVALID} failure of a parameter whose user property is {@code fraise.<name>}.
     *
     * @param accepted the accepted values, e.g. {@code error, warning}
     */
    static FraiseException invalidParameter(String name, Object value, String accepted) {
        return InvalidSetting.of(parameter(name, "fraise." + name), value, accepted);
    }

    /** A project-relative path for messages, with forward slashes. */
    static String relative(Path projectDir, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = projectDir.toAbsolutePath().normalize();
        return (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}
