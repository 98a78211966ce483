package dev.fraise.bench;

import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.bench.FoundationBenchmark.Stats;
import dev.fraise.bench.ScaleSchema.Nesting;
import dev.fraise.build.SchemaPlan;
import dev.fraise.database.CloneStrategy;
import dev.fraise.database.Database;
import dev.fraise.database.PoolOptions;
import dev.fraise.database.TemplatePool;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
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

/**
 * The side-by-side benchmark: what one test costs when every test gets a fresh database, measured in one run for
 * Fraise's {@code TemplatePool} (what {@code @FraiseDatabase} does per test), zonky's
 * {@code embedded-database-spring-test} provider with a refresh after each test method ({@link ZonkyRefresh}), and a
 * rebuild from DDL per test ({@link DdlRebuild}). Two schemas: {@code examples/blog} with seeds and a generated
 * project of {@code --entities} entities ({@link ScaleSchema}, bounded nesting); test bodies of
 * {@code --bodies-ms}. Each provider has a server of its own, and the report adds what one synchronous clone
 * of each template costs with FILE_COPY and WAL_LOG.
 *
 * <p>A simulated test obtains its database, opens a connection, reads one table, waits until the body time has
 * passed since hand-out and closes both; its cost is its wall time. The three providers run interleaved: per round
 * and body, each runs a block of consecutive tests (order rotated every block), so machine noise hits all alike.
 * The first tests of a block, which find databases prefetched while the other providers ran, are not counted: the
 * figures are for a suite whose tests run back to back.
 *
 * <p>Run with {@code mvn -Pbench -pl bench -am verify -DskipTests} (the other benchmarks skipped with their
 * {@code -Dbench.*.skip=true}).
 */
public final class SideBySideBenchmark {

    private static final ServerSettings EMBEDDED =
            new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty());
    private static final int ROUNDS = 4;
    /**
     * Tests per block not counted for the prefetching providers: more than the databases zonky can have ready or
     * under way when a block starts (5 per pipeline, plus one per prefetching thread), so that each block is
     * measured at the rate the provider makes databases, not from its stock.
     */
    private static final int BLOCK_WARMUP = 12;
    /** Tests per provider, schema and body before the first round (JIT, templates, pipelines). */
    private static final int WARMUP = 8;
    /** Synchronous clones timed per schema. */
    private static final int CLONES = 15;

    /** One measured test: its wall time and the part of it spent obtaining and releasing the database. */
    private record TestRun(double wallMs, double waitMs) {
    }

    /** The figures of one provider for one schema and body. */
    private record Cell(Stats wall, Stats waiting) {
    }

    /** A schema under test: its plan and a table every test reads. */
    private record Subject(String name, SchemaPlan plan, String table) {
    }

    private final Map<String, Map<Integer, Map<String, List<TestRun>>>> runs = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private final int zonkyThreads;

    private SideBySideBenchmark(int zonkyThreads) {
        this.zonkyThreads = zonkyThreads;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1),
                        (a, b) -> b));
        Path project = Path.of(options.getOrDefault("project", "../examples/blog")).toAbsolutePath().normalize();
        Path output = Path.of(options.getOrDefault("output", "target/side-by-side.md")).toAbsolutePath().normalize();
        List<Integer> bodies = Arrays.stream(options.getOrDefault("bodies-ms", "0,5,20").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        int tests = Integer.parseInt(options.getOrDefault("tests", "20"));
        int entities = Integer.parseInt(options.getOrDefault("entities", "200"));
        int zonkyThreads = Integer.parseInt(options.getOrDefault("zonky-threads", "3"));
        if (tests < ROUNDS) {
            throw new IllegalArgumentException("--tests must be at least " + ROUNDS);
        }
        new SideBySideBenchmark(zonkyThreads).run(project, output, bodies, tests, entities);
        // zonky's prefetching threads are not daemons (its server was stopped by ZonkyRefresh.close).
        System.exit(0);
    }

    private void run(Path project, Path output, List<Integer> bodies, int tests, int entities) throws Exception {
        String loadBefore = FoundationBenchmark.loadAverage();
        long start = System.nanoTime();
        List<String> loads = new ArrayList<>();
        Path scaleProject = Files.createTempDirectory("fraise-side-by-side-");
        String server;
        // One server per provider, so that one's checkpoints and drops do not land on another's clones.
        try (PostgresServer postgres = PostgresServers.start(EMBEDDED);
             PostgresServer rebuildServer = PostgresServers.start(EMBEDDED);
             ZonkyRefresh zonky = ZonkyRefresh.start(zonkyThreads)) {
            Files.createDirectories(scaleProject.resolve("db/schema"));
            Files.writeString(scaleProject.resolve("db/schema/10_scale.sql"),
                    ScaleSchema.of(entities, Nesting.BOUNDED).sql(), StandardCharsets.UTF_8);
            List<Subject> subjects = List.of(
                    subject("blog (seeds on)", Fraise.plan(FraiseSettings.forProject(project).withSeeds(true)),
                            "tb_post"),
                    subject(entities + " entities (bounded)", Fraise.plan(FraiseSettings.forProject(scaleProject)),
                            "tb_e0000"));
            for (Subject subject : subjects) {
                loads.add(subject.name() + " " + FoundationBenchmark.loadAverage());
                log("schema " + subject.name() + ": " + subject.plan().files().size() + " files");
                try (FraisePool fraise = FraisePool.create(postgres, subject.plan());
                     DdlRebuild rebuild = new DdlRebuild(rebuildServer, subject.plan())) {
                    List<PerTestDatabase> providers = List.of(fraise, zonky.forPlan(subject.plan()), rebuild);
                    measure(subject, providers, bodies, tests);
                }
                notes.add(cloneNote(postgres, subject));
            }
            loads.add("end " + FoundationBenchmark.loadAverage());
            server = "Fraise: " + postgres.description() + "; rebuild: " + rebuildServer.description() + "; zonky ("
                    + zonkyThreads + " prefetching threads): " + zonky.description();
        } finally {
            EmbeddedCaches.deleteTree(scaleProject);
        }
        notes.add("Servers: " + server + ".");
        notes.add(String.format(Locale.ROOT, "Total %.0f s; load average (1/5/15 min) %s at the start; per schema "
                + "and at the end: %s.", (System.nanoTime() - start) / 1e9, loadBefore, String.join("; ", loads)));
        String report = render(bodies, tests);
        System.out.println();
        System.out.println(report);
        Files.createDirectories(output.getParent());
        Files.writeString(output, report, StandardCharsets.UTF_8);
        log("written to " + output);
    }

    private static Subject subject(String name, SchemaPlan plan, String table) {
        return new Subject(name, plan, table);
    }

    private void measure(Subject subject, List<PerTestDatabase> providers, List<Integer> bodies, int tests) {
        Map<Integer, Map<String, List<TestRun>>> bySubject = runs.computeIfAbsent(subject.name(),
                k -> new LinkedHashMap<>());
        for (PerTestDatabase provider : providers) {
            for (int i = 0; i < WARMUP; i++) {
                test(provider, subject.table(), 0);
            }
        }
        int perBlock = (tests + ROUNDS - 1) / ROUNDS;
        int block = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int body : bodies) {
                Map<String, List<TestRun>> byProvider = bySubject.computeIfAbsent(body, k -> new LinkedHashMap<>());
                for (int p = 0; p < providers.size(); p++) {
                    PerTestDatabase provider = providers.get((p + block) % providers.size());
                    List<TestRun> measured = byProvider.computeIfAbsent(provider.name(), k -> new ArrayList<>());
                    int skip = provider.prefetches() ? BLOCK_WARMUP : 1;
                    for (int i = 0; i < skip + perBlock; i++) {
                        TestRun run = test(provider, subject.table(), body);
                        if (i >= skip) {
                            measured.add(run);
                        }
                    }
                }
                block++;
                log(String.format(Locale.ROOT, "  %s, round %d, body %d ms: %s", subject.name(), round + 1, body,
                        byProvider.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f ms", e.getKey(),
                                Stats.of(e.getValue().stream().map(TestRun::wallMs).toList()).median()))
                                .collect(Collectors.joining(", "))));
            }
        }
    }

    /**
     * What one clone of the subject's template costs: synchronous acquires from pools without prefetch, FILE_COPY
     * (Fraise's choice on its own servers) and WAL_LOG (PostgreSQL's default, which zonky's plain
     * {@code CREATE DATABASE … TEMPLATE} gets), alternated; and the template's size.
     */
    private static String cloneNote(PostgresServer server, Subject subject) throws SQLException {
        List<Double> fileCopy = new ArrayList<>();
        List<Double> walLog = new ArrayList<>();
        long bytes;
        try (TemplatePool copy = TemplatePool.create(server, subject.plan(),
                new PoolOptions(0, CloneStrategy.FILE_COPY).withRecycling(false), c -> { });
             TemplatePool wal = TemplatePool.create(server, subject.plan(),
                     new PoolOptions(0, CloneStrategy.WAL_LOG).withRecycling(false), c -> { })) {
            for (int i = 0; i < WARMUP + CLONES; i++) {
                boolean copyFirst = i % 2 == 0;
                double first = cloneMs(copyFirst ? copy : wal);
                double second = cloneMs(copyFirst ? wal : copy);
                if (i >= WARMUP) {
                    fileCopy.add(copyFirst ? first : second);
                    walLog.add(copyFirst ? second : first);
                }
            }
            try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_database_size('" + copy.templateName() + "')")) {
                rs.next();
                bytes = rs.getLong(1);
            }
        }
        Stats copyStats = Stats.of(fileCopy);
        Stats walStats = Stats.of(walLog);
        return String.format(Locale.ROOT, "%s: template %.1f MB (%d schema files); a synchronous clone (prefetch 0) "
                        + "takes %s ms median, %s ms p90 with FILE_COPY and %s / %s ms with WAL_LOG (%d each, "
                        + "alternated, after the measured tests).", subject.name(), bytes / 1024.0 / 1024.0,
                subject.plan().files().size(), fmt(copyStats.median()), fmt(copyStats.p90()),
                fmt(walStats.median()), fmt(walStats.p90()), CLONES);
    }

    private static double cloneMs(TemplatePool pool) {
        long t0 = System.nanoTime();
        Database db = pool.acquire();
        long t1 = System.nanoTime();
        db.close();
        return (t1 - t0) / 1e6;
    }

    /** One simulated test: obtain, connect and read, hold until {@code bodyMs} after hand-out, release. */
    private static TestRun test(PerTestDatabase provider, String table, int bodyMs) {
        long t0 = System.nanoTime();
        PerTestDatabase.Lease lease = provider.obtain();
        long t1 = System.nanoTime();
        long t2;
        try (Connection c = lease.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            long deadline = t1 + TimeUnit.MILLISECONDS.toNanos(bodyMs);
            for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(provider.name() + ": reading " + table + ": " + e.getMessage(), e);
        } finally {
            t2 = System.nanoTime();
            lease.close();
        }
        long t3 = System.nanoTime();
        return new TestRun((t3 - t0) / 1e6, ((t1 - t0) + (t3 - t2)) / 1e6);
    }

    private String render(List<Integer> bodies, int tests) {
        StringBuilder md = new StringBuilder();
        md.append("### Side by side (").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .withLocale(Locale.ROOT)).replaceAll("\\.\\d+", "")).append(")\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d CPUs, %s RAM, %s %s, Java %s, running as %s. Per schema, "
                        + "body and provider: %d measured tests in %d interleaved blocks (the first %d tests of a "
                        + "block of a prefetching provider, 1 of the rebuild, not counted; %d warm-up tests first). "
                        + "Per-test cost = wall time of a test (obtain the database, connect, read one table, "
                        + "hold it for the body time from hand-out, release it); \"wait\" is the part spent "
                        + "obtaining and releasing it. Medians / p90 in ms; ratios are medians over medians and "
                        + "p90 over p90 of the same run.%n%n", Runtime.getRuntime().availableProcessors(),
                FoundationBenchmark.memTotal(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("user.name"),
                ROUNDS * ((tests + ROUNDS - 1) / ROUNDS), ROUNDS, BLOCK_WARMUP, WARMUP));
        md.append("| schema | body | Fraise per test | zonky per test | rebuild per test | Fraise wait | zonky wait "
                + "| rebuild wait | zonky / Fraise | rebuild / Fraise |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        runs.forEach((subject, bySubject) -> bodies.forEach(body -> {
            Map<String, Cell> cells = new LinkedHashMap<>();
            bySubject.get(body).forEach((name, list) -> cells.put(name, new Cell(
                    Stats.of(list.stream().map(TestRun::wallMs).toList()),
                    Stats.of(list.stream().map(TestRun::waitMs).toList()))));
            Cell fraise = cells.get(FraisePool.NAME);
            Cell zonky = cells.get(ZonkyRefresh.NAME);
            Cell rebuild = cells.get(DdlRebuild.NAME);
            md.append(String.format(Locale.ROOT, "| %s | %d ms | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    subject, body, pair(fraise.wall()), pair(zonky.wall()), pair(rebuild.wall()),
                    pair(fraise.waiting()), pair(zonky.waiting()), pair(rebuild.waiting()),
                    ratios(zonky.wall(), fraise.wall()), ratios(rebuild.wall(), fraise.wall())));
        }));
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }

    private static String pair(Stats s) {
        return fmt(s.median()) + " / " + fmt(s.p90());
    }

    private static String ratios(Stats other, Stats fraise) {
        return String.format(Locale.ROOT, "**%.1f×** / %.1f×", other.median() / fraise.median(),
                other.p90() / fraise.p90());
    }

    private static String fmt(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static void log(String message) {
        System.err.println("[side-by-side] " + message);
    }
}
