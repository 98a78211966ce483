package dev.fraise.config;

import static dev.fraise.config.ConfigTestSupport.fixture;
import static dev.fraise.config.ConfigTestSupport.load;
import static dev.fraise.config.ConfigTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.error.ErrorCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigLoaderTest {

    @TempDir
    Path project;

    @Test
    void confitureFormReadsStringAndMapIncludeDirsWithDefaults() {
        Path root = fixture("confiture");
        ProjectConfig config = load(root, Map.of());

        assertEquals(List.of(
                IncludeDir.of(root.resolve("db/schema/00_common")),
                IncludeDir.of(root.resolve("db/schema/10_tables")),
                new IncludeDir(root.resolve("db/schema/20_views"), false, List.of("*.sql"), List.of(), true, 0),
                new IncludeDir(root.resolve("db/schema/30_functions"), true, List.of("**/*.sql", "**/*.psql"),
                        List.of("**/legacy/**"), false, 30)),
                config.includeDirs());
    }

    @Test
    void confitureFormReadsUrlSortModeTrackingTableAndExcludeDirs() {
        Path root = fixture("confiture");
        ProjectConfig config = load(root, Map.of());

        assertEquals(root, config.projectDir());
        assertEquals("local", config.environment());
        assertEquals(Optional.of(root.resolve("db/environments/local.yaml")), config.source());
        assertEquals(Optional.of("postgresql://localhost:5432/blog_local"), config.databaseUrl());
        assertEquals(SortMode.HEX, config.sortMode());
        assertTrue(config.twoPass(), "build.two_pass");
        assertEquals("public.tb_migrations", config.trackingTable());
        assertEquals(List.of(root.resolve("db/schema/99_scratch")), config.excludeDirs());
        assertEquals(root.resolve("db/migrations"), config.migrationsDir());
    }

    @Test
    void knownConfitureKeysAreAcceptedWithoutWarnings() {
        assertEquals(List.of(), load(fixture("confiture"), Map.of()).warnings());
    }

    @Test
    void confitureDefaultsApplyToMinimalFile() {
        write(project, "db/environments/local.yaml", "include_dirs: [db/schema]\n");
        ProjectConfig config = load(project, Map.of());

        assertEquals(Optional.empty(), config.databaseUrl());
        assertEquals(SortMode.ALPHABETICAL, config.sortMode());
        assertFalse(config.twoPass(), "build.two_pass defaults to false");
        assertEquals(ProjectConfig.DEFAULT_TRACKING_TABLE, config.trackingTable());
        assertEquals(List.of(), config.excludeDirs());
    }

    @Test
    void seedBlogFormBuildsDatabaseUrlFromParts() {
        ProjectConfig config = load(fixture("seed-blog"), Map.of());

        assertEquals(Optional.of("postgresql://blog:p%40ss%20word@localhost:5433/blog_dev"), config.databaseUrl());
        assertTrue(config.toString().contains("databaseUrl=Optional[(not shown)]"), config.toString());
        assertFalse(config.toString().contains("ss%20word"), "the password is not shown");
    }

    @Test
    void seedBlogFormReadsSchemaDirsAndMigrationsDir() {
        Path root = fixture("seed-blog");
        ProjectConfig config = load(root, Map.of());

        assertEquals(List.of(IncludeDir.of(root.resolve("db/schema")), IncludeDir.of(root.resolve("db/extra"))),
                config.includeDirs());
        assertEquals(root.resolve("db/migrate"), config.migrationsDir());
        assertEquals(Optional.of(root.resolve("confiture.yaml")), config.source());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void seedBlogFormSelectsTheRequestedEnvironment() {
        Path root = fixture("seed-blog");
        ProjectConfig config = ProjectConfigLoader.load(root, "test", null, Map.of());

        assertEquals("test", config.environment());
        assertEquals(Optional.of("postgresql://localhost/blog_test"), config.databaseUrl());
        assertEquals(List.of(IncludeDir.required(root.resolve("db/schema"))), config.includeDirs());
        assertEquals(root.resolve("db/migrations"), config.migrationsDir());
    }

    @Test
    void databasePartsThatAreAbsentAreLeftOut() {
        write(project, "confiture.yaml", """
                environments:
                  local:
                    database:
                      host: db
                      database: blog
                """);

        assertEquals(Optional.of("postgresql://db:5432/blog"), load(project, Map.of()).databaseUrl());
    }

    @Test
    void environmentFileBeatsConfitureYaml() {
        Path root = fixture("both");
        ProjectConfig config = load(root, Map.of());

        assertEquals(Optional.of(root.resolve("db/environments/local.yaml")), config.source());
        assertEquals(List.of(IncludeDir.of(root.resolve("from/env_file"))), config.includeDirs());
    }

    @Test
    void confitureYamlIsUsedWhenThereIsNoEnvironmentFile() {
        write(project, "db/environments/local.yaml", "include_dirs: [from/env_file]\n");
        write(project, "confiture.yaml", "environments:\n  ci:\n    schema_dirs: [from/confiture_yaml]\n");
        ProjectConfig config = ProjectConfigLoader.load(project, "ci", null, Map.of());

        assertEquals(Optional.of(project.resolve("confiture.yaml")), config.source());
        assertEquals(List.of(IncludeDir.of(project.resolve("from/confiture_yaml"))), config.includeDirs());
    }

    @Test
    void noConfigFallsBackToDefaults() {
        ProjectConfig config = ProjectConfigLoader.load(project.resolve("sub/.."), null, null, Map.of());

        assertEquals(ProjectConfig.defaults(project, "local"), config);
        assertEquals(List.of(IncludeDir.required(project.resolve("db/schema")), IncludeDir.of(project.resolve("db/seeds"))),
                config.includeDirs());
        assertEquals(project.resolve("db/migrations"), config.migrationsDir());
    }

    @Test
    void explicitConfigFileIsResolvedAgainstTheProject() {
        write(project, "config/fraise.yaml", "include_dirs:\n  - sql\n");
        ProjectConfig config = ProjectConfigLoader.load(project, "staging", Path.of("config/fraise.yaml"), null);

        assertEquals("staging", config.environment());
        assertEquals(Optional.of(project.resolve("config/fraise.yaml")), config.source());
        assertEquals(List.of(IncludeDir.of(project.resolve("sql"))), config.includeDirs());
    }

    @Test
    void unknownKeysBecomeWarningsAtTheirLine() {
        write(project, "db/environments/local.yaml", """
                name: local
                include_dirs:
                  - db/schema
                colour: blue
                build:
                  sort_mode: alphabetical
                  turbo: true
                migration:
                  tracking_table: tb_confiture
                  retries: 3
                """);
        ProjectConfig config = load(project, Map.of());

        assertEquals(List.of(
                "CONFIG_UNKNOWN_KEY: db/environments/local.yaml:4: unknown key 'colour' (ignored)",
                "CONFIG_UNKNOWN_KEY: db/environments/local.yaml:7: unknown key 'build.turbo' (ignored)",
                "CONFIG_UNKNOWN_KEY: db/environments/local.yaml:10: unknown key 'migration.retries' (ignored)"),
                config.warnings().stream().map(ConfigWarning::toString).toList());
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, config.warnings().get(0).code());
    }

    @Test
    void unknownKeysInAnEnvironmentBecomeWarnings() {
        write(project, "confiture.yaml", """
                environments:
                  local:
                    schema_dirs: [db/schema]
                    seeds_dir: db/seeds
                """);

        assertEquals(
                List.of("CONFIG_UNKNOWN_KEY: confiture.yaml:4: unknown key 'environments.local.seeds_dir' (ignored)"),
                load(project, Map.of()).warnings().stream().map(ConfigWarning::toString).toList());
    }

    @Test
    void variablesAreSubstitutedInValues() {
        write(project, "db/environments/local.yaml", """
                database_url: postgresql://${DB_USER}@${DB_HOST:-localhost}:${DB_PORT:-5432}/blog
                include_dirs:
                  - path: ${SCHEMA_ROOT}/schema
                    recursive: ${RECURSIVE:-false}
                migration:
                  tracking_table: ${TABLE:-tb_confiture}
                """);
        ProjectConfig config = load(project, Map.of("DB_USER", "app", "DB_PORT", "6543", "SCHEMA_ROOT", "db"));

        assertEquals(Optional.of("postgresql://app@localhost:6543/blog"), config.databaseUrl());
        assertEquals(List.of(new IncludeDir(project.resolve("db/schema"), false, List.of("*.sql"), List.of(),
                true, 0)), config.includeDirs());
        assertEquals("tb_confiture", config.trackingTable());
    }

    @Test
    void mergeKeysSupplySharedSettings() {
        write(project, "confiture.yaml", """
                environments:
                  local: &local
                    schema_dirs: [db/schema]
                    migrations_dir: db/migrations_local
                  ci:
                    <<: *local
                    migrations_dir: db/migrations_ci
                """);
        ProjectConfig config = ProjectConfigLoader.load(project, "ci", null, Map.of());

        assertEquals(List.of(IncludeDir.of(project.resolve("db/schema"))), config.includeDirs());
        assertEquals(project.resolve("db/migrations_ci"), config.migrationsDir());
    }
}
