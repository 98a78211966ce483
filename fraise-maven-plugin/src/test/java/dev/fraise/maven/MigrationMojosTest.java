package dev.fraise.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate, migrate-down, baseline and status on a real database given by URL. */
class MigrationMojosTest {

    private static PostgresServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = PostgresServers.start(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void migrateToATargetThenAllThenDownThenStatus() throws Exception {
        String url = database("migrate_flow");
        List<String> log = new ArrayList<>();
        MigrateMojo migrate = configure(new MigrateMojo(), url, log);
        migrate.target = "001";
        migrate.execute();
        migrate.target = null;
        migrate.execute();
        migrate.execute();
        MigrateDownMojo down = configure(new MigrateDownMojo(), url, log);
        down.steps = 0;
        assertEquals("SETTING_INVALID: plugin parameter steps (fraise.steps) is '0'; accepted: 1 or more",
                assertThrows(MojoExecutionException.class, down::execute).getMessage());
        down.steps = 1;
        down.execute();
        StatusMojo status = configure(new StatusMojo(), url, log);
        status.reportDirectory = dir.resolve("target/fraise").toFile();
        status.execute();
        assertTrue(Files.readString(dir.resolve("target/fraise/status.txt")).contains(" (tb_confiture): 1 applied, 1"
                + " pending, 0 checksum mismatch(es), 0 missing file(s)\nPASSED: 0 errors"));
        assertTrue(log.get(0).startsWith("Fraise migrate: applied 1 migration(s) [001] on postgresql://postgres@localhost:"),
                log.get(0));
        assertTrue(log.get(1).startsWith("Fraise migrate: applied 1 migration(s) [002] on "), log.get(1));
        assertTrue(log.get(2).startsWith("Fraise migrate: nothing to apply on "), log.get(2));
        assertTrue(log.get(3).startsWith("Fraise migrate-down: rolled back 1 migration(s) [002] on "), log.get(3));
        assertTrue(log.get(4).startsWith("  APPLIED           001_create_a (applied "), log.get(4));
        assertEquals("  PENDING           002_add_title", log.get(5));
        assertTrue(log.get(6).endsWith(" (tb_confiture): 1 applied, 1 pending, 0 checksum mismatch(es), 0 missing"
                + " file(s)"), log.get(6));
        status.failOnPending = true;
        assertEquals("Fraise status: 1 pending migration(s) [002]",
                assertThrows(MojoFailureException.class, status::execute).getMessage());
    }

    @Test
    void baselineMarksWithoutRunningAndStatusFailsOnAnEditedMigration() throws Exception {
        String url = database("baseline_flow");
        Path project = dir.resolve("project");
        for (String file : List.of("db/schema/10_tb_a.sql", "db/migrations/001_create_a.up.sql",
                "db/migrations/002_add_title.up.sql", "db/migrations/002_add_title.down.sql")) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.copy(Path.of("src/test/resources/projects/migrations").resolve(file), project.resolve(file));
        }
        List<String> log = new ArrayList<>();
        BaselineMojo baseline = configure(new BaselineMojo(), url, log);
        baseline.projectDir = project.toFile();
        baseline.target = "002";
        baseline.execute();
        assertTrue(log.get(0).startsWith("Fraise baseline: marked 2 migration(s) [001, 002] as applied on "));
        Files.writeString(project.resolve("db/migrations/002_add_title.up.sql"), "ALTER TABLE tb_a ADD COLUMN t TEXT;\n");
        StatusMojo status = configure(new StatusMojo(), url, log);
        status.projectDir = project.toFile();
        status.reportDirectory = project.resolve("target/fraise").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, status::execute);
        assertTrue(e.getMessage().startsWith("Fraise status: 1 applied migration(s) no longer match their files:"
                + " MIGRATION_CHECKSUM_MISMATCH: db/migrations/002_add_title.up.sql: changed since"), e.getMessage());
        String sarif = Files.readString(project.resolve("target/fraise/fraise.sarif"));
        assertTrue(sarif.contains("\"ruleId\": \"MIGRATION_CHECKSUM_MISMATCH\"") && sarif.contains(
                "\"uri\": \"db/migrations/002_add_title.up.sql\""), "the build's combined report has the status gate");
        MigrateMojo migrate = configure(new MigrateMojo(), url, log);
        migrate.projectDir = project.toFile();
        assertTrue(assertThrows(MojoExecutionException.class, migrate::execute).getMessage()
                .startsWith("MIGRATION_CHECKSUM_MISMATCH: db/migrations/002_add_title.up.sql: "));
    }

    @Test
    void noTargetDatabaseAndAnUnreachableOneAreToolErrors() throws Exception {
        MigrateMojo migrate = configure(new MigrateMojo(), null, new ArrayList<>());
        assertEquals("MIGRATION_DATABASE_MISSING: no database to migrate: set databaseUrl (-Dfraise.databaseUrl) or database_url in the local"
                + " environment", assertThrows(MojoExecutionException.class, migrate::execute).getMessage());
        migrate.databaseUrl = "postgresql://app:secret@127.0.0.1:1/app";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, migrate::execute);
        assertTrue(e.getMessage().startsWith("SERVER_UNREACHABLE: cannot connect to the target database"
                        + " postgresql://app:***@127.0.0.1:1/app: "),
                e.getMessage());
    }

    @Test
    void libpqUrlsBecomeJdbcUrlsWithCredentialsApart() throws Exception {
        TargetDatabase target = TargetDatabase.parse("postgresql://app:s%40cret@db.example:6543/blog?sslmode=require",
                "databaseUrl");
        assertEquals("jdbc:postgresql://db.example:6543/blog?sslmode=require",
                target.url().jdbcUrl(target.url().database().orElseThrow()));
        assertEquals(Optional.of("app"), target.url().user());
        assertEquals(Optional.of("s@cret"), target.url().password());
        assertEquals("postgresql://app:***@db.example:6543/blog", target.shown());
        assertEquals("TargetDatabase[url=postgresql://app:***@db.example:6543/blog]", target.toString());
        MigrateMojo migrate = configure(new MigrateMojo(), "mysql://app:secret@db/app", new ArrayList<>());
        assertEquals("SETTING_INVALID: plugin parameter databaseUrl (fraise.databaseUrl) is not a PostgreSQL URL"
                + " Fraise can use: it is a mysql:// URL, not a PostgreSQL one (the value is not shown: it may hold a"
                + " password); accepted: postgresql://user:password@host:port/database?name=value or"
                + " jdbc:postgresql://host:port/database?user=...&password=..., with @ : / ? & % in a user name or"
                + " password written %40 %3A %2F %3F %26 %25",
                assertThrows(MojoExecutionException.class, migrate::execute).getMessage());
    }

    @Test
    void aPasswordInAUserPropertyIsWarnedAboutAndNeverShown() throws Exception {
        String secret = "Pl4nted-" + Long.toHexString(System.nanoTime());
        List<String> log = new ArrayList<>();
        MigrateMojo migrate = configure(new MigrateMojo(), null, new ArrayList<>());
        migrate.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                log.add(content.toString());
            }
        });
        migrate.userProperties = new Properties();
        migrate.userProperties.setProperty("fraise.databaseUrl", "postgresql://app:" + secret + "@127.0.0.1:1/app");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, migrate::execute);
        assertTrue(e.getMessage().startsWith("SERVER_UNREACHABLE: cannot connect to the target database"
                + " postgresql://app:***@127.0.0.1:1/app"), e.getMessage());
        assertEquals(List.of("SETTING_PASSWORD_EXPOSED: plugin parameter databaseUrl (fraise.databaseUrl) holds a"
                + " database password, which build logs and test reports print; set database_url: ${DATABASE_URL}"
                + " in the config, with the URL in that environment variable, instead"), log);

        migrate.userProperties.setProperty("fraise.databaseUrl", "postgresql://app:" + secret + "@db:5o32/app");
        e = assertThrows(MojoExecutionException.class, migrate::execute);
        assertTrue(e.getMessage().startsWith("SETTING_INVALID: plugin parameter databaseUrl (fraise.databaseUrl) is"
                + " not a PostgreSQL URL Fraise can use: its port is not a number"), e.getMessage());
        assertFalse(String.join("\n", log).contains(secret) || e.getMessage().contains(secret));
    }

    private static String database(String name) throws Exception {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
        return server.jdbcUrl(name) + "?user=" + server.user()
                + (server.password().isEmpty() ? "" : "&password=" + server.password());
    }

    private static <T extends AbstractMigrationMojo> T configure(T mojo, String url, List<String> log) {
        mojo.projectDir = new File("src/test/resources/projects/migrations");
        mojo.env = "local";
        mojo.provider = "embedded";
        mojo.databaseUrl = url;
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add(content.toString());
            }
        });
        return mojo;
    }
}
