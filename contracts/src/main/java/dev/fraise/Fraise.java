package dev.fraise;

import dev.fraise.build.SchemaPlan;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ConfigWarning;
import dev.fraise.config.ConfigWarnings;
import dev.fraise.config.IncludeDir;
import dev.fraise.config.ProjectConfig;
import dev.fraise.config.ProjectConfigLoader;
import dev.fraise.database.PoolOptions;
import dev.fraise.database.TemplatePool;
import dev.fraise.database.TemplateRecipe;
import dev.fraise.migrate.BuildWithMigrations;
import dev.fraise.migrate.Migrator;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.SharedValues;
import dev.fraise.source.SourceFinder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Entry point: from {@link FraiseSettings} to a {@link TemplatePool} of disposable databases. Pools are shared
 * per JVM: every caller with the same server, schema content and pool options gets the same template, built
 * once; a schema that fails to build fails callers with the same error for {@link SharedValues#FAILURE_MEMORY}
 * without rebuilding, and is built again by the next caller after that.
 *
 * <pre>{@code
 * TemplatePool pool = Fraise.sharedPool(FraiseSettings.forProject(Path.of(".")));
 * try (Database db = pool.acquire()) {
 *     db.execute("SELECT fn_create_user('{}')");
 * }
 * }</pre>
 */
public final class Fraise {

    private static final SharedValues<PoolKey, TemplatePool> POOLS = new SharedValues<>();

    private Fraise() {
    }

    /**
     * Loads the project's Confiture configuration, with {@code schemaDirs} applied. Its warnings
     * ({@code CONFIG_UNKNOWN_KEY: file:line: ...}) are logged at WARN, each once per JVM; they stay in
     * {@link ProjectConfig#warnings()}.
     */
    public static ProjectConfig loadConfig(FraiseSettings settings) {
        return loadConfig(settings, ConfigWarnings::log);
    }

    /**
     * Loads the project's Confiture configuration, with {@code schemaDirs} applied, handing each warning not
     * reported before in this JVM to {@code warnings} instead of the log (for a caller with a log of its own).
     */
    public static ProjectConfig loadConfig(FraiseSettings settings, Consumer<ConfigWarning> warnings) {
        ProjectConfig config = ProjectConfigLoader.load(settings.projectDir(), settings.environment(),
                settings.configFile().orElse(null), System.getenv());
        ConfigWarnings.report(config, warnings);
        if (settings.schemaDirs().isEmpty()) {
            return config;
        }
        List<IncludeDir> dirs = settings.schemaDirs().stream()
                .map(d -> IncludeDir.required(config.projectDir().resolve(d).normalize()))
                .toList();
        return config.withIncludeDirs(dirs);
    }

    /**
     * The ordered schema files of the project and their hash. Config warnings are logged as by
     * {@link #loadConfig(FraiseSettings)}.
     */
    public static SchemaPlan plan(FraiseSettings settings) {
        return SchemaPlanner.plan(loadConfig(settings), settings.seeds());
    }

    /**
     * The project's schema files (not its seeds) in build order, as the contract checker locates projection findings
     * in them: {@code ContractOptions.withSqlSources(Fraise.sqlSources(settings))}.
     */
    public static List<SourceFinder.Source> sqlSources(FraiseSettings settings) {
        return plan(settings).files().stream().filter(f -> !f.seed())
                .map(f -> new SourceFinder.Source(f.path(), f.displayPath())).toList();
    }

    /**
     * The project's migrations ({@code db/migrations} or {@code migrations_dir}) and tracking table.
     *
     * @throws dev.fraise.error.FraiseException a {@code MIGRATION_*} code, e.g. {@code MIGRATION_DIR_MISSING}
     */
    public static Migrator migrator(FraiseSettings settings) {
        return Migrator.forProject(loadConfig(settings));
    }

    /**
     * The JVM-wide pool for {@code settings}: starts the shared server if needed and builds the template on
     * first use. With {@link FraiseSettings#migrations()}, the template is built by Confiture's rule
     * ({@link BuildWithMigrations}): from the schema files, with every migration recorded as applied without
     * running, or, when the project has no schema file, by its migrations (then its seeds); every clone carries
     * the tracking table. Pools are closed (clones and template dropped) before the server stops at JVM exit.
     * Config warnings are logged as by {@link #loadConfig(FraiseSettings)}.
     *
     * @throws dev.fraise.error.FraiseException e.g. {@code SETTING_INVALID} for a {@code fraise.provider} or
     *                                          {@code fraise.postgres.major} system property Fraise does not accept
     */
    public static TemplatePool sharedPool(FraiseSettings settings) {
        ProjectConfig config = loadConfig(settings);
        BuildWithMigrations migrated = settings.migrations()
                ? BuildWithMigrations.plan(config, settings.seeds(), Migrator.forProject(config)) : null;
        SchemaPlan plan = migrated == null ? SchemaPlanner.plan(config, settings.seeds()) : migrated.plan();
        TemplateRecipe recipe = migrated == null ? TemplateRecipe.of(plan)
                : new TemplateRecipe(plan, migrated::beforeFiles, migrated::afterFiles,
                        Optional.of("migrations " + migrated.fingerprint()));
        PostgresServer server = PostgresServers.shared(
                settings.server().withDefaultsFrom(systemProperties(), System.getenv()), recipe.templateBuild());
        PoolKey key = new PoolKey(server, plan.hash(), migrated == null ? "" : migrated.fingerprint(),
                settings.pool());
        return POOLS.get(key, () -> {
            TemplatePool pool = TemplatePool.create(server, recipe, settings.pool());
            PostgresServers.closeBeforeStop(server, pool);
            return pool;
        });
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> result = new HashMap<>();
        System.getProperties().forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
        return result;
    }

    private record PoolKey(PostgresServer server, String schemaHash, String migrations, PoolOptions options) {
    }
}
