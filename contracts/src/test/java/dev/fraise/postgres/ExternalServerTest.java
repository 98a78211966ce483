package dev.fraise.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestFiles;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.database.CloneStrategy;
import dev.fraise.database.Database;
import dev.fraise.database.PoolOptions;
import dev.fraise.database.TemplatePool;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An explicit server, played by the shared embedded one: URLs, a role that is not a superuser, limits. */
class ExternalServerTest {

    private static PostgresServer embedded;
    private static String port;

    @BeforeAll
    static void server() {
        embedded = PostgresServers.shared(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(),
                OptionalInt.empty()));
        port = embedded.jdbcUrl("postgres").replaceAll(".*:(\\d+)/.*", "$1");
    }

    private static PostgresServer external(String url) {
        return PostgresServers.start(new ServerSettings(ProviderKind.SERVER, Optional.of(url), OptionalInt.empty()));
    }

    @Test
    void libpqAndJdbcUrlsKeepTheirConnectionParameters() {
        PostgresUrl libpq = PostgresUrl.parse("postgresql://app:s%40cret@db.example:6543/app?sslmode=require",
                "test");
        assertEquals(new PostgresUrl(List.of(new PostgresUrl.Host("db.example", 6543)), Optional.of("app"),
                Optional.of("app"), Optional.of("s@cret"), Map.of("sslmode", "require")), libpq);
        assertEquals("jdbc:postgresql://db.example:6543/fraise_x?sslmode=require", libpq.jdbcUrl("fraise_x"));
        assertEquals("postgresql://app:***@db.example:6543/app", libpq.redacted());

        PostgresUrl jdbc = PostgresUrl.parse("jdbc:postgresql://db:5432/app?user=u&password=p&ssl=true"
                + "&sslmode=verify-full", "test");
        assertEquals(new PostgresUrl(List.of(new PostgresUrl.Host("db", 5432)), Optional.of("app"), Optional.of("u"),
                Optional.of("p"), Map.of("ssl", "true", "sslmode", "verify-full")), jdbc);
        assertEquals("jdbc:postgresql://db:5432/other?ssl=true&sslmode=verify-full", jdbc.jdbcUrl("other"));
    }

    @Test
    void urlParametersReachEveryConnectionIncludingClones(@TempDir Path project) throws Exception {
        PostgresServer server = external("postgresql://postgres@localhost:" + port
                + "/postgres?options=-c%20statement_timeout%3D4321");
        assertEquals("4321ms", firstValue(server, server.maintenanceDatabase(), "SHOW statement_timeout"));
        TestFiles.write(project, "db/schema/10_tables/10_tb_a.sql", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY);\n");
        try (TemplatePool pool = TemplatePool.create(server, plan(project), PoolOptions.DEFAULT.withPrefetch(0),
                c -> { }); Database clone = pool.acquire()) {
            assertEquals("[\"4321ms\"]", clone.queryJson("SELECT current_setting('statement_timeout')"));
        }
    }

    @Test
    void aRoleWithOnlyCreatedbBuildsClonesAndDropsThem(@TempDir Path project) throws Exception {
        admin("DROP ROLE IF EXISTS fraise_ci");
        admin("CREATE ROLE fraise_ci LOGIN CREATEDB");
        try {
            PostgresServer server = external("postgresql://fraise_ci@localhost:" + port + "/postgres");
            TestFiles.write(project, "db/schema/00_extensions/00_pgcrypto.sql", "CREATE EXTENSION IF NOT EXISTS pgcrypto;\n");
            TestFiles.write(project, "db/schema/10_tables/10_tb_a.sql", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY,"
                    + " id UUID NOT NULL DEFAULT gen_random_uuid());\n");
            String clone;
            String template;
            try (TemplatePool pool = TemplatePool.create(server, plan(project), PoolOptions.DEFAULT, c -> { });
                 Database db = pool.acquire()) {
                clone = db.name();
                template = pool.templateName();
                db.execute("INSERT INTO tb_a (pk_a) VALUES (1)");
                assertEquals("[\"fraise_ci\"]", db.queryJson("SELECT pg_get_userbyid(datdba) FROM pg_database"
                        + " WHERE datname = current_database()"));
            }
            assertEquals("0", firstValue(embedded, "postgres", "SELECT count(*) FROM pg_database WHERE datname IN ('"
                    + clone + "', '" + template + "')"), "clone and template dropped by their owner");
        } finally {
            admin("DROP ROLE IF EXISTS fraise_ci");
        }
    }

    @Test
    void autoCloneStrategySparesSharedServersTheCheckpoints() {
        PostgresServer server = external("postgresql://postgres@localhost:" + port + "/postgres");
        assertEquals(CloneStrategy.WAL_LOG, CloneStrategy.AUTO.on(server));
        assertEquals(CloneStrategy.FILE_COPY, CloneStrategy.AUTO.on(embedded));
        assertEquals(CloneStrategy.FILE_COPY, CloneStrategy.FILE_COPY.on(server), "an explicit choice stands");
    }

    @Test
    void aPlantedPasswordIsInNoDescriptionStringOrFailure() {
        String secret = "Pl4nted-" + Long.toHexString(System.nanoTime());
        String url = "postgresql://postgres:" + secret + "%2Bx@localhost:" + port + "/postgres";
        PostgresServer server = external(url);
        assertEquals(secret + "+x", server.password(), "percent-decoded, '+' kept");
        for (String shown : List.of(server.description(), server.toString(), new ServerSettings(ProviderKind.SERVER,
                Optional.of(url), OptionalInt.empty()).toString())) {
            assertFalse(shown.contains(secret), shown);
            assertTrue(shown.contains("postgresql://postgres:***@localhost:" + port + "/postgres"), shown);
        }
        FraiseException e = assertThrows(FraiseException.class, () -> PostgresServers.start(new ServerSettings(
                ProviderKind.SERVER, Optional.of(url), OptionalInt.of(server.majorVersion() == 15 ? 16 : 15))));
        assertEquals(ErrorCode.SERVER_VERSION_MISMATCH, e.code());
        assertFalse(e.getMessage().contains(secret), e.getMessage());
    }

    @Test
    void serversOlderThanFourteenAreRefused() {
        PostgresUrl address = PostgresUrl.parse("postgresql://app@old.example/app", "test");
        FraiseException e = assertThrows(FraiseException.class,
                () -> ExternalServerProvider.requireSupported(13, address));
        assertEquals(ErrorCode.SERVER_VERSION_MISMATCH, e.code());
        assertEquals("SERVER_VERSION_MISMATCH: postgresql://app@old.example:5432/app runs PostgreSQL 13; Fraise"
                + " supports PostgreSQL 14 and later", e.getMessage());
        ExternalServerProvider.requireSupported(14, address);
    }

    @Test
    void aServerThatAcceptsButNeverAnswersFailsWithinTheLoginTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            FraiseException e = assertThrows(FraiseException.class,
                    () -> external("postgresql://app:pw@127.0.0.1:" + silent.getLocalPort() + "/app"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ErrorCode.SERVER_UNREACHABLE, e.code());
            assertTrue(e.getMessage().startsWith("SERVER_UNREACHABLE: cannot connect to postgresql://app:***@127.0.0.1:"
                    + silent.getLocalPort() + "/app within 5 s"), e.getMessage());
            assertFalse(e.getMessage().contains("pw@"), e.getMessage());
            assertTrue(millis < 8_000, "failed after " + millis + " ms, not hung");
        }
    }

    @Test
    void anUnknownHostNamesTheRootCauseWithoutThePassword() {
        FraiseException e = assertThrows(FraiseException.class,
                () -> external("postgresql://app:S3cretPw@my_db_host.invalid:5432/app"));
        assertEquals(ErrorCode.SERVER_UNREACHABLE, e.code());
        assertTrue(e.getMessage().endsWith("(UnknownHostException: my_db_host.invalid)"), e.getMessage());
        assertFalse(e.getMessage().contains("S3cretPw"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aConnectionFailureMasksThePasswordInItsCause() {
        var failure = new java.sql.SQLException("The connection attempt failed.",
                new RuntimeException("wrapped", new java.io.IOException("auth hunter2 refused\nsecond line")));
        assertEquals("The connection attempt failed. (IOException: auth *** refused)",
                ConnectionFailure.describe(failure, Optional.of("hunter2")));
        assertEquals("no cause", ConnectionFailure.describe(new java.sql.SQLException("no cause"), Optional.empty()));
    }

    private static dev.fraise.build.SchemaPlan plan(Path project) {
        return SchemaPlanner.plan(ProjectConfig.defaults(project, "local"), false);
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = embedded.dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String firstValue(PostgresServer server, String database, String sql) throws Exception {
        try (Connection c = server.dataSource(database).getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
