package dev.fraise;

import dev.fraise.database.PoolOptions;
import dev.fraise.postgres.ServerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Fraise needs to hand out disposable databases for a project.
 *
 * @param projectDir  the project root (where {@code db/} lives)
 * @param environment the Confiture environment, e.g. {@code local}
 * @param configFile  an explicit config file; empty to discover {@code db/environments/<env>.yaml} or
 *                    {@code confiture.yaml}
 * @param schemaDirs  schema directories that replace the config's {@code include_dirs}; empty to use the config
 * @param seeds       whether seed files are loaded into the template
 * @param migrations  whether the template carries the project's migrations, by Confiture's rule: recorded as applied
 *                    in the tracking table over the schema files' build ({@code confiture migrate baseline}), or
 *                    run when the project has no schema file ({@code dev.fraise.migrate.BuildWithMigrations})
 * @param server      which PostgreSQL to use
 * @param pool        prefetching and clone strategy
 */
public record FraiseSettings(Path projectDir, String environment, Optional<Path> configFile, List<Path> schemaDirs,
                             boolean seeds, boolean migrations, ServerSettings server, PoolOptions pool) {

    public FraiseSettings {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(configFile, "configFile");
        schemaDirs = List.copyOf(schemaDirs);
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(pool, "pool");
    }

    /** Defaults for {@code projectDir}: environment {@code local}, no seeds, no migrations, automatic provider. */
    public static FraiseSettings forProject(Path projectDir) {
        return new FraiseSettings(projectDir, "local", Optional.empty(), List.of(), false, false,
                ServerSettings.defaults(), PoolOptions.DEFAULT);
    }

    /** A copy with another environment. */
    public FraiseSettings withEnvironment(String env) {
        return new FraiseSettings(projectDir, env, configFile, schemaDirs, seeds, migrations, server, pool);
    }

    /** A copy with an explicit config file. */
    public FraiseSettings withConfigFile(Path file) {
        return new FraiseSettings(projectDir, environment, Optional.of(file), schemaDirs, seeds, migrations, server,
                pool);
    }

    /** A copy whose schema directories replace the config's. */
    public FraiseSettings withSchemaDirs(List<Path> dirs) {
        return new FraiseSettings(projectDir, environment, configFile, dirs, seeds, migrations, server, pool);
    }

    /** A copy that loads (or not) seed files. */
    public FraiseSettings withSeeds(boolean load) {
        return new FraiseSettings(projectDir, environment, configFile, schemaDirs, load, migrations, server, pool);
    }

    /** A copy whose template carries (or not) the project's migrations; see {@link #migrations()}. */
    public FraiseSettings withMigrations(boolean apply) {
        return new FraiseSettings(projectDir, environment, configFile, schemaDirs, seeds, apply, server, pool);
    }

    /** A copy with other server settings. */
    public FraiseSettings withServer(ServerSettings settings) {
        return new FraiseSettings(projectDir, environment, configFile, schemaDirs, seeds, migrations, settings, pool);
    }

    /** A copy with other pool options. */
    public FraiseSettings withPool(PoolOptions options) {
        return new FraiseSettings(projectDir, environment, configFile, schemaDirs, seeds, migrations, server, options);
    }
}
