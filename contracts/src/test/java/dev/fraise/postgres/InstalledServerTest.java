package dev.fraise.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.database.Database;
import dev.fraise.database.PoolOptions;
import dev.fraise.database.TemplatePool;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded provider runs a PostgreSQL installed on the machine when its major is the wanted one, and zonky's
 * binaries otherwise. Needs an installed PostgreSQL (this machine: 15 in {@code /usr/lib/postgresql/15/bin}); the
 * tests that need one are skipped where there is none.
 */
class InstalledServerTest {

    @TempDir
    Path base;

    @Test
    void autoRunsTheInstalledBinariesOfTheWantedMajorAndADatabaseBuildsOnThem() throws Exception {
        InstalledBinaries installed = requireInstalled();
        Path project = Files.createDirectories(base.resolve("project/db/schema/10_tables")).getParent().getParent()
                .getParent();
        Files.writeString(project.resolve("db/schema/10_tables/10_tb_note.sql"),
                "CREATE TABLE tb_note (pk_note INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body TEXT);\n");
        DataDirectories dirs = new DataDirectories(base.resolve("pg"));
        Path dataDir;
        long postmasterPid;
        try (PostgresServer server = EmbeddedServerProvider.start(OptionalInt.of(installed.major()),
                BinariesChoice.AUTO, dirs, "unshare")) {
            assertTrue(server.description().startsWith("embedded PostgreSQL " + installed.major()
                    + " (installed binaries " + installed.binDir() + ") on port "), server.description());
            assertEquals(installed.major(), server.majorVersion());
            try (Connection c = server.dataSource("postgres").getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('full_page_writes'),"
                         + " current_setting('unix_socket_directories'), current_setting('data_directory'),"
                         + " current_setting('server_version')")) {
                rs.next();
                assertEquals("off", rs.getString(1));
                assertEquals("off", rs.getString(2));
                assertEquals("", rs.getString(3));
                dataDir = Path.of(rs.getString(4));
                assertEquals(installed.version(), rs.getString(5).split(" ")[0]);
            }
            assertTrue(dataDir.startsWith(dirs.base()), dataDir + " under " + dirs.base());
            assertTrue(dirs.pristine(installed.cacheKey()).isPresent(), "initdb's cluster is cached");
            postmasterPid = DataDirectories.postmaster(dataDir).orElseThrow().pid();
            try (TemplatePool pool = TemplatePool.create(server,
                    SchemaPlanner.plan(ProjectConfig.defaults(project, "local"), false), PoolOptions.DEFAULT, c -> { });
                 Database db = pool.acquire()) {
                db.execute("INSERT INTO tb_note (body) VALUES ('on installed binaries')");
                assertEquals("[1]", db.queryJson("SELECT count(*) FROM tb_note"));
            }
        }
        assertFalse(ProcessHandle.of(postmasterPid).map(DataDirectories::isRunning).orElse(false),
                "postmaster stopped");
        assertFalse(Files.exists(dataDir), "data directory deleted");
    }

    @Test
    void aSecondServerCopiesTheCachedClusterInsteadOfRunningInitdb() throws Exception {
        InstalledBinaries installed = requireInstalled();
        DataDirectories dirs = new DataDirectories(base);
        try (PostgresServer first = EmbeddedServerProvider.start(OptionalInt.of(installed.major()),
                BinariesChoice.INSTALLED, dirs, "unshare")) {
            Path pristine = dirs.pristine(installed.cacheKey()).orElseThrow();
            Files.writeString(pristine.resolve("fraise-marker"), "copied");
            try (PostgresServer second = EmbeddedServerProvider.start(OptionalInt.of(installed.major()),
                    BinariesChoice.INSTALLED, dirs, "unshare");
                 Connection c = second.dataSource("postgres").getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('data_directory')")) {
                rs.next();
                assertTrue(Files.exists(Path.of(rs.getString(1)).resolve("fraise-marker")),
                        "the second data directory is a copy of the cached cluster");
                assertFalse(first.jdbcUrl("postgres").equals(second.jdbcUrl("postgres")), "two ports");
            }
        }
    }

    @Test
    void autoFallsBackToZonkysBinariesWhenNoInstalledMajorMatches() {
        EmbeddedBinaries zonky = EmbeddedBinaries.find().orElseThrow();
        int major = zonky.major().orElseThrow();
        assumeTrue(InstalledBinaries.find(OptionalInt.of(major)).isEmpty(), "PostgreSQL " + major + " is installed");
        try (PostgresServer server = EmbeddedServerProvider.start(OptionalInt.of(major), BinariesChoice.AUTO,
                new DataDirectories(base), "unshare")) {
            assertTrue(server.description().startsWith("embedded PostgreSQL " + major + " (zonky binaries "
                    + zonky.version().orElseThrow() + ") on port "), server.description());
        }
    }

    @Test
    void zonkyIgnoresTheInstalledBinaries() {
        requireInstalled();
        EmbeddedBinaries zonky = EmbeddedBinaries.find().orElseThrow();
        try (PostgresServer server = EmbeddedServerProvider.start(zonky.major(), BinariesChoice.ZONKY,
                new DataDirectories(base), "unshare")) {
            assertTrue(server.description().contains("(zonky binaries "), server.description());
        }
    }

    @Test
    void installedFailsWithACodeWhenNoInstalledMajorMatches() throws Exception {
        int missing = -1;
        for (int m = ServerSettings.MIN_MAJOR; m <= ServerSettings.MAX_MAJOR && missing < 0; m++) {
            missing = InstalledBinaries.find(OptionalInt.of(m)).isEmpty() ? m : -1;
        }
        assumeTrue(missing > 0, "every supported major is installed");
        int major = missing;
        FraiseException e = assertThrows(FraiseException.class, () -> EmbeddedServerProvider.start(
                OptionalInt.of(major), BinariesChoice.INSTALLED, new DataDirectories(base), "unshare"));
        assertEquals(ErrorCode.EMBEDDED_BINARIES_MISSING, e.code());
        assertTrue(e.getMessage().contains("no installed PostgreSQL " + major + " found"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dfraise.embedded.binaries=auto"), e.getMessage());
        try (Stream<Path> left = Files.list(base)) {
            assertEquals(List.of(), left.toList(), "nothing started, nothing left");
        }
    }

    @Test
    void aFailingInitdbIsReportedWithItsOutputAndLeavesNothingBehind() throws Exception {
        Path bin = Files.createDirectories(base.resolve("fake/bin"));
        script(bin.resolve("postgres"), "echo 'postgres (PostgreSQL) 15.99'");
        script(bin.resolve("initdb"), "echo 'initdb: error: the disk is made of cheese' >&2; exit 1");
        InstalledBinaries fake = InstalledBinaries.probe(bin).orElseThrow();
        assertEquals(new InstalledBinaries(bin.toRealPath(), "15.99"), fake);
        DataDirectories dirs = new DataDirectories(base.resolve("pg"));

        FraiseException e = assertThrows(FraiseException.class,
                () -> InstalledServerLauncher.start(fake, dirs, "unshare"));

        assertEquals(ErrorCode.EMBEDDED_START_FAILED, e.code());
        assertTrue(e.getMessage().contains("PostgreSQL 15.99 from installed binaries " + bin.toRealPath()
                + " did not start: initdb failed: initdb: error: the disk is made of cheese"), e.getMessage());
        try (Stream<Path> left = Files.list(dirs.base())) {
            assertEquals(List.of(), left.toList(), "no data directory left");
        }
    }

    @Test
    void discoveryTakesTheFirstDirectoryOfTheWantedMajor() throws Exception {
        Path fake14 = Files.createDirectories(base.resolve("pg14/bin"));
        script(fake14.resolve("postgres"), "echo 'postgres (PostgreSQL) 14.3'");
        script(fake14.resolve("initdb"), "exit 1");
        Path empty = Files.createDirectories(base.resolve("empty"));
        assertEquals(Optional.empty(), InstalledBinaries.find(OptionalInt.of(16), List.of(empty, fake14)));
        assertEquals(Optional.of(new InstalledBinaries(fake14.toRealPath(), "14.3")),
                InstalledBinaries.find(OptionalInt.of(14), List.of(empty, fake14)));
        assertEquals(14, InstalledBinaries.find(OptionalInt.empty(), List.of(empty, fake14)).orElseThrow().major());
        Path fake13 = Files.createDirectories(base.resolve("pg13/bin"));
        script(fake13.resolve("postgres"), "echo 'postgres (PostgreSQL) 13.9'");
        script(fake13.resolve("initdb"), "exit 1");
        assertEquals(14, InstalledBinaries.find(OptionalInt.empty(), List.of(fake13, fake14)).orElseThrow().major(),
                "any major means any major Fraise supports");
        List<Path> candidates = InstalledBinaries.candidates(OptionalInt.of(15), fake14 + ":" + empty);
        assertEquals(fake14.toRealPath(), candidates.get(0), "postgres on the PATH first: " + candidates);
        assertTrue(candidates.contains(Path.of("/usr/lib/postgresql/15/bin")), candidates.toString());
        assertTrue(candidates.contains(Path.of("/usr/pgsql-15/bin")), candidates.toString());
    }

    @Test
    void theChoiceIsASystemPropertyAndABadValueFailsWithSettingInvalid() {
        assertEquals(BinariesChoice.AUTO, BinariesChoice.from(Map.of()));
        assertEquals(BinariesChoice.AUTO, BinariesChoice.from(Map.of(BinariesChoice.PROPERTY, " ")));
        assertEquals(BinariesChoice.INSTALLED, BinariesChoice.from(Map.of(BinariesChoice.PROPERTY, "Installed")));
        assertEquals(BinariesChoice.ZONKY, BinariesChoice.from(Map.of(BinariesChoice.PROPERTY, "zonky")));
        FraiseException e = assertThrows(FraiseException.class,
                () -> BinariesChoice.from(Map.of(BinariesChoice.PROPERTY, "system")));
        assertEquals(ErrorCode.SETTING_INVALID, e.code());
        assertEquals("SETTING_INVALID: system property fraise.embedded.binaries is 'system'; accepted: auto,"
                + " installed, zonky", e.getMessage());
    }

    @Test
    void theServerOfAKilledJvmIsReapedLikeAnEmbeddedOne() throws Exception {
        InstalledBinaries installed = requireInstalled();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StaleServerChild.class.getName(), base.toString(),
                Integer.toString(installed.major())).redirectErrorStream(true).start();
        try {
            String line = readyLine(child);
            assertTrue(line.startsWith("READY embedded PostgreSQL " + installed.major() + " (installed binaries "),
                    "child said: " + line);
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        Path dataDir;
        try (Stream<Path> children = Files.list(base)) {
            dataDir = children.filter(p -> p.getFileName().toString().startsWith("data-")).findFirst().orElseThrow();
        }
        ProcessHandle orphan = DataDirectories.postmaster(dataDir).orElseThrow();
        assertTrue(DataDirectories.isRunning(orphan), "the killed JVM left its postmaster running");

        assertEquals(List.of(dataDir), new DataDirectories(base).reapStale());

        assertFalse(DataDirectories.isRunning(orphan), "postmaster stopped");
        assertFalse(Files.exists(dataDir), "data directory deleted");
    }

    private static InstalledBinaries requireInstalled() {
        Optional<InstalledBinaries> installed = InstalledBinaries.find(OptionalInt.empty());
        assumeTrue(installed.isPresent(), "no PostgreSQL installed on this machine");
        return installed.get();
    }

    private static void script(Path file, String body) throws Exception {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String readyLine(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY")) {
                return line;
            }
        }
        return "no READY line";
    }
}
