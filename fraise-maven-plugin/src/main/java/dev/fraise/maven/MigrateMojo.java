package dev.fraise.maven;

import dev.fraise.migrate.MigrationRun;
import dev.fraise.migrate.Migrator;
import java.sql.Connection;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Applies the pending migrations to the target database ({@code databaseUrl}, else the environment's
 * {@code database_url}), in version order, each in its own transaction with its tracking row, as
 * {@code confiture migrate up} does; up to and including {@code target} when set. Refuses to run when an applied
 * migration was edited ({@code MIGRATION_CHECKSUM_MISMATCH}).
 */
@Mojo(name = "migrate", threadSafe = true, requiresProject = false)
public class MigrateMojo extends AbstractMigrationMojo {

    /** The last version to apply ({@code 003}); empty for every pending migration. */
    @Parameter(property = "fraise.target")
    String target;

    @Override
    void migrate(Migrator migrator, Connection connection, String database) {
        MigrationRun run = target == null || target.isBlank() ? migrator.up(connection)
                : migrator.up(connection, target.trim());
        getLog().info("Fraise migrate: " + (run.migrations().isEmpty() ? "nothing to apply"
                : "applied " + run.migrations().size() + " migration(s) " + run.versions()) + " on " + database
                + " in " + run.elapsed().toMillis() + " ms");
    }
}
