package dev.fraise.bench;

import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.bench.FoundationBenchmark.Stats;
import dev.fraise.build.SchemaPlan;
import dev.fraise.database.CloneStrategy;
import dev.fraise.database.Database;
import dev.fraise.database.PoolOptions;
import dev.fraise.database.TemplatePool;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pool under short tests: how long a test waits from {@code acquire()} to its first query result
 * ({@code acquire}, {@code connect}, {@code SELECT 1}), for tests of 0, 5 and 20 ms that only read or also write, on
 * the blog and on a generated 200-entity schema, with one clone thread and a connection opened in the test (the pool
 * before the scale issue), the default threads and warm connections without recycling, and the default (recycling
 * unchanged clones); and how much CPU the server spends per test. Every configuration has a pool of its own (prefetch
 * 2, FILE_COPY) on one embedded server; their tests run in interleaved blocks (the order rotating), so that all see
 * the same machine load and the ratios within one run are honest; a last block of {@value #SUSTAINED} 0 ms writing
 * tests in a row shows the rate the server makes clones at once the ready stock is used up. Server CPU is read from {@code /proc}: the postmaster's own and reaped children's time
 * plus its live children's, from a block's start until its pool has settled (its refills included).
 *
 * <p>Run with {@code mvn -Pbench -pl bench -am verify} (its own execution, {@code -Dbench.pool.skip}).
 */
public final class PoolBenchmark {

    private static final ServerSettings EMBEDDED =
            new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty());
    private static final double TARGET_MS = 2.0;
    /** How long a pool gets after a block to make the clones it was ordered, before the CPU is read. */
    private static final long SETTLE_MS = 400;
    /**
     * The length of one run of 0 ms writing tests in a row: more than a pool keeps ready, so that it shows the rate
     * the server can make clones at, which no stock hides.
     */
    private static final int SUSTAINED = 60;
    private static final Config DEFAULT = new Config(PoolOptions.DEFAULT_CLONE_THREADS, true, true);
    private static final List<Config> CONFIGS = List.of(
            new Config(1, false, false), new Config(PoolOptions.DEFAULT_CLONE_THREADS, true, false), DEFAULT);

    /** A pool configuration. */
    private record Config(int threads, boolean warm, boolean recycle) {
        String label() {
            return threads + (threads == 1 ? " clone thread, " : " clone threads, ")
                    + (warm ? "warm connection" : "connect in the test") + (recycle ? ", recycling" : "");
        }

        PoolOptions options() {
            return new PoolOptions(2, CloneStrategy.FILE_COPY, threads, warm, recycle);
        }
    }

    /** What a simulated test does after its first result. */
    private enum Kind {
        /** Reads one row of a view. */
        READS,
        /** Reads one row of a view and creates a table, so that its clone cannot be recycled. */
        WRITES
    }

    /** A schema to clone, and a view a test would read first. */
    private record Schema(String name, SchemaPlan plan, String view) {
    }

    /** One simulated test, in ms. */
    private record TestRun(double acquireMs, double firstResultMs, double viewMs) {
    }

    /** The figures of one schema, test length, run length and configuration. */
    private record Cell(Schema schema, int holdMs, Kind kind, int inARow, Config config, List<TestRun> runs,
                        double cpuMsPerTest, double serverCores) {

        boolean sameTests(Cell other) {
            return schema == other.schema && holdMs == other.holdMs && kind == other.kind && inARow == other.inARow;
        }

        String test() {
            return holdMs + " ms, " + kind.name().toLowerCase(Locale.ROOT) + ", " + inARow + " in a row";
        }

        Stats first() {
            return Stats.of(runs.stream().map(TestRun::firstResultMs).toList());
        }
    }

    private PoolBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1),
                        (a, b) -> b));
        Path blog = Path.of(options.getOrDefault("project", "../examples/blog")).toAbsolutePath().normalize();
        Path output = Path.of(options.getOrDefault("output", "target/pool.md")).toAbsolutePath().normalize();
        int runs = Integer.parseInt(options.getOrDefault("runs", "40"));
        int blocks = Integer.parseInt(options.getOrDefault("blocks", "4"));
        int entities = Integer.parseInt(options.getOrDefault("entities", "200"));
        List<Integer> holds = Arrays.stream(options.getOrDefault("holds-ms", "0,5,20").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        String loadBefore = FoundationBenchmark.loadAverage();
        long start = System.nanoTime();
        Path scaleProject = Files.createTempDirectory("fraise-pool-bench-");
        List<Cell> cells = new ArrayList<>();
        String server;
        try (PostgresServer postgres = PostgresServers.start(EMBEDDED)) {
            server = postgres.description();
            ServerCpu cpu = ServerCpu.of(postgres);
            Path schemaFile = Files.createDirectories(scaleProject.resolve("db/schema")).resolve("10_scale.sql");
            Files.writeString(schemaFile, ScaleSchema.of(entities, ScaleSchema.Nesting.BOUNDED).sql());
            List<Schema> schemas = List.of(
                    new Schema("blog", Fraise.plan(FraiseSettings.forProject(blog).withSeeds(true)), "v_post"),
                    new Schema(entities + " entities", Fraise.plan(FraiseSettings.forProject(scaleProject)),
                            "v_e0005"));
            for (Schema schema : schemas) {
                cells.addAll(measure(postgres, cpu, schema, holds, runs, blocks));
            }
        } finally {
            try (Stream<Path> walk = Files.walk(scaleProject)) {
                for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        String report = render(cells, runs, blocks, String.format(Locale.ROOT, "Server: %s. Total %.0f s; load"
                + " average (1/5/15 min) %s at the start, %s at the end.", server, (System.nanoTime() - start) / 1e9,
                loadBefore, FoundationBenchmark.loadAverage()));
        System.out.println();
        System.out.println(report);
        Files.createDirectories(output.getParent());
        Files.writeString(output, report, StandardCharsets.UTF_8);
        log("written to " + output);
    }

    /** All configurations on one schema: one pool each, their tests in interleaved blocks per test length. */
    private static List<Cell> measure(PostgresServer server, ServerCpu cpu, Schema schema, List<Integer> holds,
                                      int runs, int blocks) throws Exception {
        Map<Config, TemplatePool> pools = new LinkedHashMap<>();
        try {
            for (Config config : CONFIGS) {
                pools.put(config, TemplatePool.create(server, schema.plan(), config.options(), c -> { }));
            }
            List<Cell> cells = new ArrayList<>();
            int perBlock = Math.max(1, runs / blocks);
            for (int hold : holds) {
                for (Kind kind : Kind.values()) {
                    cells.addAll(measure(pools, cpu, schema, hold, kind, blocks, perBlock));
                }
            }
            cells.addAll(measure(pools, cpu, schema, 0, Kind.WRITES, 1, SUSTAINED));
            return cells;
        } finally {
            for (TemplatePool pool : pools.values()) {
                pool.close();
            }
        }
    }

    /** The configurations' tests of one length and kind, in interleaved blocks. */
    private static List<Cell> measure(Map<Config, TemplatePool> pools, ServerCpu cpu, Schema schema, int hold,
                                      Kind kind, int blocks, int perBlock) throws Exception {
        List<Cell> cells = new ArrayList<>();
        Map<Config, List<TestRun>> samples = new LinkedHashMap<>();
        Map<Config, double[]> cpuAndWall = new LinkedHashMap<>();
        for (int block = 0; block < blocks; block++) {
            for (int k = 0; k < CONFIGS.size(); k++) {
                Config config = CONFIGS.get((k + block) % CONFIGS.size());
                TemplatePool pool = pools.get(config);
                settle();
                for (int w = 0; w < 3; w++) {
                    simulateTest(pool, schema, hold, kind);
                }
                settle();
                long cpu0 = cpu.millis();
                long wall0 = System.nanoTime();
                for (int i = 0; i < perBlock; i++) {
                    samples.computeIfAbsent(config, c -> new ArrayList<>())
                            .add(simulateTest(pool, schema, hold, kind));
                }
                double wallMs = (System.nanoTime() - wall0) / 1e6;
                settle();
                double[] sum = cpuAndWall.computeIfAbsent(config, c -> new double[2]);
                sum[0] += cpu.millis() - cpu0;
                sum[1] += wallMs;
            }
        }
        for (Config config : CONFIGS) {
            List<TestRun> runsOf = samples.get(config);
            double[] sum = cpuAndWall.get(config);
            Cell cell = new Cell(schema, hold, kind, perBlock, config, runsOf, sum[0] / runsOf.size(),
                    sum[0] / sum[1]);
            cells.add(cell);
            log(String.format(Locale.ROOT, "%s, %s, %s: acquire→first result median %.2f ms, p90 %.2f ms;"
                    + " server %.1f ms CPU/test", schema.name(), cell.test(), config.label(), cell.first().median(),
                    cell.first().p90(), cell.cpuMsPerTest()));
        }
        return cells;
    }

    private static void settle() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SETTLE_MS));
    }

    /**
     * One test: acquire, connect, {@code SELECT 1} (the first result), read a view (and for {@link Kind#WRITES}
     * create a table), hold the database {@code holdMs}, close.
     */
    private static TestRun simulateTest(TemplatePool pool, Schema schema, int holdMs, Kind kind)
            throws SQLException {
        long t0 = System.nanoTime();
        Database db = pool.acquire();
        long t1 = System.nanoTime();
        try (db; Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
            }
            long t2 = System.nanoTime();
            try (ResultSet rs = s.executeQuery("SELECT data FROM " + schema.view() + " LIMIT 1")) {
                rs.next();
            }
            long t3 = System.nanoTime();
            if (kind == Kind.WRITES) {
                s.execute("CREATE TABLE bench_written (id int)");
            }
            long until = t3 + TimeUnit.MILLISECONDS.toNanos(holdMs);
            while (System.nanoTime() < until) {
                LockSupport.parkNanos(until - System.nanoTime());
            }
            return new TestRun((t1 - t0) / 1e6, (t2 - t0) / 1e6, (t3 - t2) / 1e6);
        }
    }

    private static String render(List<Cell> cells, int runs, int blocks, String notes) {
        StringBuilder md = new StringBuilder();
        md.append("### Pool under short tests (").append(ZonedDateTime.now().format(DateTimeFormatter
                .ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT)).replaceAll("\\.\\d+", "")).append(")\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d CPUs, Java %s. One pool per configuration (prefetch 2,"
                + " FILE_COPY) on one embedded server; each simulated test acquires a clone, connects, runs `SELECT 1`"
                + " (*first result*: from `acquire()` to that result), reads one row of a view (`v_post`; `v_e0005`,"
                + " 5 levels of embedding), and, if it *writes*, creates a table; then it holds the database the test"
                + " length and closes both. Every pool keeps 2 clones ready at first and more (up to 8) once"
                + " acquires find none ready. About %d measured tests per row, in %d blocks of %d in a row interleaved"
                + " across the configurations (3 warm-up tests and a pause before each block); then one block of %d"
                + " 0 ms writing tests in a row per configuration, more than a pool keeps ready: the rate at which"
                + " the server makes clones, which no stock hides. Server CPU: postmaster and backends (`/proc`), per test, from a block's start until its"
                + " pool has settled; *cores* is that CPU time over the block's wall time. Times in ms.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), runs, blocks,
                Math.max(1, runs / blocks), SUSTAINED));
        md.append("| schema | test | configuration | acquire | first result | p90 | first view read |"
                + " server CPU / test | cores | target | met |\n|---|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Cell c : cells) {
            Stats acquire = Stats.of(c.runs().stream().map(TestRun::acquireMs).toList());
            Stats first = c.first();
            Stats view = Stats.of(c.runs().stream().map(TestRun::viewMs).toList());
            boolean target = c.config().equals(DEFAULT);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | **%.2f** | %.2f | %.2f | %.1f |"
                    + " %.2f | %s | %s |%n", c.schema().name(), c.test(), c.config().label()
                    + (target ? " (default)" : ""), acquire.median(), first.median(), first.p90(), view.median(),
                    c.cpuMsPerTest(), c.serverCores(), target ? "≤ " + TARGET_MS + " ms (median)" : "",
                    target ? (first.median() <= TARGET_MS ? "yes" : "**no**") : ""));
        }
        md.append("\nRatios (medians of first result, same run):\n\n");
        Config before = CONFIGS.get(0);
        for (Cell c : cells) {
            if (c.config().equals(before)) {
                continue;
            }
            Cell base = cells.stream().filter(o -> o.sameTests(c) && o.config().equals(before)).findFirst()
                    .orElseThrow();
            md.append(String.format(Locale.ROOT, "- %s, %s: %s → %s: %.1f× faster, server CPU per test %.2f×%n",
                    c.schema().name(), c.test(), before.label(), c.config().label(),
                    base.first().median() / c.first().median(), c.cpuMsPerTest() / base.cpuMsPerTest()));
        }
        md.append('\n').append(notes).append('\n');
        return md.toString();
    }

    private static void log(String message) {
        System.err.println("[pool-bench] " + message);
    }

    /** CPU time of a local server's processes, from {@code /proc} (Linux). */
    private record ServerCpu(long postmaster, double msPerTick) {

        static ServerCpu of(PostgresServer server) throws SQLException, IOException {
            int checkpointer;
            try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")) {
                rs.next();
                checkpointer = rs.getInt(1);
            }
            long postmaster = Long.parseLong(stat(checkpointer)[1]);
            return new ServerCpu(postmaster, 1000.0 / ticksPerSecond());
        }

        /** The postmaster's time, its reaped children's, and its live children's, in ms. */
        long millis() throws IOException {
            String[] own = stat(postmaster);
            long ticks = Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13])
                    + Long.parseLong(own[14]);
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String[] f = stat(Long.parseLong(p.getFileName().toString()));
                        if (Long.parseLong(f[1]) == postmaster) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile: its time is in the postmaster's reaped children's
                    }
                }
            }
            return Math.round(ticks * msPerTick);
        }

        /** The fields of {@code /proc/<pid>/stat} after the command name: [0] state, [1] ppid, [11] utime, … */
        private static String[] stat(long pid) throws IOException {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
        }

        private static long ticksPerSecond() {
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                p.waitFor();
                return Long.parseLong(out);
            } catch (IOException | RuntimeException e) {
                return 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 100;
            }
        }
    }
}
