package dev.fraise.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.database.Database;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ServerSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs small fixture classes through the JUnit engine and checks what the extension did. */
class FraiseExtensionBehaviourTest {

    static final Set<String> DATABASES = ConcurrentHashMap.newKeySet();
    static final List<Connection> CONNECTIONS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void schemaThatDoesNotBuildFailsTheClassWithTheBuildErrorInOneLineAndItsCauses() {
        Throwable failure = onlyClassFailure(run(BrokenSchema.class));
        FraiseSetupException setup = assertInstanceOf(FraiseSetupException.class, failure);
        assertEquals(ErrorCode.BUILD_SQL_ERROR, setup.code());
        assertTrue(setup.getMessage().startsWith("BUILD_SQL_ERROR: db/schema/10_tables/20_broken.sql:3:"),
                setup.getMessage());
        assertTrue(setup.getMessage().contains("SQLSTATE 42601"), setup.getMessage());
        assertEquals(1, setup.getMessage().lines().count(), setup.getMessage());
        assertEquals(0, setup.getStackTrace().length, "the extension's frames only with -Dfraise.debug=true");
        FraiseException cause = assertInstanceOf(FraiseException.class, setup.getCause(),
                "Surefire's report shows the cause chain");
        assertEquals(setup.getMessage(), cause.getMessage());
        SQLException postgres = assertInstanceOf(SQLException.class, cause.getCause());
        assertEquals("42601", postgres.getSQLState());
        assertNotEquals(0, cause.getStackTrace().length);
    }

    @Test
    void parallelClassesEachGetTheirOwnDatabaseAndEverythingIsClosedAfterwards() throws Exception {
        DATABASES.clear();
        CONNECTIONS.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"))
                .selectors(selectClass(ParallelA.class), selectClass(ParallelB.class),
                        selectClass(ParallelC.class), selectClass(ParallelD.class))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.succeeded(4).failed(0));
        assertEquals(4, DATABASES.size(), "four classes, four databases: " + DATABASES);
        for (Connection c : CONNECTIONS) {
            assertTrue(c.isClosed(), "injected connections are closed after their test");
        }
        PostgresServer server = PostgresServers.shared(new ServerSettings(dev.fraise.postgres.ProviderKind.AUTO,
                Optional.empty(), OptionalInt.empty()).withDefaultsFrom(Map.of(), System.getenv()));
        for (String name : DATABASES) {
            assertTrue(eventuallyDropped(server, name), name + " must be dropped after its class");
        }
    }

    @Test
    void theTemplateCarriesTheMigrationsOnlyWhenRequested() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(WithMigrations.class), selectClass(WithoutMigrations.class))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));
    }

    @Test
    void failingMigrationFailsTheClassWithItsLocationAndNoStackTrace() {
        Throwable failure = onlyClassFailure(run(BadMigration.class));
        FraiseSetupException setup = assertInstanceOf(FraiseSetupException.class, failure);
        assertEquals(ErrorCode.MIGRATION_SQL_ERROR, setup.code());
        assertTrue(setup.getMessage().startsWith("MIGRATION_SQL_ERROR: db/migrations/002_add_view.up.sql:3:18:"
                + " column \"lable\" does not exist (SQLSTATE 42703)"), setup.getMessage());
        assertEquals(0, setup.getStackTrace().length);
    }

    @Test
    void missingMigrationsDirectoryFailsTheClass() {
        FraiseSetupException setup = assertInstanceOf(FraiseSetupException.class,
                onlyClassFailure(run(NoMigrationsDirectory.class)));
        assertEquals(ErrorCode.MIGRATION_DIR_MISSING, setup.code());
        assertTrue(setup.getMessage().startsWith("MIGRATION_DIR_MISSING: db/migrations: "), setup.getMessage());
    }

    @Test
    void classScopedInjectionIsRejectedWithPerMethodIsolation() {
        Throwable failure = onlyClassFailure(run(StaticFieldPerMethod.class));
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertTrue(failure.getMessage().contains("isolation = PER_METHOD"), failure.getMessage());
    }

    @Test
    void wrongFieldTypeIsNamed() {
        Throwable failure = onlyClassFailure(run(WrongFieldType.class));
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertTrue(failure.getMessage().contains("field name of"), failure.getMessage());
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
    }

    private static Throwable onlyClassFailure(EngineExecutionResults results) {
        List<Event> failed = results.containerEvents().failed().list();
        assertEquals(1, failed.size(), "exactly the fixture class fails");
        return failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
    }

    private static boolean eventuallyDropped(PostgresServer server, String name) throws Exception {
        try (Connection admin = server.dataSource(server.maintenanceDatabase()).getConnection();
             PreparedStatement s = admin.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            s.setString(1, name);
            for (int i = 0; i < 100; i++) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return true;
                    }
                }
                Thread.sleep(50);
            }
            return false;
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/broken")
    static class BrokenSchema {
        @Test
        void neverRuns() {
            throw new AssertionError("must not run");
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/shop", seeds = true, migrations = true,
            isolation = Isolation.PER_METHOD)
    static class WithMigrations {
        /** The schema files build it; 001 (which adds price_cents, the DDL has none) is recorded, not run. */
        @Test
        void theDatabaseIsTheSchemaFilesOnes(Database database) throws Exception {
            assertEquals("[\"Apple\", \"Pear\"]", database.queryJson("SELECT name FROM tb_item ORDER BY name"));
            assertEquals("[0]", database.queryJson("SELECT count(*) FROM information_schema.columns"
                    + " WHERE column_name = 'price_cents'"));
        }

        @Test
        void theCloneCarriesConfituresTrackingTable(Database database) throws Exception {
            String checksum = Fraise.migrator(FraiseSettings.forProject(Path.of("src/test/resources/projects/shop")))
                    .migrations().find("001").orElseThrow().checksum();
            assertEquals("[{\"ran\": false, \"name\": \"add_item_price\", \"version\": \"001\", \"checksum\":"
                    + " \"" + checksum + "\"}]", database.queryJson("SELECT version, name, checksum,"
                    + " execution_time_ms IS NOT NULL AS ran FROM tb_confiture"));
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/shop", seeds = true)
    static class WithoutMigrations {
        @Test
        void noMigrationRan(Database database) throws Exception {
            assertEquals("[0]", database.queryJson("SELECT count(*) FROM information_schema.columns"
                    + " WHERE column_name = 'price_cents' OR table_name = 'tb_confiture'"));
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/bad-migration", migrations = true)
    static class BadMigration {
        @Test
        void neverRuns() {
            throw new AssertionError("must not run");
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/no-migrations", migrations = true)
    static class NoMigrationsDirectory {
        @Test
        void neverRuns() {
            throw new AssertionError("must not run");
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/shop", isolation = Isolation.PER_METHOD)
    static class StaticFieldPerMethod {
        @FraiseInject
        static Database database;

        @Test
        void neverRuns() {
            throw new AssertionError("must not run");
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/shop")
    static class WrongFieldType {
        @FraiseInject
        static String name;

        @Test
        void neverRuns() {
            throw new AssertionError("must not run");
        }
    }

    abstract static class ParallelFixture {
        @Test
        void ownsItsDatabase(Database database, Connection connection) throws Exception {
            DATABASES.add(database.name());
            CONNECTIONS.add(connection);
            assertFalse(connection.isClosed());
            database.execute("INSERT INTO tb_item (identifier, name) VALUES ('" + getClass().getSimpleName()
                    + "', 'x')");
            Thread.sleep(200);
            assertEquals("[\"" + getClass().getSimpleName() + "\"]",
                    database.queryJson("SELECT identifier FROM tb_item"));
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/shop")
    static class ParallelA extends ParallelFixture {
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/shop")
    static class ParallelB extends ParallelFixture {
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/shop")
    static class ParallelC extends ParallelFixture {
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/shop")
    static class ParallelD extends ParallelFixture {
    }
}
