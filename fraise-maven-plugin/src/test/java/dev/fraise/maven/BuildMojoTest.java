package dev.fraise.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildMojoTest {

    private static final String SNAPSHOTS = "fraise.embedded.snapshots";
    private static String snapshotsBefore;

    /**
     * These tests read what a build reports, so each goal builds: no template kept by an earlier run of the same
     * files (see {@link #theNextGoalReusesTheTemplateTheLastOneBuiltAndSaysSo}).
     */
    @BeforeAll
    static void buildEveryTime() {
        snapshotsBefore = System.getProperty(SNAPSHOTS);
        System.setProperty(SNAPSHOTS, "false");
    }

    @AfterAll
    static void restoreSnapshots() {
        if (snapshotsBefore == null) {
            System.clearProperty(SNAPSHOTS);
        } else {
            System.setProperty(SNAPSHOTS, snapshotsBefore);
        }
    }

    @Test
    void theNextGoalReusesTheTemplateTheLastOneBuiltAndSaysSo(@TempDir Path project) throws Exception {
        Path tables = Files.createDirectories(project.resolve("db/schema/10_tables"));
        Files.writeString(tables.resolve("10_tb_a.sql"), "-- " + UUID.randomUUID()
                + "\nCREATE TABLE tb_a (pk_a INT PRIMARY KEY);\n");
        System.setProperty(SNAPSHOTS, "true");
        try {
            List<String> first = new ArrayList<>();
            BuildMojo mojo = mojo("ok", first);
            mojo.projectDir = project.toFile();
            mojo.execute();
            assertTrue(first.stream().anyMatch(l -> l.startsWith("Fraise build: OK on embedded PostgreSQL")
                    && l.contains(": 1 files, 1 statements in ")), first.toString());

            List<String> second = new ArrayList<>();
            mojo = mojo("ok", second);
            mojo.projectDir = project.toFile();
            mojo.execute();
            assertTrue(second.stream().anyMatch(l -> l.startsWith("Fraise build: OK on embedded PostgreSQL")
                    && l.contains(": the database built earlier from the same files (1 files, 1 statements, built in ")
                    && l.endsWith(" ms) was reused from its snapshot; -Dfraise.embedded.snapshots=false builds it"
                            + " again")), second.toString());
        } finally {
            System.setProperty(SNAPSHOTS, "false");
        }
    }

    @Test
    void buildsTheSchemaOnTheEmbeddedDefaultAndReportsIt() throws Exception {
        List<String> log = new ArrayList<>();
        mojo("ok", log).execute();
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Fraise build: OK on embedded PostgreSQL")
                && l.contains("1 files, 1 statements")), log.toString());
    }

    @Test
    void theMigrationsAreReportedRecordedOverSchemaFilesOnlyWhenThereAreSome(@TempDir Path noMigrations)
            throws Exception {
        List<String> log = new ArrayList<>();
        BuildMojo mojo = mojo("migrations-on-build", log);
        mojo.migrations = true;
        mojo.execute();
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Fraise build: OK on embedded PostgreSQL")
                && l.contains(" 1 files, 1 statements in ")
                && l.endsWith(" ms, 2 migration(s) recorded as applied without running [001, 002] (the schema files"
                        + " build the database, as after confiture migrate baseline)")), log.toString());

        List<String> none = new ArrayList<>();
        mojo = mojo("migrations-on-build", none);
        mojo.migrations = true;
        mojo.migrationsDir = noMigrations.toFile();
        mojo.execute();
        String ok = none.stream().filter(l -> l.startsWith("Fraise build: OK")).findFirst().orElseThrow();
        assertTrue(ok.endsWith(" ms"), ok);
        assertTrue(none.stream().noneMatch(l -> l.contains("applied")), none.toString());
    }

    @Test
    void aMissingDefaultMigrationsDirectoryHoldsNoMigrationsAsForDrift() throws Exception {
        List<String> log = new ArrayList<>();
        BuildMojo mojo = mojo("ok", log);
        mojo.migrations = true;
        mojo.execute();
        assertTrue(log.contains("Fraise: no db/migrations directory: no migrations"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Fraise build: OK on embedded PostgreSQL")), log.toString());
    }

    @Test
    void aMigrationsDirectoryTheUserNamedMustExist(@TempDir Path dir) {
        BuildMojo mojo = mojo("ok", new ArrayList<>());
        mojo.migrations = true;
        mojo.migrationsDir = dir.resolve("absent").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("MIGRATION_DIR_MISSING: "), e.getMessage());
    }

    @Test
    void aProjectWithoutSchemaFilesIsBuiltByItsMigrationsThenItsSeeds() throws Exception {
        List<String> log = new ArrayList<>();
        BuildMojo mojo = mojo("migrations-only", log);
        mojo.migrations = true;
        mojo.seeds = true;
        mojo.execute();
        assertTrue(log.contains("Fraise build: no schema files: the migrations of db/migrations build the database,"
                + " before the files"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Fraise build: OK on embedded PostgreSQL")
                && l.contains(" 1 files, 1 statements in ") && l.endsWith(" ms, 2 migration(s) applied [001, 002]")),
                log.toString());
    }

    @Test
    void withoutMigrationsAProjectWithoutSchemaFilesStillFailsOnItsSchemaDirectory() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> mojo("migrations-only", new ArrayList<>()).execute());
        assertEquals("BUILD_DIR_MISSING: db/schema: schema directory does not exist", e.getMessage());
    }

    @Test
    void aStatementThatFailsIsReportedWithFileLineAndCode() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> mojo("broken", new ArrayList<>())
                .execute());
        assertEquals("BUILD_SQL_ERROR: db/schema/10_tables/10_tb_a.sql:2:33: column \"nme\" does not exist"
                + " (SQLSTATE 42703) in statement: CREATE VIEW v_a AS SELECT pk_a, nme FROM tb_a", e.getMessage());
    }

    @Test
    void skipDoesNothing() throws Exception {
        List<String> log = new ArrayList<>();
        BuildMojo mojo = mojo("does-not-exist", log);
        mojo.skip = true;
        mojo.execute();
        assertEquals(List.of("Fraise skipped (fraise.skip)"), log);
    }

    @Test
    void missingSchemaDirectoryIsAToolError() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> mojo("does-not-exist", new ArrayList<>()).execute());
        assertEquals("BUILD_DIR_MISSING: db/schema: schema directory does not exist", e.getMessage());
    }

    @Test
    void aProviderFraiseDoesNotKnowIsAnInvalidSettingNamingTheParameter() {
        BuildMojo mojo = mojo("ok", new ArrayList<>());
        mojo.provider = "dockr";
        assertInvalidSetting("SETTING_INVALID: plugin parameter provider (fraise.provider) is 'dockr'; accepted: auto,"
                + " server, testcontainers, embedded", mojo);
    }

    @Test
    void aMajorThatIsNoNumberOrOutOfRangeIsAnInvalidSetting() {
        BuildMojo mojo = mojo("ok", new ArrayList<>());
        mojo.postgresMajor = "abc";
        assertInvalidSetting("SETTING_INVALID: plugin parameter postgresMajor (fraise.postgres.major) is 'abc';"
                + " accepted: 14 to 18", mojo);
        mojo.postgresMajor = "13";
        assertInvalidSetting("SETTING_INVALID: plugin parameter postgresMajor (fraise.postgres.major) is '13';"
                + " accepted: 14 to 18", mojo);
    }

    @Test
    void configWarningsGoToTheBuildLogOncePerJvm() throws Exception {
        List<String> first = new ArrayList<>();
        mojo("unknown-key", first).execute();
        List<String> second = new ArrayList<>();
        mojo("unknown-key", second).execute();
        assertEquals(List.of("WARN CONFIG_UNKNOWN_KEY: db/environments/local.yaml:4: unknown key 'colour' (ignored)"),
                first.stream().filter(l -> l.startsWith("WARN ")).toList());
        assertEquals(List.of(), second.stream().filter(l -> l.startsWith("WARN ")).toList());
    }

    private static void assertInvalidSetting(String message, BuildMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(message, e.getMessage());
        assertEquals(ErrorCode.SETTING_INVALID, assertInstanceOf(FraiseException.class, e.getCause()).code());
    }

    private static BuildMojo mojo(String project, List<String> log) {
        BuildMojo mojo = new BuildMojo();
        mojo.projectDir = new File("src/test/resources/projects/" + project);
        mojo.env = "local";
        mojo.provider = "embedded";
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                log.add("WARN " + content);
            }
        });
        return mojo;
    }
}
