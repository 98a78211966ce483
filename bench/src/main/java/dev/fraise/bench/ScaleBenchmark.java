package dev.fraise.bench;

import dev.fraise.bench.FoundationBenchmark.Stats;
import dev.fraise.bench.ScaleSchema.Nesting;
import dev.fraise.contract.ContractChecker;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.Finding;
import dev.fraise.contract.Severity;
import dev.fraise.contract.TypeResult;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.graphql.GraphqlSchemaLoader;
import dev.fraise.inference.ShapeInference;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
 * The scale benchmark: the static contract check of generated FraiseQL-style projects ({@link ScaleSchema}) of
 * {@code --sizes} entities (1.5 views and types per entity), once with embedding bounded at six levels and once
 * chained through every entity, all in one run on one embedded server. For each, after warm-up, it times
 * {@code ShapeInference.load} and the whole {@code ContractChecker.check} (which loads the inference itself) and
 * reports medians, the chained/bounded ratio per size and the growth from the smallest size.
 *
 * <p>Run with {@code mvn -Pbench -pl bench -am verify -DskipTests} (the other benchmarks skipped with their
 * {@code -Dbench.*.skip=true}). Options: {@code --sizes=50,200,500,1000}, {@code --runs=5}, {@code --warmup=2}.
 */
public final class ScaleBenchmark {

    private static final ServerSettings EMBEDDED =
            new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty());
    private static final int TARGET_N = 1000;
    private static final double TARGET_CHAIN_RATIO = 1.5;
    private static final double TARGET_CHECK_MS = 1000;

    /** The figures of one generated project. */
    private record Result(int n, Nesting nesting, int types, double buildMs, Stats load, Stats check) {
    }

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1),
                        (a, b) -> b));
        List<Integer> sizes = Arrays.stream(options.getOrDefault("sizes", "50,200,500,1000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));
        Path output = Path.of(options.getOrDefault("output", "target/scale.md")).toAbsolutePath().normalize();
        String loadBefore = FoundationBenchmark.loadAverage();
        long start = System.nanoTime();
        List<Result> results = new ArrayList<>();
        String server;
        try (PostgresServer postgres = PostgresServers.start(EMBEDDED)) {
            server = postgres.description();
            for (int n : sizes) {
                for (Nesting nesting : Nesting.values()) {
                    Result result = measure(postgres, ScaleSchema.of(n, nesting), runs, warmup);
                    results.add(result);
                    log(String.format(Locale.ROOT, "N=%d %s: %d types, load %.0f ms, check %.0f ms", n, nesting,
                            result.types(), result.load().median(), result.check().median()));
                }
            }
        }
        String report = render(results, runs, warmup, String.format(Locale.ROOT, "Server: %s. Total %.0f s; load"
                + " average (1/5/15 min) %s at the start, %s at the end.", server, (System.nanoTime() - start) / 1e9,
                loadBefore, FoundationBenchmark.loadAverage()));
        System.out.println();
        System.out.println(report);
        Files.createDirectories(output.getParent());
        Files.writeString(output, report, StandardCharsets.UTF_8);
        log("written to " + output);
    }

    private static Result measure(PostgresServer server, ScaleSchema generated, int runs, int warmup)
            throws Exception {
        String database = "bench_scale_" + generated.n() + "_" + generated.nesting().name().toLowerCase(Locale.ROOT)
                + "_" + ProcessHandle.current().pid();
        Path project = Files.createTempDirectory("fraise-scale-bench-");
        Path sdl = project.resolve("schema.graphql");
        try {
            admin(server, "CREATE DATABASE " + database);
            try (Connection connection = server.dataSource(database).getConnection()) {
                long b0 = System.nanoTime();
                try (Statement s = connection.createStatement()) {
                    connection.setAutoCommit(false);
                    s.execute(generated.sql());
                    connection.commit();
                    connection.setAutoCommit(true);
                }
                double buildMs = (System.nanoTime() - b0) / 1e6;
                Files.writeString(sdl, generated.sdl(), StandardCharsets.UTF_8);
                GraphqlSchema schema = GraphqlSchemaLoader.load(project, List.of("schema.graphql"));
                verify(ContractChecker.check(connection, schema, ContractOptions.DEFAULT), generated);
                List<Double> load = new ArrayList<>();
                List<Double> check = new ArrayList<>();
                for (int i = 0; i < warmup + runs; i++) {
                    long t0 = System.nanoTime();
                    ShapeInference.load(connection);
                    long t1 = System.nanoTime();
                    ContractChecker.check(connection, schema, ContractOptions.DEFAULT);
                    long t2 = System.nanoTime();
                    if (i >= warmup) {
                        load.add((t1 - t0) / 1e6);
                        check.add((t2 - t1) / 1e6);
                    }
                }
                return new Result(generated.n(), generated.nesting(), generated.types(), buildMs, Stats.of(load),
                        Stats.of(check));
            }
        } finally {
            admin(server, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            Files.deleteIfExists(sdl);
            Files.deleteIfExists(project);
        }
    }

    /** Every generated type is checked and no error is reported, or the figures would measure something else. */
    private static void verify(ContractReport report, ScaleSchema generated) {
        long checked = report.types().stream().filter(t -> t.status() == TypeResult.Status.CHECKED).count();
        List<Finding> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (checked != generated.types() || !errors.isEmpty()) {
            throw new IllegalStateException("the generated project (N=" + generated.n() + ", " + generated.nesting()
                    + ") must check clean, but " + checked + " of " + generated.types() + " types were checked and"
                    + " the errors are:\n" + errors.stream().limit(20).map(Finding::toString)
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String render(List<Result> results, int runs, int warmup, String notes) {
        StringBuilder md = new StringBuilder();
        md.append("### Scale (").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .withLocale(Locale.ROOT)).replaceAll("\\.\\d+", "")).append(")\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d CPUs, Java %s. Generated projects (`ScaleSchema`) of N"
                + " entities, 1.5·N views and types; *bounded*: embedding at most 6 levels deep, *chained*: every"
                + " entity's view embeds the previous one (N levels). %d warm-up and %d measured runs each, one JVM"
                + " and one server for all; medians in ms (min–max). `check` is the whole static"
                + " `ContractChecker.check`, its own inference load included.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), warmup, runs));
        md.append("| N | types | nesting | build DDL | `ShapeInference.load` | check | check min–max | growth from"
                + " smallest N | chained / bounded | target | met |\n|---:|---:|---|---:|---:|---:|---|---:|---:|---|---|\n");
        for (Result r : results) {
            Result smallest = results.stream().filter(o -> o.nesting() == r.nesting()).findFirst().orElseThrow();
            Result bounded = results.stream().filter(o -> o.n() == r.n() && o.nesting() == Nesting.BOUNDED)
                    .findFirst().orElseThrow();
            double ratio = r.check().median() / bounded.check().median();
            String target = "";
            String met = "";
            if (r.n() == TARGET_N && r.nesting() == Nesting.CHAINED) {
                target = "chained ≤ " + TARGET_CHAIN_RATIO + "× bounded";
                met = ratio <= TARGET_CHAIN_RATIO ? "yes" : "**no**";
            } else if (r.n() == TARGET_N) {
                target = "≤ " + (int) TARGET_CHECK_MS + " ms (" + r.types() + " types, warm)";
                met = r.check().median() <= TARGET_CHECK_MS ? "yes" : "**no**";
            }
            md.append(String.format(Locale.ROOT, "| %d | %d | %s | %.0f | %.0f | **%.0f** | %.0f–%.0f | %.2f× (N %.0f×)"
                    + " | %s | %s | %s |%n", r.n(), r.types(), r.nesting().name().toLowerCase(Locale.ROOT),
                    r.buildMs(), r.load().median(), r.check().median(), r.check().min(), r.check().max(),
                    r.check().median() / smallest.check().median(), (double) r.n() / smallest.n(),
                    r.nesting() == Nesting.CHAINED ? String.format(Locale.ROOT, "%.2f×", ratio) : "", target, met));
        }
        md.append("\n").append(notes).append('\n');
        return md.toString();
    }

    private static void admin(PostgresServer server, String sql) throws SQLException {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void log(String message) {
        System.err.println("[scale-bench] " + message);
    }
}
