package dev.fraise.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fraise.TestDatabases;
import dev.fraise.TestFiles;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each clone comes with a connection the pool opened ahead; its first connect hands it over, close closes it. */
class WarmConnectionTest {

    @TempDir
    static Path project;

    static PostgresServer server;

    @BeforeAll
    static void setUp() {
        server = TestDatabases.server();
        TestFiles.write(project, "db/schema/10_tb_warm.sql",
                "CREATE TABLE tb_warm (pk_warm INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body TEXT);\n");
    }

    @Test
    void theFirstConnectHandsOverTheConnectionThePoolOpenedAheadThenNewOnesFollow() throws Exception {
        try (TemplatePool pool = ready(PoolOptions.DEFAULT.withPrefetch(1)); Database db = pool.acquire()) {
            List<Integer> ahead = backends(db.name());
            assertEquals(1, ahead.size(), "one connection to the clone, opened by the pool before acquire returned");
            try (Connection first = db.connect(); Connection second = db.connect()) {
                assertEquals(ahead.get(0), pid(first), "the first connect hands it over");
                assertNotEquals(ahead.get(0), pid(second), "the next ones are new");
                assertTrue(first.getAutoCommit(), "handed over in its default state");
            }
            db.execute("INSERT INTO tb_warm (body) VALUES ('after the hand-over')");
            assertEquals("[1]", db.queryJson("SELECT count(*) FROM tb_warm"));
        }
    }

    @Test
    void theDataSourceHandsItOverToo() throws Exception {
        try (TemplatePool pool = ready(PoolOptions.DEFAULT.withPrefetch(1)); Database db = pool.acquire()) {
            int ahead = backends(db.name()).get(0);
            try (Connection first = db.dataSource().getConnection()) {
                assertEquals(ahead, pid(first));
            }
        }
    }

    @Test
    void aWarmConnectionNeverHandedOverIsClosedWithItsCloneWhichIsDropped() throws Exception {
        try (TemplatePool pool = ready(PoolOptions.DEFAULT.withPrefetch(1))) {
            Database db = pool.acquire();
            int ahead = backends(db.name()).get(0);
            db.close();
            awaitZero("SELECT count(*) FROM pg_stat_activity WHERE pid = " + ahead, "the unused warm connection");
            awaitZero("SELECT count(*) FROM pg_database WHERE datname = '" + db.name() + "'", "the clone");
        }
    }

    @Test
    void closingThePoolClosesTheWarmConnectionsOfReadyClones() throws Exception {
        TemplatePool pool = ready(PoolOptions.DEFAULT.withPrefetch(2));
        String clones = "datname LIKE '%" + pool.leaseId() + "%'";
        pool.close();
        awaitZero("SELECT count(*) FROM pg_stat_activity WHERE " + clones, "sessions on the pool's databases");
        awaitZero("SELECT count(*) FROM pg_database WHERE " + clones, "the pool's databases");
    }

    @Test
    void aCloneAnAcquireIsWaitingForIsHandedOverAtOnceWithoutAWarmConnection() throws Exception {
        try (TemplatePool pool = pool(PoolOptions.DEFAULT.withPrefetch(0).withCloneThreads(1))) {
            Future<Database> waiting;
            try (Connection blocker = server.dataSource(server.maintenanceDatabase()).getConnection()) {
                blocker.setAutoCommit(false);
                try (Statement s = blocker.createStatement()) {
                    s.execute("COMMENT ON DATABASE " + pool.templateName() + " IS 'blocked by the test'");
                }
                waiting = Executors.newSingleThreadExecutor().submit(pool::acquire);
                awaitValue(1, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query"
                        + " LIKE 'CREATE DATABASE%" + pool.templateName() + "%'", "the clone waiting for the lock");
                blocker.rollback();
            }
            try (Database db = waiting.get(30, TimeUnit.SECONDS)) {
                assertEquals(List.of(), backends(db.name()), "no connection opened while the acquire waited");
                assertEquals("[0]", db.queryJson("SELECT count(*) FROM tb_warm"));
            }
        }
    }

    @Test
    void withoutWarmConnectionsNothingIsOpenedAhead() throws Exception {
        try (TemplatePool pool = pool(PoolOptions.DEFAULT.withPrefetch(0).withWarmConnection(false));
             Database db = pool.acquire()) {
            assertEquals(List.of(), backends(db.name()));
            try (Connection c = db.connect()) {
                assertEquals(List.of(pid(c)), backends(db.name()));
            }
        }
    }

    @Test
    void aWarmConnectionThatAnsweredLessThanASecondAgoIsHandedOverWithoutARoundTrip() throws Exception {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement()) {
            int pid = pid(c);
            s.execute("SELECT 'last query'");
            assertTrue(WarmConnection.answeredNow(c).usable(System.nanoTime()));
            assertEquals("SELECT 'last query'", lastQuery(pid), "nothing was sent");
        }
    }

    @Test
    void anOlderOneIsCheckedAndOneTheServerEndedIsReplaced() throws Exception {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement()) {
            int pid = pid(c);
            s.execute("SELECT 'last query'");
            long twoSecondsAgo = System.nanoTime() - TimeUnit.SECONDS.toNanos(2);
            assertTrue(new WarmConnection(c, twoSecondsAgo).usable(System.nanoTime()));
            assertNotEquals("SELECT 'last query'", lastQuery(pid), "checked with a round trip");
        }
        try (TemplatePool pool = ready(PoolOptions.DEFAULT.withPrefetch(1)); Database db = pool.acquire()) {
            int ahead = backends(db.name()).get(0);
            try (Connection admin = server.dataSource(server.maintenanceDatabase()).getConnection();
                 Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + ahead + ")");
            }
            awaitZero("SELECT count(*) FROM pg_stat_activity WHERE pid = " + ahead, "the ended warm connection");
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(WarmConnection.TRUSTED_NANOS) + 100);
            try (Connection c = db.connect()) {
                assertNotEquals(ahead, pid(c), "a new connection instead of the ended one");
            }
        }
    }

    private static String lastQuery(int pid) throws SQLException {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT query FROM pg_stat_activity WHERE pid = ?")) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static TemplatePool pool(PoolOptions options) {
        return TemplatePool.create(server, SchemaPlanner.plan(ProjectConfig.defaults(project, "local"), false),
                options, c -> { });
    }

    /** A pool whose prefetched clones are all ready, with their warm connections. */
    private static TemplatePool ready(PoolOptions options) throws Exception {
        TemplatePool pool = pool(options);
        awaitValue(options.prefetch(), "SELECT count(*) FROM pg_stat_activity WHERE datname LIKE '%"
                + pool.leaseId() + "%'", options.prefetch() + " ready clones, warm");
        return pool;
    }

    private static int pid(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<Integer> backends(String database) throws SQLException {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = ?")) {
            s.setString(1, database);
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
            return pids;
        }
    }

    private static void awaitZero(String sql, String what) throws Exception {
        awaitValue(0, sql, what);
    }

    private static void awaitValue(int expected, String sql, String what) throws Exception {
        int actual = -1;
        for (int i = 0; i < 400 && actual != expected; i++) {
            try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
                 PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                rs.next();
                actual = rs.getInt(1);
            }
            if (actual != expected) {
                Thread.sleep(25);
            }
        }
        if (actual != expected) {
            fail(what + ": expected " + expected + ", got " + actual);
        }
    }
}
