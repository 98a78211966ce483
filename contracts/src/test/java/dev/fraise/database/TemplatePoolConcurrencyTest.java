package dev.fraise.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fraise.TestDatabases;
import dev.fraise.TestFiles;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pool from several threads: acquires in parallel, close racing acquire, failing prefetches; no clone leaks. */
class TemplatePoolConcurrencyTest {

    private static final String CLONES_WAITING_FOR_LOCK = "SELECT count(*) FROM pg_stat_activity WHERE"
            + " wait_event_type = 'Lock' AND query LIKE 'CREATE DATABASE%%TEMPLATE \"%s\"%%'";

    @TempDir
    static Path project;

    static PostgresServer server;
    static ExecutorService threads;

    @BeforeAll
    static void setUp() {
        server = TestDatabases.server();
        TestFiles.write(project, "db/schema/10_tb_race.sql",
                "CREATE TABLE tb_race (pk_race INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body TEXT);\n");
        threads = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void recyclingAmongConcurrentReadersAndWritersNeverHandsOutAChangedClone() throws Exception {
        TemplatePool pool = pool(PoolOptions.DEFAULT);
        Set<Long> oids = ConcurrentHashMap.newKeySet();
        List<Future<Integer>> workers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            int worker = t;
            workers.add(threads.submit(() -> {
                start.await();
                int reused = 0;
                for (int i = 0; i < 12; i++) {
                    try (Database db = pool.acquire()) {
                        assertEquals("[{\"rows\": 0, \"written\": null}]", db.queryJson(
                                "SELECT (SELECT count(*) FROM tb_race) AS rows, to_regclass('written') AS written"),
                                "a clone as the template made it");
                        long oid = Long.parseLong(db.queryJson("SELECT oid::int FROM pg_database"
                                + " WHERE datname = current_database()").replaceAll("[\\[\\]]", ""));
                        reused += oids.add(oid) ? 0 : 1;
                        if ((worker + i) % 2 == 0) {
                            db.execute("INSERT INTO tb_race (body) VALUES ('w'); CREATE TABLE written (id int)");
                        }
                    }
                }
                return reused;
            }));
        }
        start.countDown();
        int reused = 0;
        for (Future<Integer> w : workers) {
            reused += w.get(120, TimeUnit.SECONDS);
        }
        assertTrue(reused > 0, "clones that were only read were handed out again");
        pool.close();
        assertNothingLeft(pool);
    }

    @ParameterizedTest(name = "{0} clone thread(s)")
    @ValueSource(ints = {1, 3})
    void manyThreadsGetDistinctIndependentClonesAndNoneIsLeaked(int cloneThreads) throws Exception {
        TemplatePool pool = pool(2, cloneThreads);
        Set<String> names = ConcurrentHashMap.newKeySet();
        List<Future<?>> workers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 6; t++) {
            workers.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < 6; i++) {
                    try (Database db = pool.acquire()) {
                        assertTrue(names.add(db.name()), "handed out twice: " + db.name());
                        db.execute("INSERT INTO tb_race (body) VALUES ('mine')");
                        assertEquals("[1]", db.queryJson("SELECT count(*) FROM tb_race"), "a clone of its own");
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(120, TimeUnit.SECONDS);
        }
        assertEquals(36, names.size());
        pool.close();
        assertNothingLeft(pool);
    }

    @Test
    void closeRacingAcquireFailsOnlyWithPoolClosedAndLeaksNothing() throws Exception {
        List<Future<int[]>> lanes = new ArrayList<>();
        for (int lane = 0; lane < 4; lane++) {
            int first = lane * 50;
            lanes.add(threads.submit(() -> {
                int[] wins = new int[2];
                for (int run = first; run < first + 50; run++) {
                    int[] race = race(run);
                    wins[0] += race[0];
                    wins[1] += race[1];
                }
                return wins;
            }));
        }
        int acquired = 0;
        int refused = 0;
        for (Future<int[]> lane : lanes) {
            int[] wins = lane.get(300, TimeUnit.SECONDS);
            acquired += wins[0];
            refused += wins[1];
        }
        assertTrue(acquired > 0 && refused > 0, acquired + " acquired, " + refused + " refused: both sides won");
    }

    /** One pool, an acquirer taking up to three clones and close after a delay; counts clones and refusals. */
    private static int[] race(int run) throws Exception {
        TemplatePool pool = pool(run % 3, 1 + run % 2);
        CountDownLatch started = new CountDownLatch(1);
        Future<List<Object>> acquirer = threads.submit(() -> {
            List<Object> outcomes = new ArrayList<>();
            started.countDown();
            for (int i = 0; i < 3; i++) {
                try (Database db = pool.acquire()) {
                    outcomes.add(db.name());
                } catch (FraiseException e) {
                    outcomes.add(e);
                    break;
                }
            }
            return outcomes;
        });
        started.await();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(run % 7) * 10);
        pool.close();
        int[] wins = new int[2];
        for (Object outcome : acquirer.get(60, TimeUnit.SECONDS)) {
            if (outcome instanceof FraiseException e) {
                assertEquals(ErrorCode.POOL_CLOSED, e.code(), () -> "run " + run + ": " + e);
                wins[1]++;
            } else {
                wins[0]++;
            }
        }
        FraiseException after = assertThrows(FraiseException.class, pool::acquire);
        assertEquals(ErrorCode.POOL_CLOSED, after.code());
        assertNothingLeft(pool);
        return wins;
    }

    @Test
    void closeWakesAnAcquireWaitingForACloneAndDropsTheCloneMadeMeanwhile() throws Exception {
        TemplatePool pool = pool(0);
        Future<Database> waiting;
        try (Connection blocker = blockClones(pool.templateName())) {
            waiting = threads.submit(pool::acquire);
            awaitCloneWaitingForLock(pool);
            Future<?> closing = threads.submit(pool::close);
            Exception e = assertThrows(Exception.class, () -> waiting.get(10, TimeUnit.SECONDS),
                    "the waiting acquire fails at once, while the clone is still being made");
            FraiseException closed = assertInstanceOf(FraiseException.class, e.getCause());
            assertEquals(ErrorCode.POOL_CLOSED, closed.code());
            assertEquals("POOL_CLOSED: template pool " + pool.templateName() + " is closed", closed.getMessage());
            assertTrue(!closing.isDone(), "close waits for the clone under way");
            blocker.rollback();
            closing.get(30, TimeUnit.SECONDS);
        }
        assertNothingLeft(pool);
    }

    @Test
    void aFailedPrefetchReachesTheNextAcquireWithItsCauseAndThePoolRecovers() throws Exception {
        TemplatePool pool = pool(1);
        String first;
        try (Database db = pool.acquire()) {
            first = db.name();
        }
        awaitValue(0, "SELECT count(*) FROM pg_database WHERE datname = '" + first + "'", "the first clone dropped");
        awaitReady(pool, 1);
        terminateCloneSession(pool);
        try (Database prefetched = pool.acquire()) {
            assertEquals("[0]", prefetched.queryJson("SELECT count(*) FROM tb_race"), "made before the kill");
        }
        FraiseException failed = assertThrows(FraiseException.class, pool::acquire,
                "the replacement prefetched on the killed connection failed; its failure is this acquire's");
        assertEquals(ErrorCode.DATABASE_CLONE_FAILED, failed.code());
        assertTrue(failed.getMessage().startsWith("DATABASE_CLONE_FAILED: cannot clone " + pool.templateName()),
                failed.getMessage());
        assertInstanceOf(SQLException.class, failed.getCause(), "with PostgreSQL's failure as its cause");
        try (Database next = pool.acquire()) {
            assertEquals("[0]", next.queryJson("SELECT count(*) FROM tb_race"), "a new connection clones again");
        }
        pool.close();
        assertNothingLeft(pool);
    }

    @Test
    void closeIsIdempotentAndConcurrentClosersAllReturnAfterTheDrops() throws Exception {
        TemplatePool pool = pool(2);
        awaitReady(pool, 2);
        List<Future<?>> closers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            closers.add(threads.submit(() -> {
                pool.close();
                assertEquals(0, count("%" + pool.leaseId() + "%"), "every closer returns after the drops");
                return null;
            }));
        }
        for (Future<?> closer : closers) {
            closer.get(30, TimeUnit.SECONDS);
        }
        pool.close();
        assertNothingLeft(pool);
    }

    @Test
    void severalCloneThreadsCloneAtTheSameTimeAndCloseWaitsForAllOfThem() throws Exception {
        TemplatePool pool = pool(0, 2);
        List<Future<Database>> waiting = new ArrayList<>();
        try (Connection blocker = blockClones(pool.templateName())) {
            for (int i = 0; i < 3; i++) {
                waiting.add(threads.submit(pool::acquire));
            }
            awaitClonesWaitingForLock(pool, 2);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            assertEquals(2, clonesWaitingForLock(pool), "two threads clone; the third order waits for one of them");
            blocker.rollback();
            for (Future<Database> acquire : waiting) {
                try (Database db = acquire.get(30, TimeUnit.SECONDS)) {
                    assertEquals("[0]", db.queryJson("SELECT count(*) FROM tb_race"));
                }
            }
        }
        awaitValue(2, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'fraise clones "
                + pool.leaseId() + "'", "a session per clone thread, kept for the next clones");
        pool.close();
        assertNothingLeft(pool);
    }

    @Test
    void aFailedCloneSessionClosesTheIdleOnesAndThePoolRecoversWithSeveralThreads() throws Exception {
        TemplatePool pool = pool(0, 2);
        try (Connection blocker = blockClones(pool.templateName())) {
            List<Future<Database>> both = List.of(threads.submit(pool::acquire), threads.submit(pool::acquire));
            awaitClonesWaitingForLock(pool, 2);
            blocker.rollback();
            for (Future<Database> acquire : both) {
                acquire.get(30, TimeUnit.SECONDS).close();
            }
        }
        String sessions = "application_name = 'fraise clones " + pool.leaseId() + "'";
        awaitValue(2, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE " + sessions,
                "both clone sessions killed");
        awaitValue(0, "SELECT count(*) FROM pg_stat_activity WHERE " + sessions, "the killed sessions gone");
        FraiseException failed = assertThrows(FraiseException.class, pool::acquire, "cloned on a killed session");
        assertEquals(ErrorCode.DATABASE_CLONE_FAILED, failed.code());
        try (Database next = pool.acquire()) {
            assertEquals("[0]", next.queryJson("SELECT count(*) FROM tb_race"),
                    "the other killed session was closed too, not tried: a new one clones");
        }
        pool.close();
        assertNothingLeft(pool);
    }

    private static TemplatePool pool(int prefetch) {
        return pool(prefetch, 1);
    }

    /** A pool that drops every closed clone, so that the clones on the server are those it made and keeps ready. */
    private static TemplatePool pool(int prefetch, int cloneThreads) {
        return pool(new PoolOptions(prefetch, CloneStrategy.FILE_COPY, cloneThreads, true, false));
    }

    private static TemplatePool pool(PoolOptions options) {
        return TemplatePool.create(server, SchemaPlanner.plan(ProjectConfig.defaults(project, "local"), false),
                options, c -> { });
    }

    private static void awaitClonesWaitingForLock(TemplatePool pool, int clones) throws Exception {
        awaitValue(clones, CLONES_WAITING_FOR_LOCK.formatted(pool.templateName()), clones
                + " clones waiting for the test's lock");
    }

    private static int clonesWaitingForLock(TemplatePool pool) throws SQLException {
        return queryInt(CLONES_WAITING_FOR_LOCK.formatted(pool.templateName()));
    }

    /** Holds the template's database lock in an open transaction: CREATE DATABASE ... TEMPLATE waits for it. */
    private static Connection blockClones(String template) throws SQLException {
        Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("COMMENT ON DATABASE " + template + " IS 'blocked by the test'");
        }
        return c;
    }

    private static void awaitCloneWaitingForLock(TemplatePool pool) throws Exception {
        awaitClonesWaitingForLock(pool, 1);
    }

    private static void awaitReady(TemplatePool pool, int clones) throws Exception {
        awaitValue(clones + 1, "SELECT count(*) FROM pg_database WHERE datname LIKE '%" + pool.leaseId() + "%'",
                clones + " prefetched clones and the template");
    }

    private static void terminateCloneSession(TemplatePool pool) throws Exception {
        String session = "application_name = 'fraise clones " + pool.leaseId() + "'";
        awaitValue(1, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE " + session,
                "the pool's clone session");
        awaitValue(0, "SELECT count(*) FROM pg_stat_activity WHERE " + session, "the killed session gone");
    }

    private static void awaitValue(int expected, String sql, String what) throws Exception {
        int actual = -1;
        for (int i = 0; i < 400 && actual != expected; i++) {
            actual = queryInt(sql);
            if (actual != expected) {
                Thread.sleep(25);
            }
        }
        if (actual != expected) {
            fail(what + ": expected " + expected + ", got " + actual);
        }
    }

    /** No database, session (lease or clones) or thread of the closed {@code pool} is left. */
    private static void assertNothingLeft(TemplatePool pool) throws Exception {
        assertEquals(0, count("%" + pool.leaseId() + "%"), "databases of " + pool);
        awaitValue(0, "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'fraise % "
                + pool.leaseId() + "'", "sessions of " + pool);
        List<String> threads = poolThreads(pool);
        for (int i = 0; i < 200 && !threads.isEmpty(); i++) {
            Thread.sleep(10);
            threads = poolThreads(pool);
        }
        assertEquals(List.of(), threads, "threads of " + pool);
    }

    private static List<String> poolThreads(TemplatePool pool) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.endsWith(pool.templateName())).toList();
    }

    private static int count(String likePattern) throws SQLException {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname LIKE ?")) {
            s.setString(1, likePattern);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int queryInt(String sql) throws SQLException {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
