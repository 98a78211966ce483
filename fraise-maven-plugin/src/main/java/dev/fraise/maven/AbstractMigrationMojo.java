package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.migrate.Migrator;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The migration goals: they run the project's migrations, Confiture-compatibly (same tracking table, checksums
 * and advisory lock), on a real database, {@code databaseUrl} or the config's {@code database_url}.
 */
abstract class AbstractMigrationMojo extends AbstractFraiseMojo {

    /**
     * The database to migrate: {@code postgresql://user:password@host:port/database} or a
     * {@code jdbc:postgresql://} URL; by default the environment's {@code database_url}.
     */
    @Parameter(property = "fraise.databaseUrl")
    String databaseUrl;

    @Override
    final void run(FraiseSettings settings) throws MojoExecutionException, MojoFailureException {
        ProjectConfig config = projectConfig(settings);
        boolean explicit = databaseUrl != null && !databaseUrl.isBlank();
        String url = explicit ? databaseUrl : config.databaseUrl()
                .orElseThrow(() -> new FraiseException(ErrorCode.MIGRATION_DATABASE_MISSING, "no database to migrate:"
                        + " set databaseUrl (-Dfraise.databaseUrl) or database_url in the " + config.environment()
                        + " environment"));
        TargetDatabase target = TargetDatabase.parse(url, explicit ? parameter("databaseUrl", "fraise.databaseUrl")
                : "database_url of the " + config.environment() + " environment");
        Migrator migrator = Migrator.forProject(config);
        try (Connection connection = target.connect()) {
            migrate(migrator, connection, target.shown());
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.SERVER_UNREACHABLE, "the connection to " + target.shown()
                    + " failed: " + e.getMessage(), null, e);
        }
    }

    /** The goal's work on the target database. */
    abstract void migrate(Migrator migrator, Connection connection, String target)
            throws MojoExecutionException, MojoFailureException;
}
