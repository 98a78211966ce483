package dev.fraise.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A project's Confiture configuration for one environment, resolved against the project directory.
 *
 * @param projectDir     the project root; relative paths in the config are resolved against it
 * @param environment    the environment name (e.g. {@code local})
 * @param source         the YAML file read, or empty when the defaults apply (no config at all)
 * @param databaseUrl    Confiture's {@code database_url}, a {@code postgresql://} URL, if configured;
 *                       {@link #toString()} does not show it (it may hold a password)
 * @param includeDirs    the schema directories, in config order
 * @param excludeDirs    Confiture's legacy {@code exclude_dirs}: files under these are skipped
 * @param sortMode       {@code build.sort_mode}
 * @param twoPass        {@code build.two_pass}: foreign keys of {@code CREATE TABLE} statements are added after every
 *                       file has run
 * @param trackingTable  {@code migration.tracking_table}, default {@code tb_confiture}
 * @param migrationsDir  the migrations directory, default {@code db/migrations}
 * @param warnings       non-fatal problems found while reading the config
 */
public record ProjectConfig(Path projectDir, String environment, Optional<Path> source,
                            Optional<String> databaseUrl, List<IncludeDir> includeDirs, List<Path> excludeDirs,
                            SortMode sortMode, boolean twoPass, String trackingTable, Path migrationsDir,
                            List<ConfigWarning> warnings) {

    /** Confiture's default tracking table. */
    public static final String DEFAULT_TRACKING_TABLE = "tb_confiture";

    public ProjectConfig {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        includeDirs = List.copyOf(includeDirs);
        excludeDirs = List.copyOf(excludeDirs);
        Objects.requireNonNull(sortMode, "sortMode");
        Objects.requireNonNull(trackingTable, "trackingTable");
        Objects.requireNonNull(migrationsDir, "migrationsDir");
        warnings = List.copyOf(warnings);
    }

    /**
     * The defaults that apply when a project has no config: schema files in {@code db/schema} (required),
     * seed files in {@code db/seeds} (if present; loaded only when seeds are requested) and migrations in
     * {@code db/migrations}.
     */
    public static ProjectConfig defaults(Path projectDir, String environment) {
        Path root = projectDir.toAbsolutePath().normalize();
        return new ProjectConfig(root, environment, Optional.empty(), Optional.empty(),
                List.of(IncludeDir.required(root.resolve("db/schema")), IncludeDir.of(root.resolve("db/seeds"))), List.of(), SortMode.ALPHABETICAL,
                false, DEFAULT_TRACKING_TABLE, root.resolve("db/migrations"), List.of());
    }

    @Override
    public String toString() {
        return "ProjectConfig[projectDir=" + projectDir + ", environment=" + environment + ", source=" + source
                + ", databaseUrl=" + databaseUrl.map(u -> "(not shown)") + ", includeDirs=" + includeDirs
                + ", excludeDirs=" + excludeDirs + ", sortMode=" + sortMode + ", twoPass=" + twoPass
                + ", trackingTable=" + trackingTable + ", migrationsDir=" + migrationsDir + ", warnings=" + warnings
                + "]";
    }

    /** A copy whose include directories are replaced (e.g. by an explicit {@code schemaDirs} override). */
    public ProjectConfig withIncludeDirs(List<IncludeDir> dirs) {
        return new ProjectConfig(projectDir, environment, source, databaseUrl, dirs, excludeDirs, sortMode,
                twoPass, trackingTable, migrationsDir, warnings);
    }
}
