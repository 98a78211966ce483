package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.migrate.Migrator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The migration goals: they run the project's migrations, Confiture-compatibly (same tracking table, checksums
 * and advisory lock), on a real database, {@code databaseUrl} or the config's {@code database_url}.
 */
abstract class AbstractMigrationMojo extends AbstractFraiseMojo {

    /** The user property naming the database to migrate. */
    static final String DATABASE_URL_PROPERTY = "fraise.databaseUrl";

    /**
     * The database to migrate: {@code postgresql://user:password@host:port/database} or a
     * {@code jdbc:postgresql://} URL; else the user property {@code fraise.databaseUrl}; by default the
     * environment's {@code database_url}. A password here or in the property is printed by {@code mvn -X} or
     * test reports: keep it in an environment variable the config reads ({@code database_url: ${DATABASE_URL}}).
     */
    @Parameter
    String databaseUrl;

    @Override
    final void run(FraiseSettings settings) throws MojoExecutionException, MojoFailureException {
        ProjectConfig config = projectConfig(settings);
        Optional<String> explicit = urlParameter(databaseUrl, "databaseUrl", DATABASE_URL_PROPERTY,
                "database_url: ${DATABASE_URL} in the config, with the URL in that environment variable,");
        String url = explicit.or(config::databaseUrl)
                .orElseThrow(() -> new FraiseException(ErrorCode.MIGRATION_DATABASE_MISSING, "no database to migrate:"
                        + " set databaseUrl (-Dfraise.databaseUrl) or database_url in the " + config.environment()
                        + " environment"));
        TargetDatabase target = TargetDatabase.parse(url, explicit.isPresent()
                ? parameter("databaseUrl", DATABASE_URL_PROPERTY)
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
