package dev.fraise.maven;

import dev.fraise.migrate.MigrationRun;
import dev.fraise.migrate.Migrator;
import java.sql.Connection;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Marks every migration up to and including {@code target} as applied on the target database without running
 * it, for a database built some other way (from the schema files, say), as {@code confiture migrate baseline}
 * does. Migrations already applied are left alone.
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = false)
public class BaselineMojo extends AbstractMigrationMojo {

    /** The last version to mark as applied ({@code 003}). */
    @Parameter(property = "fraise.target", required = true)
    String target;

    @Override
    void migrate(Migrator migrator, Connection connection, String database) {
        MigrationRun run = migrator.baseline(connection, target.trim());
        getLog().info("Fraise baseline: " + (run.migrations().isEmpty() ? "nothing to mark"
                : "marked " + run.migrations().size() + " migration(s) " + run.versions() + " as applied") + " on "
                + database);
    }
}
