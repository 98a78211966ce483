package dev.fraise.maven;

import dev.fraise.migrate.MigrationIssue;
import dev.fraise.migrate.MigrationStatus;
import dev.fraise.migrate.Migrator;
import java.sql.Connection;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Logs every migration's state on the target database (applied, pending, checksum mismatch, file missing), reading
 * only, and validates: an applied migration whose file was edited ({@code MIGRATION_CHECKSUM_MISMATCH}) or deleted
 * ({@code MIGRATION_FILE_MISSING}) fails the build, as does a pending one with {@code failOnPending}.
 */
@Mojo(name = "status", threadSafe = true, requiresProject = false)
public class StatusMojo extends AbstractMigrationMojo {

    /** Whether pending migrations fail the build too (a deployment check: the database is up to date). */
    @Parameter(property = "fraise.failOnPending", defaultValue = "false")
    boolean failOnPending;

    @Override
    void migrate(Migrator migrator, Connection connection, String database) throws MojoFailureException {
        migrator.migrations().warnings().forEach(w -> getLog().warn(w.toString()));
        MigrationStatus status = migrator.status(connection);
        for (MigrationStatus.Entry entry : status.entries()) {
            getLog().info(String.format("  %-17s %s_%s%s", entry.state(), entry.version(), entry.name(),
                    entry.applied().map(a -> " (applied " + a.appliedAt() + ")").orElse("")));
        }
        List<String> pending = status.versions(MigrationStatus.State.PENDING);
        getLog().info("Fraise status: " + database + " (" + migrator.trackingTable() + "): "
                + status.versions(MigrationStatus.State.APPLIED).size() + " applied, " + pending.size() + " pending, "
                + status.versions(MigrationStatus.State.CHECKSUM_MISMATCH).size() + " checksum mismatch(es), "
                + status.versions(MigrationStatus.State.MISSING_FILE).size() + " missing file(s)");
        List<MigrationIssue> issues = migrator.validate(connection);
        issues.forEach(issue -> getLog().error(issue.toString()));
        if (!issues.isEmpty()) {
            throw new MojoFailureException("Fraise status: " + issues.size() + " applied migration(s) no longer"
                    + " match their files: " + issues.get(0));
        }
        if (failOnPending && !pending.isEmpty()) {
            throw new MojoFailureException("Fraise status: " + pending.size() + " pending migration(s) " + pending);
        }
    }
}
