package dev.fraise.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.build.SchemaPlan;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A closed clone is handed out again only when its test changed nothing in it; every other one is dropped. */
class CloneRecyclingTest {

    static PostgresServer embedded;

    @TempDir
    static Path project;

    @BeforeAll
    static void schema() throws Exception {
        embedded = PostgresServers.shared(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(),
                OptionalInt.empty()));
        Path tables = Files.createDirectories(project.resolve("db/schema/10_tables"));
        Files.writeString(tables.resolve("10_tb_note.sql"), """
                CREATE TABLE tb_note (pk_note INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body TEXT NOT NULL);
                INSERT INTO tb_note (body) SELECT 'note ' || n FROM generate_series(1, 500) n;
                """);
        Path views = Files.createDirectories(project.resolve("db/schema/20_views"));
        Files.writeString(views.resolve("10_v_note.sql"), """
                CREATE VIEW v_note AS SELECT pk_note AS id, jsonb_build_object('body', body) AS data FROM tb_note;
                """);
    }

    @Test
    void aCloneOnlyReadIsHandedOutAgainUnderANewNameWithItsStatisticsZeroed() throws Exception {
        try (TemplatePool pool = pool(PoolOptions.DEFAULT)) {
            Database first = acquirePrefetched(pool);
            assertEquals("[500]", first.queryJson("SELECT count(*) FROM v_note WHERE data ->> 'body' LIKE 'note%'"));
            long oid = oid(first);
            closeAndSettle(first);

            try (Database prefetched = pool.acquire(); Database second = pool.acquire()) {
                assertNotEquals(oid, oid(prefetched), "the clone prefetched while the first was in use comes first");
                assertEquals(oid, oid(second), "the same database, recycled");
                assertNotEquals(first.name(), second.name());
                assertEquals("[0]", second.queryJson(
                        "SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'tb_note'"),
                        "the first test's scan is not counted");
                assertEquals("[500]", second.queryJson("SELECT count(*) FROM tb_note"));
                SQLException stale = assertThrows(SQLException.class,
                        () -> DriverManager.getConnection(first.jdbcUrl(), first.user(), first.password()).close());
                assertEquals("3D000", stale.getSQLState(), "the first test's URL no longer reaches it");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO tb_note (body) VALUES ('added')",
        "UPDATE tb_note SET body = 'changed' WHERE pk_note = 1",
        "BEGIN; DELETE FROM tb_note; ROLLBACK",
        "INSERT INTO tb_note (body) VALUES ('flushed'); CHECKPOINT",
        "SET track_counts = off; INSERT INTO tb_note (body) VALUES ('uncounted')",
        "SET track_counts = off; INSERT INTO tb_note (body) VALUES ('uncounted, flushed'); CHECKPOINT",
        "SET track_counts = off; UPDATE tb_note SET body = 'uncounted' WHERE pk_note = 3; CHECKPOINT",
        "SELECT nextval(pg_get_serial_sequence('tb_note', 'pk_note'))",
        "CREATE TEMP TABLE scratch (x int)",
        "ANALYZE tb_note",
        "SELECT lo_create(0)",
        "SELECT * FROM tb_note WHERE pk_note = 2 FOR UPDATE",
        "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET work_mem = %L', current_database(), '8MB'); END $$",
        "DO $$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), 'mine'); END $$",
        "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I CONNECTION LIMIT 5', current_database()); END $$"
    })
    void aCloneItsTestChangedIsDropped(String change) throws Exception {
        try (TemplatePool pool = pool(PoolOptions.DEFAULT)) {
            Database first = acquirePrefetched(pool);
            first.execute(change);
            assertNextTwoAreNew(pool, first);
        }
    }

    /**
     * Each check on its own, on a clone nothing else touches (no checkpoint of another clone flushes its buffers):
     * with statistics off, a change is still a dirty buffer, or once checkpointed a changed file.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT count(*) FROM v_note | recycled",
        "INSERT INTO tb_note (body) VALUES ('x') | rows of it changed",
        "SET track_counts = off; INSERT INTO tb_note (body) VALUES ('x') | a page of it changed",
        "SET track_counts = off; INSERT INTO tb_note (body) VALUES ('x'); CHECKPOINT | its files changed",
        "SELECT nextval(pg_get_serial_sequence('tb_note', 'pk_note')); CHECKPOINT | its files changed",
        "DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO PUBLIC', current_database()); END $$"
                + " | its database settings changed"
    })
    void eachCheckFindsWhatTheOthersMiss(String change, String verdict) throws Exception {
        try (TemplatePool pool = pool(PoolOptions.DEFAULT.withPrefetch(0).withRecycling(false))) {
            assertEquals(verdict, verdictAfter(pool, change));
        }
    }

    @Test
    void aChangeWrittenToATablespaceIsSeen(@TempDir Path far) throws Exception {
        try (Connection admin = embedded.dataSource("postgres").getConnection(); Statement s = admin.createStatement()) {
            s.execute("SET allow_in_place_tablespaces = on");
            s.execute("CREATE TABLESPACE fraise_recycling_ts LOCATION ''");
            try {
                Path tables = Files.createDirectories(far.resolve("db/schema/10_tables"));
                Files.writeString(tables.resolve("10_tb_far.sql"), """
                        CREATE TABLE tb_far (body TEXT NOT NULL) TABLESPACE fraise_recycling_ts;
                        INSERT INTO tb_far VALUES ('seed');
                        """);
                SchemaPlan plan = SchemaPlanner.plan(ProjectConfig.defaults(far, "local"), false);
                try (TemplatePool pool = TemplatePool.create(embedded, plan,
                        PoolOptions.DEFAULT.withPrefetch(0).withRecycling(false), c -> { })) {
                    assertEquals("recycled", verdictAfter(pool, "SELECT * FROM tb_far"));
                    assertEquals("its files changed", verdictAfter(pool,
                            "SET track_counts = off; INSERT INTO tb_far VALUES ('x'); CHECKPOINT"));
                }
            } finally {
                s.execute("DROP TABLESPACE fraise_recycling_ts");
            }
        }
    }

    /**
     * Clones {@code pool}'s template by hand, runs {@code change} on the clone, and says what recycling it finds:
     * {@code recycled}, or why not.
     */
    private static String verdictAfter(TemplatePool pool, String change) throws Exception {
        try (Connection admin = embedded.dataSource("postgres").getConnection()) {
            CloneRecycling recycling = CloneRecycling.on(embedded, admin, PoolOptions.DEFAULT)
                    .orElseThrow();
            String name = "recycling_check_" + ProcessHandle.current().pid();
            DatabaseAdmin.create(admin, name, pool.templateName(), " STRATEGY FILE_COPY");
            try {
                CloneRecycling.Baseline baseline = recycling.baseline(admin, name).orElseThrow();
                try (Connection c = embedded.dataSource(name).getConnection(); Statement s = c.createStatement()) {
                    s.execute(change);
                }
                CloneRecycling.Verdict outcome = recycling.recycle(admin, name, name + "_next", baseline);
                name = outcome.name();
                return outcome.change().orElse("recycled");
            } finally {
                try (Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE " + name + " WITH (FORCE)");
                }
            }
        }
    }

    @Test
    void aCloneWithASessionStillOpenIsDroppedAndTheSessionEnded() throws Exception {
        try (TemplatePool pool = pool(PoolOptions.DEFAULT)) {
            Database first = acquirePrefetched(pool);
            Connection leaked = first.connect();
            try {
                assertNextTwoAreNew(pool, first);
                assertTrue(!leaked.isValid(2), "the session was ended with the drop");
            } finally {
                leaked.close();
            }
        }
    }

    @Test
    void aCloneAnAcquireWaitedForIsRecycledToo() throws Exception {
        try (TemplatePool pool = pool(PoolOptions.DEFAULT.withPrefetch(0))) {
            Database first = pool.acquire();
            first.queryJson("SELECT count(*) FROM tb_note");
            long oid = oid(first);
            closeAndSettle(first);
            try (Database next = pool.acquire()) {
                assertEquals(oid, oid(next), "recycled, although handed over as soon as it was copied");
            }
        }
    }

    @Test
    void aClosedDatabaseSaysSoInsteadOfReachingItsRecycledSelf() throws Exception {
        try (TemplatePool pool = pool(PoolOptions.DEFAULT.withPrefetch(0))) {
            Database first = pool.acquire();
            closeAndSettle(first);
            IllegalStateException closed = assertThrows(IllegalStateException.class, first::connect);
            assertTrue(closed.getMessage().startsWith("database " + first.name() + " is closed"), closed.getMessage());
            SQLException viaDataSource = assertThrows(SQLException.class,
                    () -> first.dataSource().getConnection().close());
            assertEquals("08003", viaDataSource.getSQLState());
            SQLException withCredentials = assertThrows(SQLException.class,
                    () -> first.dataSource().getConnection(first.user(), first.password()).close());
            assertEquals("08003", withCredentials.getSQLState());
        }
    }

    @Test
    void aRecycledCloneHonoursWarmConnectionsOff() throws Exception {
        try (TemplatePool pool = pool(PoolOptions.DEFAULT.withPrefetch(0).withWarmConnection(false))) {
            Database first = pool.acquire();
            long oid = oid(first);
            closeAndSettle(first);
            try (Database next = pool.acquire(); Connection c = next.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT now() - backend_start < interval '1 second', "
                         + "(SELECT oid::int FROM pg_database WHERE datname = current_database())"
                         + " FROM pg_stat_activity WHERE pid = pg_backend_pid()")) {
                rs.next();
                assertEquals(oid, rs.getLong(2), "recycled");
                assertTrue(rs.getBoolean(1), "a connection opened by the test, not one opened ahead");
            }
        }
    }

    @Test
    void theSystemPropertyAcceptsTrueOrFalseOnlyAndIsCheckedBeforeAnythingIsBuilt() throws Exception {
        int databases = databaseCount();
        System.setProperty(CloneRecycling.PROPERTY, "off");
        try {
            FraiseException invalid = assertThrows(FraiseException.class, () -> pool(PoolOptions.DEFAULT).close());
            assertEquals(ErrorCode.SETTING_INVALID, invalid.code());
            assertEquals("SETTING_INVALID: system property fraise.pool.recycle is 'off'; accepted: true, false",
                    invalid.getMessage());
            assertEquals(databases, databaseCount(), "no template built");
        } finally {
            System.clearProperty(CloneRecycling.PROPERTY);
        }
    }

    @Test
    void recyclingIsOffWithTheOptionOrTheSystemProperty() throws Exception {
        try (TemplatePool pool = pool(PoolOptions.DEFAULT.withRecycling(false))) {
            assertReadOnlyClonesAreNotRecycled(pool);
        }
        System.setProperty(CloneRecycling.PROPERTY, "false");
        try (TemplatePool pool = pool(PoolOptions.DEFAULT)) {
            assertReadOnlyClonesAreNotRecycled(pool);
        } finally {
            System.clearProperty(CloneRecycling.PROPERTY);
        }
    }

    @Test
    void clonesCopiedThroughTheWalAreNeverRecycled() throws Exception {
        try (TemplatePool pool = pool(new PoolOptions(1, CloneStrategy.WAL_LOG))) {
            assertReadOnlyClonesAreNotRecycled(pool);
        }
    }

    private static void assertReadOnlyClonesAreNotRecycled(TemplatePool pool) throws Exception {
        Database first = acquirePrefetched(pool);
        first.queryJson("SELECT count(*) FROM tb_note");
        assertNextTwoAreNew(pool, first);
    }

    /**
     * Closes {@code used} and checks that neither of the next two clones is it: the first is the one prefetched while
     * it was in use, the second would be it, recycled.
     */
    private static void assertNextTwoAreNew(TemplatePool pool, Database used) throws Exception {
        long oid = oid(used);
        closeAndSettle(used);
        try (Database prefetched = pool.acquire(); Database next = pool.acquire()) {
            assertNotEquals(oid, oid(prefetched));
            assertNotEquals(oid, oid(next), "not recycled");
            assertEquals("[500]", next.queryJson("SELECT count(*) FROM tb_note WHERE body LIKE 'note %'"));
        }
    }

    /** A pool with one clone thread, which prefetches one clone (or as {@code options} say). */
    private static TemplatePool pool(PoolOptions options) {
        SchemaPlan plan = SchemaPlanner.plan(ProjectConfig.defaults(project, "local"), false);
        return TemplatePool.create(embedded, plan, options.withPrefetch(Math.min(options.prefetch(), 1))
                .withCloneThreads(1), c -> { });
    }

    /** The clone {@code pool} prefetched, taken once it is ready. */
    private static Database acquirePrefetched(TemplatePool pool) throws Exception {
        try (Connection admin = embedded.dataSource("postgres").getConnection();
             PreparedStatement ready = admin.prepareStatement(
                     "SELECT count(*) FROM pg_database WHERE datname LIKE ? AND datname <> ?")) {
            ready.setString(1, "%" + pool.leaseId() + "%");
            ready.setString(2, pool.templateName());
            for (int attempt = 0; attempt < 500; attempt++) {
                try (ResultSet rs = ready.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return pool.acquire();
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("no clone prefetched in 5 s");
    }

    private static int databaseCount() throws SQLException {
        try (Connection admin = embedded.dataSource("postgres").getConnection(); Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long oid(Database database) {
        return Long.parseLong(database.queryJson("SELECT oid::int FROM pg_database WHERE datname = current_database()")
                .replaceAll("[\\[\\]]", ""));
    }

    /**
     * Closes {@code database} and waits until the pool has recycled (renamed) or dropped it. With one clone thread,
     * the next acquire's order runs after the recycling, which queued the clone if it recycled it.
     */
    private static void closeAndSettle(Database database) throws Exception {
        database.close();
        try (Connection admin = embedded.dataSource("postgres").getConnection();
             PreparedStatement exists = admin.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database.name());
            for (int attempt = 0; attempt < 500; attempt++) {
                try (ResultSet rs = exists.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError(database.name() + " was neither recycled nor dropped in 5 s");
    }
}
