package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.build.BuildResult;
import dev.fraise.build.SchemaPlan;
import dev.fraise.config.ProjectConfig;
import dev.fraise.database.TemplatePool;
import dev.fraise.database.TemplateRecipe;
import dev.fraise.migrate.BuildWithMigrations;
import dev.fraise.migrate.MigrationRun;
import dev.fraise.postgres.PostgresServer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Builds the project's database from its Confiture schema directories on a disposable PostgreSQL (the
 * embedded default unless configured), in one transaction, and reports files, statements and time. With
 * {@code migrations}, the migrations are recorded as applied without running (the schema files build what they
 * create, as after {@code confiture migrate baseline}), or, in a project without schema files, run before the
 * seeds; the OK line names them (only when there are some). Fails with the {@code BUILD_*} code, file and line
 * when a statement does not run. Nothing is left behind.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class BuildMojo extends AbstractFraiseMojo {

    @Override
    void run(FraiseSettings settings) {
        ProjectConfig config = projectConfig(settings);
        Build build = build(config, settings);
        SchemaPlan plan = build.plan();
        getLog().info("Fraise build: " + plan.files().size() + " files from " + config.source()
                .map(s -> config.projectDir().relativize(s).toString()).orElseGet(() -> noConfigRule(config))
                + ", schema hash " + plan.hash().substring(0, 12));
        Optional<BuildWithMigrations.Mode> mode = build.migrations().map(BuildWithMigrations::mode);
        if (mode.equals(Optional.of(BuildWithMigrations.Mode.MIGRATE))) {
            getLog().info("Fraise build: no schema files: the migrations of " + relative(config.projectDir(),
                    config.migrationsDir()) + " build the database, before the files");
        }
        long start = System.nanoTime();
        AtomicReference<MigrationRun> run = new AtomicReference<>();
        TemplateRecipe recipe = recipe(build, run::set);
        try (PostgresServer server = startServer(settings, recipe);
             TemplatePool pool = buildDatabase(server, recipe, settings)) {
            BuildResult result = pool.buildResult();
            if (pool.reused()) {
                getLog().info("Fraise build: OK on " + server.description() + ": the database built earlier from the"
                        + " same files" + (mode.isPresent() ? " and migrations" : "") + " (" + result.files()
                        + " files, " + result.statements() + " statements, built in " + result.elapsed().toMillis()
                        + " ms) was reused from its snapshot; -Dfraise.embedded.snapshots=false builds it again");
            } else {
                getLog().info("Fraise build: OK on " + server.description() + ": " + result.files() + " files, "
                        + result.statements() + " statements in " + result.elapsed().toMillis() + " ms"
                        + migrated(mode, run.get()));
            }
        }
        getLog().info("Fraise build: done in " + (System.nanoTime() - start) / 1_000_000 + " ms (server start,"
                + " build and stop)");
    }

    /** What the migrations did, for the OK line; empty when none was run or recorded. */
    private static String migrated(Optional<BuildWithMigrations.Mode> mode, MigrationRun run) {
        if (run == null || run.migrations().isEmpty()) {
            return "";
        }
        List<String> versions = run.versions();
        return mode.orElseThrow() == BuildWithMigrations.Mode.MIGRATE
                ? ", " + versions.size() + " migration(s) applied " + versions
                : ", " + versions.size() + " migration(s) recorded as applied without running " + versions
                        + " (the schema files build the database, as after confiture migrate baseline)";
    }

    /** Which no-config rule chose the schema root: {@code db/schema}, or the one {@code db/<digits>_schema}. */
    private static String noConfigRule(ProjectConfig config) {
        String root = relative(config.projectDir(), config.includeDirs().get(0).path());
        return root.equals("db/schema") ? "db/schema (no config)"
                : root + " (no config, no db/schema: the only db/<digits>_schema directory)";
    }
}
