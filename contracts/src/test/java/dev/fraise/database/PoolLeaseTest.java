package dev.fraise.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fraise.TestFiles;
import dev.fraise.build.SchemaPlan;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leases on an explicit server (played by the shared embedded one): what a killed JVM leaves is dropped by the next
 * pool, and nothing else is.
 */
class PoolLeaseTest {

    @TempDir
    static Path project;

    static PostgresServer external;
    static String url;
    static SchemaPlan plan;

    @BeforeAll
    static void setUp() {
        PostgresServer embedded = PostgresServers.shared(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(),
                OptionalInt.empty()));
        url = "postgresql://postgres@localhost:" + embedded.jdbcUrl("postgres").replaceAll(".*:(\\d+)/.*", "$1")
                + "/postgres";
        external = PostgresServers.start(new ServerSettings(ProviderKind.SERVER, Optional.of(url),
                OptionalInt.empty()));
        TestFiles.write(project, "db/schema/10_tb_lease.sql",
                "CREATE TABLE tb_lease (pk_lease INTEGER PRIMARY KEY);\n");
        plan = SchemaPlanner.plan(ProjectConfig.defaults(project, "local"), false);
    }

    @Test
    void theNextPoolDropsWhatAKilledJvmLeftAndNothingElse() throws Exception {
        try (TemplatePool live = TemplatePool.create(external, plan, PoolOptions.DEFAULT, c -> { });
             Database liveClone = live.acquire()) {
            String[] child = runAndKillChild();
            String lease = child[0];
            awaitValue(0, "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'fraise % " + lease + "'",
                    "the killed JVM's sessions gone");
            assertTrue(count("%" + lease + "%") >= 2, "the killed JVM left its template and clones");
            assertEquals(1, count(child[1]), "among them the clone it was using");
            String unlabelled = new DatabaseNames(plan.hash(), Lease.Id.parse(lease)).clone(999);
            String lookalike = "fraise_tpl_" + plan.hash().substring(0, 12) + "_" + lease + "_00000000";
            admin("CREATE DATABASE " + unlabelled, "CREATE DATABASE " + lookalike,
                    "COMMENT ON DATABASE " + lookalike + " IS '" + TemplatePool.MARKER + "'",
                    "CREATE DATABASE fraise_app", "CREATE DATABASE app_data",
                    "COMMENT ON DATABASE app_data IS '" + TemplatePool.MARKER + "'");
            try {
                try (TemplatePool next = TemplatePool.create(external, plan, PoolOptions.DEFAULT.withPrefetch(0),
                        c -> { })) {
                    assertEquals(0, count("%" + lease + "%") - count(lookalike),
                            "template, clones (the one in use too) and a clone created without its label: dropped");
                    assertEquals(1, count(lookalike), "named like Fraise's, labelled, but its name fails the check");
                    assertEquals(1, count("fraise_app"));
                    assertEquals(1, count("app_data"), "labelled, but not named by Fraise");
                    assertEquals(1, count(live.templateName()), "a live pool's lease is held: its databases stay");
                    assertEquals("[0]", liveClone.queryJson("SELECT count(*) FROM tb_lease"));
                    assertEquals(1, count("%" + next.leaseId() + "%"));
                }
            } finally {
                admin("DROP DATABASE IF EXISTS " + unlabelled, "DROP DATABASE " + lookalike,
                        "DROP DATABASE fraise_app", "DROP DATABASE app_data");
            }
        }
    }

    @Test
    void aPoolHoldsItsLeaseUntilItsLastCloneIsClosed() throws Exception {
        TemplatePool pool = TemplatePool.create(external, plan, PoolOptions.DEFAULT.withPrefetch(0), c -> { });
        String lease = pool.leaseId();
        String held = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = "
                + Lease.NAMESPACE + " AND objid = " + Lease.Id.parse(lease).value();
        assertEquals(1, queryInt(held), "the lease is a session advisory lock, visible in pg_locks");
        Database inUse = pool.acquire();
        pool.close();
        assertEquals(1, queryInt(held), "a clone in use keeps the lease of its closed pool");
        TemplatePool.create(external, plan, PoolOptions.DEFAULT.withPrefetch(0), c -> { }).close();
        assertEquals(1, count(inUse.name()), "so that another pool's start leaves it alone");
        assertEquals("[0]", inUse.queryJson("SELECT count(*) FROM tb_lease"));
        inUse.close();
        assertEquals(0, count(inUse.name()));
        awaitValue(0, held, "the lease ends with its last clone");
    }

    /** Starts {@link LeasedPoolChild}, waits for its READY line and kills it; returns its lease id and clone. */
    private static String[] runAndKillChild() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LeasedPoolChild.class.getName(), url, project.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder said = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("READY ")) {
                    return line.substring(6).split(" ");
                }
                said.append(line).append('\n');
            }
            return fail("the child ended without READY: " + said);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection c = external.dataSource(external.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement()) {
            for (String sql : List.of(statements)) {
                s.execute(sql);
            }
        }
    }

    private static void awaitValue(int expected, String sql, String what) throws Exception {
        int actual = -1;
        for (int i = 0; i < 400 && actual != expected; i++) {
            actual = queryInt(sql);
            if (actual != expected) {
                Thread.sleep(25);
            }
        }
        assertEquals(expected, actual, what);
    }

    private static int count(String likePattern) throws SQLException {
        try (Connection c = external.dataSource(external.maintenanceDatabase()).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname LIKE ?")) {
            s.setString(1, likePattern);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int queryInt(String sql) throws SQLException {
        try (Connection c = external.dataSource(external.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
