package dev.fraise.migrate;

import dev.fraise.build.SchemaPlan;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.IncludeDir;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a disposable database is built when its migrations are on, by Confiture's rule for a database that already
 * has the schema ({@code confiture build}, then {@code confiture migrate baseline}):
 *
 * <ul>
 *   <li>{@link Mode#BASELINE}, when the project has schema files: they build the database (with the seeds, as
 *       every build), then every migration is recorded as applied in the tracking table, with its checksum,
 *       without running it, since the schema files already create what the migrations create. The database is
 *       the DDL's: a migration that re-creates a view with an older definition does not replace the DDL's one.
 *       Whether the DDL and the migrations describe the same schema is the drift gate's question.</li>
 *   <li>{@link Mode#MIGRATE}, when the project has no schema file (only migrations, and perhaps seeds): the
 *       migrations build it, as {@link Migrator#up(Connection)} runs them, and the seed files follow.</li>
 * </ul>
 */
public final class BuildWithMigrations {

    /** Which of the two builds applies. */
    public enum Mode {
        /** The schema files build the database; the migrations are recorded as applied without running. */
        BASELINE,
        /** No schema file: the migrations build the database, the seed files follow. */
        MIGRATE
    }

    private static final Logger LOG = LoggerFactory.getLogger(BuildWithMigrations.class);

    private final SchemaPlan plan;
    private final Migrator migrator;
    private final Mode mode;

    private BuildWithMigrations(SchemaPlan plan, Migrator migrator, Mode mode) {
        this.plan = plan;
        this.migrator = migrator;
        this.mode = mode;
    }

    /**
     * The build of {@code config} with {@code migrator}'s migrations. A project has no schema file when its schema
     * directories are missing or hold only seed files; its migrations then build it.
     *
     * @throws FraiseException the planner's {@code BUILD_*} codes; {@code BUILD_DIR_MISSING} and
     *                         {@code BUILD_NO_FILES} only when there is no migration either
     */
    public static BuildWithMigrations plan(ProjectConfig config, boolean seeds, Migrator migrator) {
        Objects.requireNonNull(migrator, "migrator");
        try {
            SchemaPlan plan = SchemaPlanner.plan(config, seeds);
            if (plan.hasSchemaFiles()) {
                return new BuildWithMigrations(plan, migrator, Mode.BASELINE);
            }
        } catch (FraiseException e) {
            boolean noSchema = e.code() == ErrorCode.BUILD_DIR_MISSING || e.code() == ErrorCode.BUILD_NO_FILES;
            if (!noSchema || migrator.migrations().migrations().isEmpty()) {
                throw e;
            }
        }
        LOG.info("no schema files in {}: the {} migration(s) of {} build the database", config.includeDirs().stream()
                .map(d -> migrator.migrations().display(d.path()).toString()).toList(),
                migrator.migrations().migrations().size(), migrator.migrations().display(config.migrationsDir()));
        return new BuildWithMigrations(seedsOnly(config, seeds), migrator, Mode.MIGRATE);
    }

    /** The seed files of a project without schema files, from the directories that exist. */
    private static SchemaPlan seedsOnly(ProjectConfig config, boolean seeds) {
        if (!seeds) {
            return SchemaPlan.empty(config.projectDir());
        }
        ProjectConfig existing = config.withIncludeDirs(config.includeDirs().stream()
                .map(d -> new IncludeDir(d.path(), d.recursive(), d.include(), d.exclude(), true, d.order()))
                .toList());
        try {
            return SchemaPlanner.plan(existing, true);
        } catch (FraiseException e) {
            if (e.code() != ErrorCode.BUILD_NO_FILES) {
                throw e;
            }
            return SchemaPlan.empty(config.projectDir());
        }
    }

    /** The files the build runs: schema and seeds ({@link Mode#BASELINE}), or only seeds ({@link Mode#MIGRATE}). */
    public SchemaPlan plan() {
        return plan;
    }

    /** Which build applies. */
    public Mode mode() {
        return mode;
    }

    /** The migrations. */
    public Migrator migrator() {
        return migrator;
    }

    /**
     * Runs on the new, empty database before the plan's files: in {@link Mode#MIGRATE}, every migration.
     *
     * @return what ran, or empty in {@link Mode#BASELINE}
     */
    public Optional<MigrationRun> beforeFiles(Connection connection) {
        return mode == Mode.MIGRATE ? Optional.of(migrator.up(connection)) : Optional.empty();
    }

    /**
     * Runs on the database after the plan's files: in {@link Mode#BASELINE}, records every migration as applied.
     *
     * @return the migrations recorded, or empty in {@link Mode#MIGRATE}
     */
    public Optional<MigrationRun> afterFiles(Connection connection) {
        return mode == Mode.BASELINE ? Optional.of(migrator.baseline(connection)) : Optional.empty();
    }

    /**
     * What the built database owes to the migrations besides the plan's files, for a template cache key: the
     * mode, the tracking table, and each migration's version, name and checksum (its tracking row, and in
     * {@link Mode#MIGRATE} its content).
     */
    public String fingerprint() {
        return mode + ":" + migrator.trackingTable() + ":" + migrator.migrations().migrations().stream()
                .map(m -> m.id() + "=" + m.checksum())
                .collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return "BuildWithMigrations[" + mode + ", " + plan.files().size() + " files, " + migrator + "]";
    }
}
