package dev.fraise.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.build.SchemaPlan;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import dev.fraise.postgres.SnapshotFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates kept beyond their JVM: the first server that builds a recipe leaves a snapshot, the next server for that
 * recipe starts from it and builds nothing (as a later Maven goal, the Surefire fork or the next build does).
 */
class KeptTemplateTest {

    private static final ServerSettings EMBEDDED = new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(),
            OptionalInt.empty());

    @TempDir
    Path project;

    private final List<String> names = new ArrayList<>();

    @AfterEach
    void deleteSnapshots() {
        names.forEach(SnapshotFixtures::deleteHolding);
    }

    @Test
    void theNextServerStartsFromTheSnapshotAndBuildsNothing() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        TemplateRecipe recipe = recipe(project("CREATE TABLE tb_note (pk_note INT PRIMARY KEY, body TEXT);\n"
                + "INSERT INTO tb_note VALUES (1, 'seeded');\n"), builds, "fingerprint");
        String name = keptName(recipe);

        BuildSummary first = useOnce(recipe, "tb_note");
        assertFalse(first.reused());
        assertEquals(1, builds.get());
        assertEquals(1, SnapshotFixtures.holding(name).size(), "the server left a snapshot holding " + name);
        try (var wal = Files.list(SnapshotFixtures.holding(name).get(0).resolve("data/pg_wal"))) {
            long segments = wal.filter(f -> f.getFileName().toString().matches("[0-9A-F]{24}")).count();
            assertTrue(segments <= 2, "WAL segments are removed, not recycled: the snapshot holds those after the"
                    + " last checkpoint, not max_wal_size of them: " + segments);
        }

        BuildSummary second = useOnce(recipe, "tb_note");
        assertTrue(second.reused(), "the second server reused the template");
        assertEquals(1, builds.get(), "nothing was built again");
        assertEquals(first.files() + "/" + first.statements(), second.files() + "/" + second.statements());
        assertEquals("[1]", second.rows(), "the reused template holds the seeded row");
        assertEquals(1, SnapshotFixtures.holding(name).size(), "a server that built nothing saves no snapshot");
    }

    @Test
    void aDifferentFingerprintOrPlanIsADifferentTemplate() throws Exception {
        SchemaPlan plan = project("CREATE TABLE tb_a (pk_a INT PRIMARY KEY);\n");
        AtomicInteger builds = new AtomicInteger();
        TemplateRecipe one = recipe(plan, builds, "migrations 001=a");
        TemplateRecipe other = recipe(plan, builds, "migrations 001=b");
        keptName(one);
        keptName(other);
        assertFalse(one.keptName().equals(other.keptName()));
        useOnce(one, "tb_a");
        useOnce(other, "tb_a");
        assertEquals(2, builds.get());
        assertTrue(new TemplateRecipe(plan, c -> { }, c -> { }, Optional.empty()).keptName().isEmpty(),
                "hooks nobody named are never kept");
    }

    @Test
    void poolsOfOneServerShareTheKeptTemplateAndLeaveItWhenTheyClose() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        TemplateRecipe recipe = recipe(project("CREATE TABLE tb_b (pk_b INT PRIMARY KEY);\n"), builds, "");
        String name = keptName(recipe);
        try (PostgresServer server = PostgresServers.start(EMBEDDED, recipe.templateBuild())) {
            try (TemplatePool pool = TemplatePool.create(server, recipe, PoolOptions.DEFAULT.withPrefetch(0))) {
                assertEquals(name, pool.templateName());
                assertFalse(pool.reused());
            }
            try (TemplatePool pool = TemplatePool.create(server, recipe, PoolOptions.DEFAULT.withPrefetch(1));
                 Database clone = pool.acquire()) {
                assertTrue(pool.reused(), "built earlier on this server");
                assertEquals("[0]", clone.queryJson("SELECT count(*) FROM tb_b"));
            }
            assertEquals(1, builds.get());
        }
    }

    @Test
    void aTemplateThatFailsToBuildLeavesNoServerAndNoSnapshot() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        TemplateRecipe good = recipe(project("CREATE TABLE tb_c (pk_c INT PRIMARY KEY);\n"), builds, "");
        String name = keptName(good);
        TemplateRecipe failing = new TemplateRecipe(good.plan(), c -> { }, c -> {
            throw new IllegalStateException("hook failed");
        }, good.fingerprint());
        assertThrows(IllegalStateException.class, () -> PostgresServers.start(EMBEDDED, failing.templateBuild()));
        assertTrue(SnapshotFixtures.holding(name).isEmpty());
        try (PostgresServer server = PostgresServers.start(EMBEDDED, good.templateBuild());
             TemplatePool pool = TemplatePool.create(server, good, PoolOptions.DEFAULT.withPrefetch(0))) {
            assertFalse(pool.reused());
            assertEquals(name, pool.templateName());
        }
        assertEquals(1, builds.get());
        assertEquals(1, SnapshotFixtures.holding(name).size());
    }

    @Test
    void whatATestDoesToTheClusterNeverReachesTheSnapshot() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        TemplateRecipe recipe = recipe(project("CREATE TABLE tb_e (pk_e INT PRIMARY KEY);\n"), builds, "");
        keptName(recipe);
        String role = "fraise_test_role_" + UUID.randomUUID().toString().substring(0, 8);
        try (PostgresServer server = PostgresServers.start(EMBEDDED, recipe.templateBuild());
             TemplatePool pool = TemplatePool.create(server, recipe, PoolOptions.DEFAULT.withPrefetch(0));
             Database clone = pool.acquire();
             Connection postgres = server.dataSource("postgres").getConnection();
             Statement s = postgres.createStatement()) {
            clone.execute("CREATE ROLE " + role);
            s.execute("ALTER SYSTEM SET work_mem = '77MB'");
            s.execute("CREATE TABLE leaked (id int)");
            s.execute("CREATE DATABASE leaked_db");
            s.execute("ALTER DATABASE " + pool.templateName() + " WITH ALLOW_CONNECTIONS true");
        }
        try (PostgresServer server = PostgresServers.start(EMBEDDED, recipe.templateBuild());
             TemplatePool pool = TemplatePool.create(server, recipe, PoolOptions.DEFAULT.withPrefetch(0));
             Database clone = pool.acquire();
             Connection postgres = server.dataSource("postgres").getConnection();
             Statement s = postgres.createStatement()) {
            assertTrue(pool.reused(), "the template came from the snapshot its build left");
            assertEquals("[0]", clone.queryJson("SELECT count(*) FROM pg_roles WHERE rolname = ?", role));
            assertEquals("[\"4MB\"]", clone.queryJson("SELECT current_setting('work_mem')"));
            assertEquals("[0]", clone.queryJson("SELECT count(*) FROM pg_database WHERE datname = 'leaked_db'"
                    + " OR (datname = ? AND datallowconn)", pool.templateName()));
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('leaked') IS NULL")) {
                rs.next();
                assertTrue(rs.getBoolean(1), "the table a test made in postgres is not there");
            }
        }
        assertEquals(1, builds.get());
    }

    @Test
    void eachTemplateIsBuiltOnAFreshClusterSoNoOtherBuildReachesItsSnapshot() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        String role = "fraise_seed_role_" + UUID.randomUUID().toString().substring(0, 8);
        SchemaPlan withRole = project("CREATE TABLE tb_f (pk_f INT PRIMARY KEY);\nCREATE ROLE " + role + ";\n");
        SchemaPlan plain = project("CREATE TABLE tb_g (pk_g INT PRIMARY KEY);\n");
        TemplateRecipe a = recipe(withRole, builds, "a");
        TemplateRecipe b = recipe(plain, builds, "b");
        String nameA = keptName(a);
        String nameB = keptName(b);
        PostgresServer first = PostgresServers.shared(EMBEDDED, a.templateBuild());
        assertEquals(first, PostgresServers.shared(EMBEDDED, a.templateBuild()), "a running server holding it");
        PostgresServer second = PostgresServers.shared(EMBEDDED, b.templateBuild());
        assertFalse(first == second, "b is built on a server of its own");
        assertEquals(2, builds.get());
        assertEquals(1, SnapshotFixtures.holding(nameA).size());
        assertEquals(1, SnapshotFixtures.holding(nameB).size());
        assertFalse(SnapshotFixtures.holding(nameA).equals(SnapshotFixtures.holding(nameB)), "one snapshot each");
        try (TemplatePool pool = TemplatePool.create(second, b, PoolOptions.DEFAULT.withPrefetch(0));
             Database clone = pool.acquire()) {
            assertEquals("[0]", clone.queryJson("SELECT count(*) FROM pg_roles WHERE rolname = ?", role),
                    "the role a's build made is not in b's cluster");
        }
    }


    @Test
    void withSnapshotsOffTheTemplateIsThePoolsAlone() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        TemplateRecipe recipe = recipe(project("CREATE TABLE tb_d (pk_d INT PRIMARY KEY);\n"), builds, "");
        String name = keptName(recipe);
        String before = System.getProperty("fraise.embedded.snapshots");
        System.setProperty("fraise.embedded.snapshots", "false");
        try (PostgresServer server = PostgresServers.start(EMBEDDED, recipe.templateBuild())) {
            assertTrue(server.templateStore().isEmpty());
            try (TemplatePool pool = TemplatePool.create(server, recipe, PoolOptions.DEFAULT.withPrefetch(0))) {
                assertTrue(pool.templateName().startsWith("fraise_tpl_"), pool.templateName());
            }
        } finally {
            if (before == null) {
                System.clearProperty("fraise.embedded.snapshots");
            } else {
                System.setProperty("fraise.embedded.snapshots", before);
            }
        }
        assertTrue(SnapshotFixtures.holding(name).isEmpty());
    }

    @Test
    void keptTemplatesAreFraisesButNoLeaseOwnsThem() {
        String kept = DatabaseNames.kept("some key");
        assertTrue(kept.matches("fraise_keep_[0-9a-f]{24}_[0-9a-f]{8}"), kept);
        assertTrue(DatabaseNames.isFraises(kept));
        assertTrue(DatabaseNames.leaseOf(kept).isEmpty(), "no reaper takes it for an orphan");
        String forged = kept.substring(0, kept.length() - 1) + (kept.endsWith("0") ? "1" : "0");
        assertFalse(DatabaseNames.isFraises(forged), "a name whose check fails is not Fraise's");
    }

    @Test
    void aBuildRecordReadsBackAsTheBuild() {
        var result = new dev.fraise.build.BuildResult(17, 38, java.time.Duration.ofMillis(123),
                List.of(dev.fraise.error.SourceLocation.of(Path.of("db/schema/a b.sql"), 4)));
        assertEquals(result, BuildRecords.read(BuildRecords.write(result)));
    }

    private record BuildSummary(boolean reused, int files, int statements, String rows) {
    }

    private BuildSummary useOnce(TemplateRecipe recipe, String table) {
        try (PostgresServer server = PostgresServers.start(EMBEDDED, recipe.templateBuild());
             TemplatePool pool = TemplatePool.create(server, recipe, PoolOptions.DEFAULT.withPrefetch(0));
             Database clone = pool.acquire()) {
            return new BuildSummary(pool.reused(), pool.buildResult().files(), pool.buildResult().statements(),
                    clone.queryJson("SELECT count(*) FROM " + table));
        }
    }

    private String keptName(TemplateRecipe recipe) {
        String name = recipe.keptName().orElseThrow(() -> new AssertionError("the engine's code has no stamp"));
        names.add(name);
        return name;
    }

    private TemplateRecipe recipe(SchemaPlan plan, AtomicInteger builds, String fingerprint) {
        return new TemplateRecipe(plan, c -> { }, c -> builds.incrementAndGet(), Optional.of(fingerprint));
    }

    /** A project of one file, unique to this test run (so that no earlier run's snapshot holds it). */
    private SchemaPlan project(String sql) throws Exception {
        Path dir = Files.createDirectories(project.resolve(UUID.randomUUID().toString()).resolve("db/schema/10_tables"));
        Files.writeString(dir.resolve("10_t.sql"), "-- run " + UUID.randomUUID() + "\n" + sql);
        return SchemaPlanner.plan(ProjectConfig.defaults(dir.getParent().getParent().getParent(), "local"), true);
    }
}
