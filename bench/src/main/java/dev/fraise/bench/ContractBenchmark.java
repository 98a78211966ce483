package dev.fraise.bench;

import dev.fraise.contract.ContractChecker;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.ContractSummary;
import dev.fraise.contract.Finding;
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
 * The contract checker benchmark: the static check ({@code ContractChecker.check} with a loaded
 * {@link GraphqlSchema}) of generated projects of {@code --sizes} types and views (see
 * {@link GeneratedContractSchema}), on the embedded server, warmed up, with the schema loading and the shape
 * inference timed separately. Prints a Markdown table with the ratios to the smallest size and writes it to
 * {@code --output}.
 *
 * <p>Run with {@code mvn -Pbench -pl bench -am verify -DskipTests -Dbench.foundation.skip=true
 * -Dbench.drift.skip=true} to run only this one.
 */
public final class ContractBenchmark {

    private static final ServerSettings EMBEDDED =
            new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty());
    private static final double TARGET_MS = 2000;
    private static final int TARGET_SIZE = 500;
    /** Checks run before any measurement, so that the first size is not measured while the JIT compiles. */
    private static final int JIT_WARMUP = 15;

    /** The figures of one size. */
    private record Size(int n, int relations, double buildMs, FoundationBenchmark.Stats load,
            FoundationBenchmark.Stats inference, FoundationBenchmark.Stats check, ContractSummary summary) {
    }

    private ContractBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args)
                .filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1),
                        (a, b) -> b));
        List<Integer> sizes = Arrays.stream(options.getOrDefault("sizes", "100,250,500,1000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));
        Path output = Path.of(options.getOrDefault("output", "target/contract.md")).toAbsolutePath();
        long start = System.nanoTime();
        String loadBefore = loadAverage();
        log("Fraise contract benchmark: sizes " + sizes + ", " + runs + " runs (+" + warmup + " warm-up)");
        List<Size> results = new ArrayList<>();
        String server;
        try (PostgresServer postgres = PostgresServers.start(EMBEDDED)) {
            server = postgres.description();
            log("JIT warm-up: " + JIT_WARMUP + " checks of " + sizes.get(0) + " types");
            measure(postgres, GeneratedContractSchema.of(sizes.get(0)), 1, JIT_WARMUP);
            for (int n : sizes) {
                results.add(measure(postgres, GeneratedContractSchema.of(n), runs, warmup));
            }
        }
        String notes = String.format(Locale.ROOT, "Server: %s. Total benchmark time %.0f s; load average (1/5/15 min)"
                + " %s at the start, %s at the end.", server, (System.nanoTime() - start) / 1e9, loadBefore,
                loadAverage());
        String report = render(results, runs, warmup, notes);
        System.out.println();
        System.out.println(report);
        Files.createDirectories(output.getParent());
        Files.writeString(output, report, StandardCharsets.UTF_8);
        log("written to " + output);
        boolean met = results.stream().filter(r -> r.n() == TARGET_SIZE).allMatch(r -> r.check().median() <= TARGET_MS);
        if (!met) {
            log("TARGET MISSED: the static check of " + TARGET_SIZE + " types took more than " + TARGET_MS + " ms");
        }
    }

    private static Size measure(PostgresServer server, GeneratedContractSchema generated, int runs, int warmup)
            throws Exception {
        String database = "bench_contract_" + generated.n();
        Path project = Files.createTempDirectory("fraise-contract-bench-");
        try (Connection connection = scratch(server, database)) {
            long b0 = System.nanoTime();
            try (Statement s = connection.createStatement()) {
                connection.setAutoCommit(false);
                s.execute(generated.sql());
                connection.commit();
                connection.setAutoCommit(true);
            }
            double buildMs = (System.nanoTime() - b0) / 1e6;
            Files.writeString(project.resolve("schema.graphql"), generated.sdl(), StandardCharsets.UTF_8);
            List<String> files = List.of("schema.graphql");
            GraphqlSchema schema = GraphqlSchemaLoader.load(project, files);
            ContractReport report = ContractChecker.check(connection, schema, ContractOptions.DEFAULT);
            verify(report, generated.n());
            int relations = ShapeInference.load(connection).inferAll().size();
            List<Double> load = new ArrayList<>();
            List<Double> inference = new ArrayList<>();
            List<Double> check = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                long t0 = System.nanoTime();
                GraphqlSchema loaded = GraphqlSchemaLoader.load(project, files);
                long t1 = System.nanoTime();
                ShapeInference.load(connection).inferAll();
                long t2 = System.nanoTime();
                ContractChecker.check(connection, loaded, ContractOptions.DEFAULT);
                long t3 = System.nanoTime();
                if (i >= warmup) {
                    load.add((t1 - t0) / 1e6);
                    inference.add((t2 - t1) / 1e6);
                    check.add((t3 - t2) / 1e6);
                }
            }
            Size size = new Size(generated.n(), relations, buildMs, FoundationBenchmark.Stats.of(load),
                    FoundationBenchmark.Stats.of(inference), FoundationBenchmark.Stats.of(check), report.summary());
            log(String.format(Locale.ROOT, "  N=%4d: build %.0f ms, SDL load %.1f ms, inference %.0f ms, check %.0f ms"
                    + " (median)", size.n(), buildMs, size.load().median(), size.inference().median(),
                    size.check().median()));
            return size;
        } finally {
            drop(server, database);
            Files.deleteIfExists(project.resolve("schema.graphql"));
            Files.deleteIfExists(project);
        }
    }

    /** The generated schema matches its views: every type is checked and nothing is reported. */
    private static void verify(ContractReport report, int n) {
        long checked = report.types().stream().filter(t -> t.status() == TypeResult.Status.CHECKED).count();
        if (checked != n || !report.findings().isEmpty()) {
            throw new IllegalStateException("the generated schema of " + n + " types must check clean, but " + checked
                    + " types were checked and the report has:\n" + report.findings().stream()
                    .limit(20).map(Finding::toString).collect(Collectors.joining("\n")));
        }
    }

    private static String render(List<Size> sizes, int runs, int warmup, String notes) {
        Size base = sizes.get(0);
        StringBuilder md = new StringBuilder();
        md.append("## Contract checker: measured ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d CPUs, Java %s. After %d JIT warm-up checks, %d measured runs"
                + " per size after %d warm-up runs; times in ms (median, with min–max for the check); ratios are"
                + " medians over the N = %d medians.%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), JIT_WARMUP, runs, warmup, base.n()));
        md.append("| N types | relations with data | build | SDL load | ratio | inference | ratio | static check"
                + " | min–max | p90 | ratio | N ratio | ms per type | target | met |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---|\n");
        for (Size s : sizes) {
            boolean target = s.n() == TARGET_SIZE;
            md.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %.2f× | %s | %.2f× | **%s** | %s–%s | %s"
                    + " | %.2f× | %.2f× | %.2f | %s | %s |%n", s.n(), s.relations(), fmt(s.buildMs()),
                    fmt(s.load().median()), s.load().median() / base.load().median(), fmt(s.inference().median()),
                    s.inference().median() / base.inference().median(), fmt(s.check().median()), fmt(s.check().min()),
                    fmt(s.check().max()), fmt(s.check().p90()), s.check().median() / base.check().median(),
                    (double) s.n() / base.n(), s.check().median() / s.n(), target ? "≤ 2000 ms" : "",
                    target ? (s.check().median() <= TARGET_MS ? "yes" : "**no**") : ""));
        }
        md.append('\n');
        Size last = sizes.get(sizes.size() - 1);
        md.append(String.format(Locale.ROOT, "- Every generated schema checks clean (N = %d: %d types checked, %d"
                + " errors, %d warnings).%n", last.n(), last.summary().types(), last.summary().errors(),
                last.summary().warnings()));
        md.append("- ").append(notes).append('\n');
        return md.toString();
    }

    private static Connection scratch(PostgresServer server, String name) throws SQLException {
        try (Connection admin = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        return server.dataSource(name).getConnection();
    }

    private static void drop(PostgresServer server, String name) throws SQLException {
        try (Connection admin = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static String fmt(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void log(String message) {
        System.out.println("[contract-bench] " + message);
        System.out.flush();
    }
}
