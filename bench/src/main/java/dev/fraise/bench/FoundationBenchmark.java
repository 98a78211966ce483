package dev.fraise.bench;

import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.build.BuildResult;
import dev.fraise.build.SchemaBuilder;
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
import java.io.UncheckedIOException;
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
import java.util.HashMap;
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
 * The foundation benchmark: embedded cold start (fresh JVM per run, with and without the cached pristine
 * cluster), first database ready, rebuild from DDL, clone acquire with and without prefetch (for tests longer
 * and shorter than a clone), {@code FILE_COPY} vs {@code WAL_LOG}, and the first run on a fresh machine (no
 * binaries cache either). Plain {@link System#nanoTime()} timing; warm-up runs are excluded
 * from the statistics. Prints a Markdown table and writes it to {@code --output}.
 *
 * <p>Run with {@code mvn -Pbench -pl bench -am verify}. The same class is the child process of the cold-start
 * measurements ({@code --child=start} and {@code --child=first-db}); a child prints one {@code RESULT} line.
 */
public final class FoundationBenchmark {

    private static final ServerSettings EMBEDDED =
            new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty());
    private static final String RESULT = "RESULT ";
    private static final long CHILD_TIMEOUT_SECONDS = 180;
    /** How long a fresh-machine run waits for other JVMs to stop using the caches before it is skipped. */
    private static final long IDLE_WAIT_SECONDS = 120;

    private FoundationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String child = options.get("child");
        if ("start".equals(child)) {
            childStart();
            System.exit(0);
        } else if ("first-db".equals(child)) {
            childFirstDatabase(Path.of(require(options, "project")));
            System.exit(0);
        } else if (child != null) {
            throw new IllegalArgumentException("unknown child mode " + child);
        }
        if (!options.containsKey("snapshot")) {
            System.exit(relaunchFromSnapshot(args, Path.of(require(options, "output")).toAbsolutePath().getParent()));
        }
        new FoundationBenchmark().run(
                Path.of(require(options, "project")).toAbsolutePath().normalize(),
                Path.of(require(options, "output")).toAbsolutePath().normalize(),
                intOption(options, "runs", 10),
                intOption(options, "warmup", 2),
                intOption(options, "acquire-runs", 30),
                intOption(options, "hold-ms", 20),
                intsOption(options, "short-holds-ms", List.of(0, 5)),
                intOption(options, "fresh-runs", 10));
    }

    /**
     * The engine may be recompiled while the benchmark runs (a concurrent build rewrites
     * {@code contracts/target}); so the benchmark and all its children run from a copy of the classpath entries
     * that are not in the local Maven repository, taken once at the start.
     */
    private static int relaunchFromSnapshot(String[] args, Path targetDir) throws IOException, InterruptedException {
        Path snapshot = targetDir.resolve("bench-classpath");
        if (Files.exists(snapshot)) {
            EmbeddedCaches.deleteTree(snapshot);
        }
        Files.createDirectories(snapshot);
        Path m2 = Path.of(System.getProperty("user.home"), ".m2").toAbsolutePath().normalize();
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (entry.isBlank() || path.startsWith(m2) || !Files.exists(path)) {
                entries.add(entry);
                continue;
            }
            Path copy = snapshot.resolve((n++) + "-" + path.getFileName());
            copyTree(path, copy);
            entries.add(copy.toString());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, entries),
                FoundationBenchmark.class.getName()));
        command.addAll(Arrays.asList(args));
        command.add("--snapshot=" + snapshot);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // Child processes: one fresh JVM and one fresh embedded server per measurement.
    // ------------------------------------------------------------------------------------------------------

    /** Starts the embedded server, reports the time to "ready", stops it and checks nothing is left behind. */
    private static void childStart() {
        long t0 = System.nanoTime();
        PostgresServer server = PostgresServers.start(EMBEDDED);
        long t1 = System.nanoTime();
        long readyEpoch = System.currentTimeMillis();
        ServerProbe probe = ServerProbe.of(server);
        long c0 = System.nanoTime();
        server.close();
        long c1 = System.nanoTime();
        System.out.println(RESULT + "start_ns=" + (t1 - t0) + " ready_epoch_ms=" + readyEpoch
                + " close_ns=" + (c1 - c0) + " clean=" + probe.gone() + " major=" + server.majorVersion());
        System.out.flush();
    }

    /** Server start (warm) + plan + template build of the project with seeds + first acquire, in a fresh JVM. */
    private static void childFirstDatabase(Path project) throws SQLException {
        long t0 = System.nanoTime();
        PostgresServer server = PostgresServers.start(EMBEDDED);
        long t1 = System.nanoTime();
        ServerProbe probe;
        long t2;
        long t3;
        long t4;
        long readyEpoch;
        long buildNs;
        int users;
        try {
            SchemaPlan plan = Fraise.plan(FraiseSettings.forProject(project).withSeeds(true));
            t2 = System.nanoTime();
            try (TemplatePool pool = TemplatePool.create(server, plan, PoolOptions.DEFAULT, c -> { })) {
                t3 = System.nanoTime();
                buildNs = pool.buildResult().elapsed().toNanos();
                try (Database db = pool.acquire()) {
                    t4 = System.nanoTime();
                    readyEpoch = System.currentTimeMillis();
                    users = countRows(db, "tb_user");
                }
            }
            probe = ServerProbe.of(server);
        } finally {
            server.close();
        }
        System.out.println(RESULT + "start_ns=" + (t1 - t0) + " plan_ns=" + (t2 - t1) + " create_ns=" + (t3 - t2)
                + " build_ns=" + buildNs + " acquire_ns=" + (t4 - t3) + " first_db_ns=" + (t3 - t0)
                + " first_acquired_ns=" + (t4 - t0) + " ready_epoch_ms=" + readyEpoch + " users=" + users
                + " clean=" + probe.gone());
        System.out.flush();
    }

    // ------------------------------------------------------------------------------------------------------
    // Orchestrator
    // ------------------------------------------------------------------------------------------------------

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final EmbeddedCaches caches = EmbeddedCaches.defaultLocation();
    private final Path base = caches.base();
    private final List<String> loads = new ArrayList<>();

    private void run(Path project, Path output, int runs, int warmup, int acquireRuns, int holdMs,
                     List<Integer> shortHolds, int freshRuns) throws Exception {
        if (runs < 10 || acquireRuns < 10) {
            throw new IllegalArgumentException("at least 10 measured runs are required");
        }
        if (freshRuns < 5) {
            throw new IllegalArgumentException("at least 5 fresh-machine runs are required");
        }
        long benchStart = System.nanoTime();
        String loadBefore = loadAverage();
        log("Fraise foundation benchmark: project " + project + ", " + runs + " runs (+" + warmup
                + " warm-up), " + acquireRuns + " simulated tests per pool, hold " + holdMs + " ms (and "
                + shortHolds + " ms), " + freshRuns + " fresh-machine runs");
        phase("item 1");

        // 1. Embedded cold start: fresh JVM per run, pristine cluster deleted (initdb) vs present.
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> coldSpawn = new ArrayList<>();
        List<Double> warmSpawn = new ArrayList<>();
        List<Double> close = new ArrayList<>();
        int binariesPresent = 0;
        int measuredStarts = 0;
        boolean allClean = true;
        for (int i = 0; i < warmup + runs; i++) {
            boolean measured = i >= warmup;
            caches.deletePristine();
            boolean binaries = caches.hasBinaries();
            Map<String, String> c = child("start", project);
            if (caches.pristineDirs().isEmpty()) {
                throw new IllegalStateException("the cold run did not leave a pristine cluster in " + base);
            }
            boolean binaries2 = caches.hasBinaries();
            Map<String, String> w = child("start", project);
            allClean &= Boolean.parseBoolean(c.get("clean")) && Boolean.parseBoolean(w.get("clean"));
            if (measured) {
                measuredStarts += 2;
                binariesPresent += (binaries ? 1 : 0) + (binaries2 ? 1 : 0);
                cold.add(ms(c.get("start_ns")));
                warm.add(ms(w.get("start_ns")));
                coldSpawn.add(Double.parseDouble(c.get("spawn_to_ready_ms")));
                warmSpawn.add(Double.parseDouble(w.get("spawn_to_ready_ms")));
                close.add(ms(c.get("close_ns")));
                close.add(ms(w.get("close_ns")));
            }
            log(String.format(Locale.ROOT, "  start %2d%s: cold %.0f ms, warm %.0f ms", i + 1,
                    measured ? "" : " (warm-up)", ms(c.get("start_ns")), ms(w.get("start_ns"))));
        }
        notes.add("Binaries cache `" + base.resolve("binaries") + "` present before " + binariesPresent + " of "
                + measuredStarts + " measured cold-start runs (cold and warm alike); the pristine cluster `"
                + base + "/initdb-*` was deleted before every cold run and present before every warm run.");
        rows.add(Row.of("1", "Embedded cold start, no pristine cluster (initdb runs) — `PostgresServers.start` "
                + "in a fresh JVM", cold, "", null));
        rows.add(Row.of("1", "Embedded cold start, pristine cluster cached (warm) — `PostgresServers.start` in a "
                + "fresh JVM", warm, "", null));
        rows.add(Row.of("1", "… same, cold, from `java` process spawn to server ready (JVM boot included)",
                coldSpawn, "", null));
        rows.add(Row.of("1", "… same, warm, from `java` process spawn to server ready (JVM boot included)",
                warmSpawn, "", null));
        rows.add(Row.of("1", "Embedded server stop (`PostgresServer.close`: stop, wait, delete data directory), "
                + "cold and warm runs", close, "", null));

        // 2. First database ready in a fresh JVM (warm server start + plan + template build with seeds).
        phase("item 2");
        List<Double> firstDb = new ArrayList<>();
        List<Double> firstStart = new ArrayList<>();
        List<Double> firstCreate = new ArrayList<>();
        List<Double> firstAcquired = new ArrayList<>();
        List<Double> firstSpawn = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            Map<String, String> r = child("first-db", project);
            allClean &= Boolean.parseBoolean(r.get("clean"));
            if (!"3".equals(r.get("users"))) {
                notes.add("WARNING: first-db child saw " + r.get("users") + " rows in tb_user (expected 3 seeded)");
            }
            if (i >= warmup) {
                firstDb.add(ms(r.get("first_db_ns")));
                firstStart.add(ms(r.get("start_ns")));
                firstCreate.add(ms(r.get("create_ns")));
                firstAcquired.add(ms(r.get("first_acquired_ns")));
                firstSpawn.add(Double.parseDouble(r.get("spawn_to_ready_ms")));
            }
            log(String.format(Locale.ROOT, "  first-db %2d%s: %.0f ms (start %.0f, create %.0f, acquire %.0f)",
                    i + 1, i >= warmup ? "" : " (warm-up)", ms(r.get("first_db_ns")), ms(r.get("start_ns")),
                    ms(r.get("create_ns")), ms(r.get("acquire_ns"))));
        }
        Row firstDbRow = Row.of("2", "First database ready in a fresh JVM: warm server start + plan + "
                + "`TemplatePool.create` (blog, seeds on)", firstDb, "≤ 1000 ms (median)", s -> s.median() <= 1000);
        rows.add(firstDbRow);
        rows.add(Row.of("2", "… of which server start (warm)", firstStart, "", null));
        rows.add(Row.of("2", "… of which `TemplatePool.create` (first build in a fresh JVM)", firstCreate, "", null));
        rows.add(Row.of("2", "… plus first `acquire()` (default pool: prefetch 2, FILE_COPY)", firstAcquired, "",
                null));
        rows.add(Row.of("2", "… from `java` process spawn to first database acquired", firstSpawn, "", null));

        // 3–5 in this JVM, on one warm embedded server.
        phase("items 3–5");
        PostgresServer server = PostgresServers.start(EMBEDDED);
        ServerProbe serverProbe = ServerProbe.of(server);
        try {
            SchemaPlan plan = Fraise.plan(FraiseSettings.forProject(project).withSeeds(true));
            String version = scalar(server, "SELECT version()");
            notes.add("Server: " + version + " (embedded, data directory on tmpfs, fsync/full_page_writes off).");
            notes.add("Schema: examples/blog with seeds, " + plan.files().size() + " files.");
            measureInProcess(server, plan, warmup, acquireRuns, holdMs, shortHolds);
        } finally {
            server.close();
        }
        allClean &= serverProbe.gone();

        // 6. Item 2 on a fresh machine: no binaries cache and no pristine cluster. Last, with no server of ours.
        phase("item 6");
        allClean &= measureFreshMachine(project, freshRuns);

        String leaks = caches.leakCheck();
        notes.add("Leak check after the run: every server's postmaster stopped and data directory deleted: "
                + (allClean ? "yes" : "NO") + ". " + leaks);
        phase("end");
        notes.add(String.format(Locale.ROOT, "Total benchmark time %.0f s; load average (1/5/15 min) %s at the "
                + "start, %s at the end; at the start of each phase: %s. Other builds may share this machine: "
                + "compare the ratios (both sides measured in this run, minutes apart) rather than absolute times "
                + "across runs.", (System.nanoTime() - benchStart) / 1e9, loadBefore, loadAverage(),
                String.join("; ", loads)));

        String report = render(runs, warmup, acquireRuns, holdMs, shortHolds, freshRuns);
        System.out.println();
        System.out.println(report);
        Files.createDirectories(output.getParent());
        Files.writeString(output, report, StandardCharsets.UTF_8);
        log("written to " + output);
        if (!allClean) {
            throw new IllegalStateException("a server was not cleaned up; see the report");
        }
    }

    /**
     * Item 6: the first run on a machine that never ran Fraise. Before each run both caches (unpacked binaries,
     * pristine cluster) are deleted, once no other JVM uses them; the child then unpacks, runs initdb, builds the
     * blog template and acquires the first clone. Returns whether every child cleaned up its server.
     */
    private boolean measureFreshMachine(Path project, int freshRuns) throws IOException, InterruptedException {
        List<Double> start = new ArrayList<>();
        List<Double> firstDb = new ArrayList<>();
        List<Double> acquired = new ArrayList<>();
        List<Double> spawn = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        boolean clean = true;
        for (int i = 0; i < freshRuns; i++) {
            Optional<String> busy = awaitIdleCaches();
            if (busy.isPresent()) {
                skipped.add("run " + (i + 1) + ": " + busy.get());
                log("  fresh " + (i + 1) + ": SKIPPED, the caches are in use after " + IDLE_WAIT_SECONDS + " s: "
                        + busy.get());
                continue;
            }
            caches.deleteAll();
            if (caches.hasBinaries() || !caches.pristineDirs().isEmpty()) {
                throw new IllegalStateException("the caches in " + base + " could not be deleted");
            }
            Map<String, String> r = child("first-db", project);
            clean &= Boolean.parseBoolean(r.get("clean"));
            if (!caches.hasBinaries() || caches.pristineDirs().isEmpty()) {
                throw new IllegalStateException("a fresh-machine run did not recreate the caches in " + base);
            }
            start.add(ms(r.get("start_ns")));
            firstDb.add(ms(r.get("first_db_ns")));
            acquired.add(ms(r.get("first_acquired_ns")));
            spawn.add(Double.parseDouble(r.get("spawn_to_ready_ms")));
            log(String.format(Locale.ROOT, "  fresh %2d: start %.0f ms, first database %.0f ms, acquired %.0f ms",
                    i + 1, ms(r.get("start_ns")), ms(r.get("first_db_ns")), ms(r.get("first_acquired_ns"))));
        }
        if (start.size() < 5) {
            notes.add("Item 6 (fresh machine) NOT MEASURED: only " + start.size() + " of " + freshRuns
                    + " runs found the caches unused; " + skipped + ".");
            return clean;
        }
        String target = "≤ 1000 ms (median; the target is set for a warm machine)";
        rows.add(Row.of("6", "Fresh machine (binaries cache and pristine cluster deleted): server start in a fresh "
                + "JVM (unpack binaries + initdb + start)", start, "", null));
        rows.add(Row.of("6", "… first database ready: server start + plan + `TemplatePool.create` (blog, seeds on)",
                firstDb, "", null));
        rows.add(Row.of("6", "… plus first `acquire()` (default pool: prefetch 2, FILE_COPY)", acquired, target,
                s -> s.median() <= 1000));
        rows.add(Row.of("6", "… from `java` process spawn to first database acquired", spawn, "", null));
        notes.add("Item 6: before each of its runs `" + base.resolve("binaries") + "` and `" + base
                + "/initdb-*` were both deleted, after checking that no `postgres` process ran from or on "
                + base + " and no binaries were being unpacked (waiting up to " + IDLE_WAIT_SECONDS + " s); "
                + (skipped.isEmpty() ? "no run was skipped" : "skipped: " + skipped) + ". No warm-up: every run "
                + "is a first run. Items 1–5 had just read the same jars, so the OS page cache may still hold them.");
        return clean;
    }

    /** Empty once no other JVM uses the caches; the reason they are in use if that lasts too long. */
    private Optional<String> awaitIdleCaches() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(IDLE_WAIT_SECONDS);
        Optional<String> busy = caches.inUseBy();
        if (busy.isPresent()) {
            log("  waiting for other JVMs to stop using " + base + ": " + busy.get());
        }
        while (busy.isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            busy = caches.inUseBy();
        }
        return busy;
    }

    private void measureInProcess(PostgresServer server, SchemaPlan plan, int warmup, int acquireRuns, int holdMs,
                                  List<Integer> shortHolds) throws SQLException {
        // 3. Rebuild from DDL: SchemaBuilder.build into a newly created, empty database.
        List<Double> build = new ArrayList<>();
        List<Double> rebuild = new ArrayList<>();
        List<Double> dropped = new ArrayList<>();
        int statements = 0;
        try (Connection admin = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = admin.createStatement()) {
            int warm = Math.max(warmup, 5);
            for (int i = 0; i < warm + acquireRuns; i++) {
                String name = "bench_ddl_" + ProcessHandle.current().pid() + "_" + i;
                long t0 = System.nanoTime();
                s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
                BuildResult result;
                long t1;
                long t2;
                long t3;
                try (Connection c = server.dataSource(name).getConnection()) {
                    t1 = System.nanoTime();
                    result = SchemaBuilder.build(c, plan);
                    t2 = System.nanoTime();
                } finally {
                    t3 = System.nanoTime();
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
                long t4 = System.nanoTime();
                statements = result.statements();
                if (i >= warm) {
                    build.add((t2 - t1) / 1e6);
                    rebuild.add((t2 - t0) / 1e6);
                    dropped.add((t4 - t3) / 1e6);
                }
            }
        }
        Row buildRow = Row.of("3", "Rebuild from DDL: `SchemaBuilder.build` on a new empty database (" + statements
                + " statements)", build, "", null);
        rows.add(buildRow);
        Row rebuildRow = Row.of("3", "… including `CREATE DATABASE … TEMPLATE template0` and connect", rebuild, "",
                null);
        rows.add(rebuildRow);
        rows.add(Row.of("3", "`DROP DATABASE … WITH (FORCE)` of such a database (the pool drops each closed clone "
                + "the same way, on a thread of its own)", dropped, "", null));
        log(String.format(Locale.ROOT, "  rebuild from DDL: median %.1f ms", buildRow.stats.median()));

        // 4. Per-test acquire latency: prefetch 0 (synchronous clone) vs prefetch 2; one pool at a time.
        List<Double> sync;
        String templateSize;
        try (TemplatePool pool = TemplatePool.create(server, plan, new PoolOptions(0, CloneStrategy.FILE_COPY).withRecycling(false),
                c -> { })) {
            templateSize = scalar(server, "SELECT pg_size_pretty(pg_database_size('" + pool.templateName() + "'))");
            sync = acquireTimes(simulateTests(pool, Math.max(warmup, 5), acquireRuns, holdMs));
        }
        notes.add("Template database size: " + templateSize + ".");
        Row syncRow = Row.of("4", "`pool.acquire()`, prefetch 0 (synchronous `CREATE DATABASE … TEMPLATE`, "
                + "FILE_COPY), tests holding it " + holdMs + " ms", sync, "", null);
        rows.add(syncRow);
        log(String.format(Locale.ROOT, "  acquire prefetch 0: median %.2f ms", syncRow.stats.median()));
        List<Double> prefetched;
        try (TemplatePool pool = TemplatePool.create(server, plan, new PoolOptions(2, CloneStrategy.FILE_COPY).withRecycling(false),
                c -> { })) {
            prefetched = acquireTimes(simulateTests(pool, Math.max(warmup, 5), acquireRuns, holdMs));
        }
        Row prefetchRow = Row.of("4", "`pool.acquire()`, prefetch 2 (FILE_COPY), tests holding it " + holdMs + " ms",
                prefetched, "≤ 10 ms (median)", s -> s.median() <= 10);
        rows.add(prefetchRow);
        log(String.format(Locale.ROOT, "  acquire prefetch 2, hold %d ms: median %.2f ms", holdMs,
                prefetchRow.stats.median()));

        // 4b. Tests shorter than a clone: the prefetch queue drains and acquire waits for the background thread.
        Map<Integer, Row> shortRows = new LinkedHashMap<>();
        for (int hold : shortHolds) {
            List<TestRun> runs;
            try (TemplatePool pool = TemplatePool.create(server, plan, new PoolOptions(2, CloneStrategy.FILE_COPY).withRecycling(false),
                    c -> { })) {
                runs = simulateTests(pool, Math.max(warmup, 5), acquireRuns, hold);
            }
            Row row = Row.of("4", "`pool.acquire()`, prefetch 2 (FILE_COPY), tests holding it " + hold + " ms "
                    + "(shorter than a clone)", acquireTimes(runs), "≤ 10 ms (median)", s -> s.median() <= 10);
            rows.add(row);
            rows.add(Row.of("4", "… how long each of those tests had its database (hand-out to `close()`: read "
                    + "`tb_post`, then the hold)", runs.stream().map(TestRun::heldMs).toList(), "", null));
            shortRows.put(hold, row);
            log(String.format(Locale.ROOT, "  acquire prefetch 2, hold %d ms: median %.2f ms, p90 %.2f ms", hold,
                    row.stats.median(), row.stats.p90()));
        }

        // 5. FILE_COPY vs WAL_LOG, prefetch 0, interleaved (alternating order) so both see the same conditions.
        List<Double> fileCopy = new ArrayList<>();
        List<Double> walLog = new ArrayList<>();
        try (TemplatePool fc = TemplatePool.create(server, plan, new PoolOptions(0, CloneStrategy.FILE_COPY).withRecycling(false),
                c -> { });
             TemplatePool wal = TemplatePool.create(server, plan, new PoolOptions(0, CloneStrategy.WAL_LOG).withRecycling(false),
                     c -> { })) {
            int warm = Math.max(warmup, 5);
            for (int i = 0; i < warm + acquireRuns; i++) {
                boolean fileCopyFirst = i % 2 == 0;
                double first = simulateTest(fileCopyFirst ? fc : wal, holdMs).acquireMs();
                double second = simulateTest(fileCopyFirst ? wal : fc, holdMs).acquireMs();
                if (i >= warm) {
                    fileCopy.add(fileCopyFirst ? first : second);
                    walLog.add(fileCopyFirst ? second : first);
                }
            }
        }
        Row fcRow = Row.of("5", "Clone, `CloneStrategy.FILE_COPY` (prefetch 0, interleaved with WAL_LOG)", fileCopy,
                "", null);
        Row walRow = Row.of("5", "Clone, `CloneStrategy.WAL_LOG` (prefetch 0, interleaved with FILE_COPY)", walLog,
                "", null);
        rows.add(fcRow);
        rows.add(walRow);

        double perTest = rebuildRow.stats.median() / prefetchRow.stats.median();
        rows.add(Row.ratio("4", "Ratio fresh database from DDL (CREATE DATABASE + connect + build) / per-test"
                + " acquire with prefetch 2, tests holding it " + holdMs + " ms, medians", perTest, "≥ 5×",
                perTest >= 5));
        shortRows.forEach((hold, row) -> {
            double ratio = rebuildRow.stats.median() / row.stats.median();
            rows.add(Row.ratio("4", "Ratio fresh database from DDL / per-test acquire with prefetch 2, tests "
                    + "holding it " + hold + " ms, medians", ratio, "≥ 5×", ratio >= 5));
            double p90 = rebuildRow.stats.p90() / row.stats.p90();
            rows.add(Row.ratio("4", "… same, p90 / p90", p90, "", null));
        });
        rows.add(Row.ratio("4", "Ratio fresh database from DDL (CREATE DATABASE + connect + build) / synchronous"
                + " clone (prefetch 0), medians", rebuildRow.stats.median() / syncRow.stats.median(), "", null));
        rows.add(Row.ratio("4", "Ratio build only (`SchemaBuilder.build`) / synchronous clone (prefetch 0), medians",
                buildRow.stats.median() / syncRow.stats.median(), "", null));
        double strategy = walRow.stats.median() / fcRow.stats.median();
        rows.add(Row.ratio("5", "Ratio WAL_LOG / FILE_COPY clone time, medians", strategy, "", null));
        String faster = strategy > 1 ? "FILE_COPY" : "WAL_LOG";
        double factor = strategy > 1 ? strategy : 1 / strategy;
        notes.add(String.format(Locale.ROOT, "FILE_COPY vs WAL_LOG: %s is faster for the blog template on "
                + "PostgreSQL %d (median %.2f ms vs %.2f ms, %.2f×).", faster, server.majorVersion(),
                strategy > 1 ? fcRow.stats.median() : walRow.stats.median(),
                strategy > 1 ? walRow.stats.median() : fcRow.stats.median(), factor));
    }

    /** Runs warm-up + measured simulated tests on {@code pool}; returns the measured ones. */
    private static List<TestRun> simulateTests(TemplatePool pool, int warmup, int runs, int holdMs) {
        List<TestRun> result = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            TestRun run = simulateTest(pool, holdMs);
            if (i >= warmup) {
                result.add(run);
            }
        }
        return result;
    }

    private static List<Double> acquireTimes(List<TestRun> runs) {
        return runs.stream().map(TestRun::acquireMs).toList();
    }

    /** One simulated test: how long {@code acquire()} took and how long the test then had the database, in ms. */
    private record TestRun(double acquireMs, double heldMs) {
    }

    /**
     * One simulated test: acquire (timed), connect and read a seeded table, hold the database for
     * {@code holdMs} from the moment it was handed out, close it (dropped in the background).
     */
    private static TestRun simulateTest(TemplatePool pool, int holdMs) {
        long t0 = System.nanoTime();
        Database db = pool.acquire();
        long t1 = System.nanoTime();
        long t2;
        try {
            if (countRows(db, "tb_post") <= 0) {
                throw new IllegalStateException("clone " + db.name() + " has no seeded posts");
            }
            long deadline = t1 + TimeUnit.MILLISECONDS.toNanos(holdMs);
            for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
        } finally {
            t2 = System.nanoTime();
            db.close();
        }
        return new TestRun((t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }

    // ------------------------------------------------------------------------------------------------------
    // Child process plumbing
    // ------------------------------------------------------------------------------------------------------

    private Map<String, String> child(String mode, Path project) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        System.getProperties().forEach((k, v) -> {
            String key = String.valueOf(k);
            if (key.startsWith("fraise.") || key.startsWith("org.slf4j.")) {
                command.add("-D" + key + "=" + v);
            }
        });
        if (System.getProperty("fraise.embedded.binaries") == null) {
            // Items 1, 2 and 6 measure zonky's binaries (unpacking included), even where PostgreSQL is installed.
            command.add("-Dfraise.embedded.binaries=zonky");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FoundationBenchmark.class.getName(),
                "--child=" + mode, "--project=" + project));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        long spawnEpoch = System.currentTimeMillis();
        Process process = builder.start();
        String out;
        try {
            out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child " + mode + " did not finish in " + CHILD_TIMEOUT_SECONDS
                        + " s");
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        String line = out.lines().filter(l -> l.startsWith(RESULT)).findFirst().orElseThrow(
                () -> new IllegalStateException("child " + mode + " exited with " + process.exitValue()
                        + " without a result; its output:\n" + out));
        if (process.exitValue() != 0) {
            throw new IllegalStateException("child " + mode + " exited with " + process.exitValue());
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : line.substring(RESULT.length()).trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        values.put("spawn_to_ready_ms", String.valueOf(Long.parseLong(values.get("ready_epoch_ms")) - spawnEpoch));
        return values;
    }

    // ------------------------------------------------------------------------------------------------------
    // Leak checks
    // ------------------------------------------------------------------------------------------------------

    /** The data directory and postmaster of a running server, to check that closing it removed both. */
    private record ServerProbe(Path dataDir, long postmasterPid) {
        static ServerProbe of(PostgresServer server) {
            Path dataDir = Path.of(scalar(server, "SELECT current_setting('data_directory')"));
            try {
                long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
                return new ServerProbe(dataDir, pid);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean gone() {
            return !Files.exists(dataDir) && !running(postmasterPid);
        }

        /** Alive and not a zombie: an exited postmaster may wait to be reaped by its new parent. */
        private static boolean running(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException e) {
                return false;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // SQL helpers
    // ------------------------------------------------------------------------------------------------------

    private static String scalar(PostgresServer server, String sql) {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static int countRows(Database db, String table) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting " + table + " in " + db.name() + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // Statistics and the report
    // ------------------------------------------------------------------------------------------------------

    /** Median (mean of the two middle values for even n), min, max and nearest-rank p90, in ms. */
    record Stats(int n, double median, double min, double max, double p90) {
        static Stats of(List<Double> values) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) {
                throw new IllegalArgumentException("no values");
            }
            int n = v.length;
            double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
            double p90 = v[(int) Math.ceil(0.9 * n) - 1];
            return new Stats(n, median, v[0], v[n - 1], p90);
        }
    }

    /** A table row: timings with statistics, or a single ratio. */
    private record Row(String item, String what, Stats stats, Double ratio, String target, Boolean met) {
        static Row of(String item, String what, List<Double> values, String target,
                      java.util.function.Predicate<Stats> check) {
            Stats stats = Stats.of(values);
            return new Row(item, what, stats, null, target, check == null ? null : check.test(stats));
        }

        static Row ratio(String item, String what, double ratio, String target, Boolean met) {
            return new Row(item, what, null, ratio, target, met);
        }
    }

    private String render(int runs, int warmup, int acquireRuns, int holdMs, List<Integer> shortHolds,
                          int freshRuns) {
        StringBuilder md = new StringBuilder();
        md.append("### Foundation figures (").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .withLocale(Locale.ROOT)).replaceAll("\\.\\d+", "")).append(")\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d CPUs (`availableProcessors`), %s RAM, %s %s, Java %s, "
                + "running as %s.%n%n", Runtime.getRuntime().availableProcessors(), memTotal(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("user.name") + ("root".equals(System.getProperty("user.name"))
                        ? " (postgres runs under `unshare -U`)" : "")));
        md.append(String.format(Locale.ROOT, "Runs: %d measured per row for items 1–2 (one fresh JVM each, after %d "
                + "warm-up runs) and up to %d for item 6 (one fresh JVM each, no warm-up); %d measured builds for "
                + "item 3 and %d simulated tests per pool for items 4–5 (after %d warm-up each, in one JVM on one "
                + "server); each simulated test acquires a clone, reads `tb_post`, holds it %d ms from hand-out "
                + "(also %s ms for the short-test rows) and closes it. All times in ms; p90 is nearest-rank.%n%n",
                runs, warmup, freshRuns, acquireRuns, acquireRuns, Math.max(warmup, 5), holdMs,
                shortHolds.stream().map(String::valueOf).collect(Collectors.joining(" and "))));
        md.append("| # | Measurement | n | median | min | max | p90 | target | met |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            String met = r.met() == null ? "" : r.met() ? "yes" : "**no**";
            if (r.stats() != null) {
                Stats s = r.stats();
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s |%n", r.item(),
                        r.what(), s.n(), fmt(s.median()), fmt(s.min()), fmt(s.max()), fmt(s.p90()), r.target(), met));
            } else {
                md.append(String.format(Locale.ROOT, "| %s | %s | | **%.1f×** | | | | %s | %s |%n", r.item(),
                        r.what(), r.ratio(), r.target(), met));
            }
        }
        md.append('\n');
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    private static String fmt(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double ms(String nanos) {
        return Long.parseLong(nanos) / 1e6;
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }

    private static Map<String, String> parse(String[] args) {
        return Arrays.stream(args)
                .filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1),
                        (a, b) -> b));
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + key + "=...");
        }
        return value;
    }

    private static int intOption(Map<String, String> options, String key, int fallback) {
        return options.containsKey(key) ? Integer.parseInt(options.get(key)) : fallback;
    }

    private static List<Integer> intsOption(Map<String, String> options, String key, List<Integer> fallback) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private void phase(String name) {
        loads.add(name + " " + loadAverage());
    }
}
