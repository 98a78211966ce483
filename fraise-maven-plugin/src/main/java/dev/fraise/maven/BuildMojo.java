package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.build.BuildResult;
import dev.fraise.build.SchemaPlan;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.database.TemplatePool;
import dev.fraise.migrate.MigrationRun;
import dev.fraise.postgres.PostgresServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Builds the project's database from its Confiture schema directories on a disposable PostgreSQL (the
 * embedded default unless configured), in one transaction, then applies the pending migrations when
 * {@code migrations} is set, and reports files, statements, time and the migrations applied (only when some
 * were). Fails with the {@code BUILD_*} code, file and line when a statement does not run. Nothing is left behind.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class BuildMojo extends AbstractFraiseMojo {

    @Override
    void run(FraiseSettings settings) {
        ProjectConfig config = projectConfig(settings);
        SchemaPlan plan = SchemaPlanner.plan(config, settings.seeds());
        getLog().info("Fraise build: " + plan.files().size() + " files from " + config.source()
                .map(s -> config.projectDir().relativize(s).toString()).orElseGet(() -> noConfigRule(config))
                + ", schema hash " + plan.hash().substring(0, 12));
        long start = System.nanoTime();
        AtomicReference<MigrationRun> run = new AtomicReference<>();
        try (PostgresServer server = startServer(settings);
             TemplatePool pool = buildDatabase(server, config, settings, run::set)) {
            BuildResult result = pool.buildResult();
            List<String> applied = run.get() == null ? List.of() : run.get().versions();
            getLog().info("Fraise build: OK on " + server.description() + ": " + result.files() + " files, "
                    + result.statements() + " statements in " + result.elapsed().toMillis() + " ms"
                    + (applied.isEmpty() ? "" : ", " + applied.size() + " migration(s) applied " + applied));
        }
        getLog().info("Fraise build: done in " + (System.nanoTime() - start) / 1_000_000 + " ms (server start,"
                + " build and stop)");
    }

    /** Which no-config rule chose the schema root: {@code db/schema}, or the one {@code db/<digits>_schema}. */
    private static String noConfigRule(ProjectConfig config) {
        String root = relative(config.projectDir(), config.includeDirs().get(0).path());
        return root.equals("db/schema") ? "db/schema (no config)"
                : root + " (no config, no db/schema: the only db/<digits>_schema directory)";
    }
}
