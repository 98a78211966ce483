package dev.fraise.bench;

import dev.fraise.bench.FoundationBenchmark.Stats;
import dev.fraise.inference.ShapeInference;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import dev.fraise.shape.UnknownShape;
import dev.fraise.shape.ViewShape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The shape-inference benchmark: for generated schemas of 100, 250, 500 and 1000 views ({@link InferenceSchema}:
 * mixed patterns, nesting depth up to 4) built on one embedded server, times {@code ShapeInference.load(connection)}
 * (the catalog queries) and {@code inferAll()} separately, after warm-up runs; reports medians, ms per view and
 * ratios to the smallest schema (linear growth keeps the per-view ratio near 1). Prints a Markdown table and writes
 * it to {@code --output}.
 *
 * <p>Run with {@code mvn -Pbench -pl bench -am verify -DskipTests}. Options: {@code --sizes=100,250,500,1000},
 * {@code --runs=10}, {@code --warmup=3}, {@code --seed=20261122}.
 */
public final class InferenceBenchmark {

    private static final ServerSettings EMBEDDED =
            new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty());
    private static final int TARGET_VIEWS = 500;
    private static final double TARGET_MS = 2000;

    /** One schema size's measurements. */
    private record Size(int views, int statements, double buildMs, double treeMegabytes, int[] depths,
                        Map<String, Integer> patterns, int unknown, Stats load, Stats infer, Stats total, Stats cpu) {

        double perView() {
            return total.median() / views;
        }
    }

    private InferenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1),
                        (a, b) -> b));
        Path output = Path.of(options.getOrDefault("output", "target/inference.md")).toAbsolutePath().normalize();
        List<Integer> sizes = Arrays.stream(options.getOrDefault("sizes", "100,250,500,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20261122"));
        if (runs < 5) {
            throw new IllegalArgumentException("at least 5 measured runs are required");
        }
        String loadBefore = FoundationBenchmark.loadAverage();
        List<Size> results = new ArrayList<>();
        String version;
        try (PostgresServer server = PostgresServers.start(EMBEDDED)) {
            version = scalar(server, server.maintenanceDatabase(), "SELECT version()");
            List<Subject> subjects = new ArrayList<>();
            try {
                for (int views : sizes) {
                    subjects.add(Subject.build(server, views, seed));
                    log("built " + views + " views in " + Math.round(subjects.get(subjects.size() - 1).buildMs)
                            + " ms");
                }
                for (int round = 0; round < warmup + runs; round++) {
                    for (int k = 0; k < subjects.size(); k++) {
                        subjects.get((round + k) % subjects.size()).run(round >= warmup);
                    }
                }
                for (Subject subject : subjects) {
                    Size size = subject.size();
                    results.add(size);
                    log(String.format(Locale.ROOT, "  %4d views: load %.0f ms + inferAll %.0f ms = %.0f ms (%.2f"
                            + " ms/view, JVM CPU %.0f ms)", size.views(), size.load().median(), size.infer().median(),
                            size.total().median(), size.perView(), size.cpu().median()));
                }
            } finally {
                for (Subject subject : subjects) {
                    subject.drop(server);
                }
            }
        }
        String report = render(results, runs, warmup, seed, version, loadBefore, FoundationBenchmark.loadAverage());
        System.out.println();
        System.out.println(report);
        Files.createDirectories(output.getParent());
        Files.writeString(output, report, StandardCharsets.UTF_8);
        log("written to " + output);
    }

    /** One schema size: its database, built once, and the timings of its runs. */
    private static final class Subject {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final int views;
        private final InferenceSchema schema;
        private final String database;
        private final Connection connection;
        private final List<Double> load = new ArrayList<>();
        private final List<Double> infer = new ArrayList<>();
        private final List<Double> total = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();
        private double buildMs;
        private double treeMegabytes;
        private int unknown;

        private Subject(int views, InferenceSchema schema, String database, Connection connection) {
            this.views = views;
            this.schema = schema;
            this.database = database;
            this.connection = connection;
        }

        /** Creates a database and builds the generated schema of {@code views} views in it. */
        static Subject build(PostgresServer server, int views, long seed) throws SQLException {
            String database = "bench_inference_" + views + "_" + ProcessHandle.current().pid();
            try (Connection admin = server.dataSource(server.maintenanceDatabase()).getConnection();
                 Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + database + " TEMPLATE template0");
            }
            Subject subject = new Subject(views, InferenceSchema.generate(views, seed), database,
                    server.dataSource(database).getConnection());
            long b0 = System.nanoTime();
            try (Statement st = subject.connection.createStatement()) {
                for (String statement : subject.schema.statements()) {
                    st.execute(statement);
                }
            }
            subject.buildMs = (System.nanoTime() - b0) / 1e6;
            subject.treeMegabytes = Double.parseDouble(scalar(server, database, "SELECT sum(octet_length("
                    + "ev_action::text)) FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE n.nspname = 'public'")) / 1e6;
            return subject;
        }

        /** One run of load + inferAll, recorded if {@code measured}. */
        void run(boolean measured) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ShapeInference inference = ShapeInference.load(connection);
            long t1 = System.nanoTime();
            List<ViewShape> shapes = inference.inferAll();
            long t2 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            if (shapes.size() != views) {
                throw new IllegalStateException("inferAll gave " + shapes.size() + " shapes for " + views + " views");
            }
            unknown = (int) shapes.stream().filter(s -> s.data() instanceof UnknownShape).count();
            if (measured) {
                load.add((t1 - t0) / 1e6);
                infer.add((t2 - t1) / 1e6);
                total.add((t2 - t0) / 1e6);
                cpu.add((c1 - c0) / 1e6);
            }
        }

        Size size() {
            return new Size(views, schema.statements().size(), buildMs, treeMegabytes, schema.depthHistogram(),
                    schema.patternCounts(), unknown, Stats.of(load), Stats.of(infer), Stats.of(total), Stats.of(cpu));
        }

        void drop(PostgresServer server) throws SQLException {
            connection.close();
            try (Connection admin = server.dataSource(server.maintenanceDatabase()).getConnection();
                 Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static String render(List<Size> results, int runs, int warmup, long seed, String version,
            String loadBefore, String loadAfter) {
        Size base = results.get(0);
        StringBuilder md = new StringBuilder();
        md.append("### Shape inference figures (").append(ZonedDateTime.now().format(DateTimeFormatter
                .ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT)).replaceAll("\\.\\d+", "")).append(")\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d CPUs (`availableProcessors`), %s RAM, %s %s, Java %s. "
                + "Server: %s (embedded, data directory on tmpfs). Load average (1/5/15 min) %s at the start, %s at "
                + "the end.%n%n", Runtime.getRuntime().availableProcessors(), FoundationBenchmark.memTotal(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                version, loadBefore, loadAfter));
        md.append(String.format(Locale.ROOT, "Each size's generated schema (seed %d) is built in its own database "
                + "first; then %d warm-up and %d measured rounds each run `ShapeInference.load(connection)` followed "
                + "by `inferAll()` once per size (on one connection per database, the sizes' order rotated every "
                + "round, so JIT and GC disturb every size alike). `load` runs the catalog queries and "
                + "parses every view's `pg_node_tree`; `inferAll` is pure Java. Medians in ms, the total's min–max "
                + "in brackets; JVM CPU is the benchmark thread's CPU time for load + inferAll (the server's work "
                + "excluded), the figure least disturbed by other load on the machine. Ratios are to the %d-view "
                + "schema: linear growth keeps the per-view ratio near 1.%n%n", seed, warmup, runs, base.views()));
        md.append("| views | statements | node trees (MB) | build DDL | `load` | `inferAll` | total [min–max] | ms/view "
                + "| JVM CPU | ratio total | ratio JVM CPU | ratio CPU per view | target | met |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Size s : results) {
            boolean targeted = s.views() == TARGET_VIEWS;
            double cpuRatio = s.cpu().median() / base.cpu().median();
            md.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.0f | %.1f | %.1f | %.1f [%.1f–%.1f] | %.3f "
                    + "| %.1f | %.2f× | %.2f× | %.2f× | %s | %s |%n", s.views(), s.statements(), s.treeMegabytes(),
                    s.buildMs(),
                    s.load().median(), s.infer().median(), s.total().median(), s.total().min(), s.total().max(),
                    s.perView(), s.cpu().median(), s.total().median() / base.total().median(), cpuRatio,
                    cpuRatio * base.views() / s.views(), targeted ? "≤ 2000 ms" : "",
                    targeted ? s.total().median() <= TARGET_MS ? "yes" : "**no**" : ""));
        }
        md.append('\n');
        for (Size s : results) {
            int[] d = s.depths();
            md.append(String.format(Locale.ROOT, "- %d views: nesting depth 1/2/3/4: %d/%d/%d/%d; top-level unknown "
                    + "shapes: %d; patterns: %s.%n", s.views(), d[1], d[2], d[3], d[4], s.unknown(),
                    s.patterns().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", "))));
        }
        return md.toString();
    }

    private static String scalar(PostgresServer server, String database, String sql) throws SQLException {
        try (Connection c = server.dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
