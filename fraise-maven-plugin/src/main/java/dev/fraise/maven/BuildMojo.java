package dev.fraise.maven;

import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.build.BuildResult;
import dev.fraise.build.SchemaPlan;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.database.TemplatePool;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Builds the project's database from its Confiture schema directories on a disposable PostgreSQL (the
 * embedded default unless configured), in one transaction, and reports files, statements and time. Fails
 * with the {@code BUILD_*} code, file and line when a statement does not run. Nothing is left behind.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class BuildMojo extends AbstractFraiseMojo {

    @Override
    void run(FraiseSettings settings) {
        ProjectConfig config = Fraise.loadConfig(settings);
        config.warnings().forEach(w -> getLog().warn(w.toString()));
        SchemaPlan plan = SchemaPlanner.plan(config, settings.seeds());
        getLog().info("Fraise build: " + plan.files().size() + " files from " + config.source()
                .map(s -> config.projectDir().relativize(s).toString()).orElse("db/schema (no config)")
                + ", schema hash " + plan.hash().substring(0, 12));
        try (PostgresServer server = PostgresServers.start(settings.server());
             TemplatePool pool = TemplatePool.create(server, plan, settings.pool().withPrefetch(0), c -> { })) {
            BuildResult result = pool.buildResult();
            getLog().info("Fraise build: OK on " + server.description() + ": " + result.files() + " files, "
                    + result.statements() + " statements in " + result.elapsed().toMillis() + " ms");
        }
    }
}
