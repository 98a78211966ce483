package dev.fraise.config;

import static dev.fraise.config.ConfigTestSupport.assertFailure;
import static dev.fraise.config.ConfigTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fraise.error.ErrorCode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code confiture.yaml} of the FraiseQL blog walkthrough, verbatim ({@code config/walkthrough}): a
 * {@code project:} block with a description, a {@code local} environment and a {@code production} one whose
 * database comes from {@code ${DB_*}} variables.
 */
class WalkthroughConfigTest {

    private static final Path ROOT = fixture("walkthrough");
    private static final Map<String, String> PRODUCTION = Map.of("DB_HOST", "db.internal", "DB_PORT", "6432",
            "DB_NAME", "fraiseql_blog", "DB_USER", "blog_app", "DB_PASSWORD", "s3cret/pass");

    @Test
    void localEnvironmentReadsTheDatabasePartsSchemaDirsAndMigrationsDir() {
        ProjectConfig config = ProjectConfigLoader.load(ROOT, "local", null, Map.of());

        assertEquals(Optional.of(ROOT.resolve("confiture.yaml")), config.source());
        assertEquals(Optional.of("postgresql://postgres:postgres@localhost:5432/fraiseql_blog"), config.databaseUrl());
        assertEquals(List.of(IncludeDir.of(ROOT.resolve("db/schema/00_extensions")),
                IncludeDir.of(ROOT.resolve("db/schema/10_tables")),
                IncludeDir.of(ROOT.resolve("db/schema/20_indexes"))), config.includeDirs());
        assertEquals(ROOT.resolve("db/migrations"), config.migrationsDir());
        assertEquals(ProjectConfig.DEFAULT_TRACKING_TABLE, config.trackingTable());
        assertEquals(List.of(), config.warnings(), "project.description is part of the walkthrough's form");
    }

    @Test
    void productionEnvironmentTakesItsDatabaseFromTheDbVariables() {
        ProjectConfig config = ProjectConfigLoader.load(ROOT, "production", null, PRODUCTION);

        assertEquals("production", config.environment());
        assertEquals(Optional.of("postgresql://blog_app:s3cret%2Fpass@db.internal:6432/fraiseql_blog"),
                config.databaseUrl());
        assertEquals(List.of(IncludeDir.of(ROOT.resolve("db/schema/00_extensions")),
                IncludeDir.of(ROOT.resolve("db/schema/10_tables")),
                IncludeDir.of(ROOT.resolve("db/schema/20_indexes"))), config.includeDirs());
        assertEquals(ROOT.resolve("db/migrations"), config.migrationsDir());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void productionWithoutAVariableFailsAtItsLine() {
        Map<String, String> withoutUser = new HashMap<>(PRODUCTION);
        withoutUser.remove("DB_USER");

        assertFailure(ErrorCode.CONFIG_VARIABLE_UNDEFINED, "confiture.yaml:26", "environment variable DB_USER is not set",
                () -> ProjectConfigLoader.load(ROOT, "production", null, withoutUser));
    }

    @Test
    void productionPortMustBeAnInteger() {
        Map<String, String> badPort = new HashMap<>(PRODUCTION);
        badPort.put("DB_PORT", "pg");

        assertFailure(ErrorCode.CONFIG_INVALID, "confiture.yaml:24",
                "environments.production.database.port must be an integer, got 'pg'",
                () -> ProjectConfigLoader.load(ROOT, "production", null, badPort));
    }
}
