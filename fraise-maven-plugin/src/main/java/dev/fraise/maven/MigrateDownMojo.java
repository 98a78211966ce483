package dev.fraise.maven;

import dev.fraise.migrate.MigrationRun;
import dev.fraise.migrate.Migrator;
import java.sql.Connection;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rolls back the {@code steps} most recently applied migrations on the target database, newest first, each with
 * its {@code .down.sql} and the removal of its tracking row in one transaction. Nothing is rolled back when one
 * of them has no {@code .down.sql} ({@code MIGRATION_DOWN_MISSING}).
 */
@Mojo(name = "migrate-down", threadSafe = true, requiresProject = false)
public class MigrateDownMojo extends AbstractMigrationMojo {

    /** How many migrations to roll back. */
    @Parameter(property = "fraise.steps", defaultValue = "1")
    int steps;

    @Override
    void migrate(Migrator migrator, Connection connection, String database) {
        if (steps < 1) {
            throw invalidParameter("steps", steps, "1 or more");
        }
        MigrationRun run = migrator.down(connection, steps);
        getLog().info("Fraise migrate-down: " + (run.migrations().isEmpty() ? "nothing to roll back"
                : "rolled back " + run.migrations().size() + " migration(s) " + run.versions()) + " on " + database
                + " in " + run.elapsed().toMillis() + " ms");
    }
}
