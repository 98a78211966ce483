package dev.fraise.bench;

import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.catalog.CatalogDiff;
import dev.fraise.catalog.CatalogScope;
import dev.fraise.catalog.CatalogSnapshot;
import dev.fraise.config.ProjectConfig;
import dev.fraise.drift.DriftBase;
import dev.fraise.drift.DriftGate;
import dev.fraise.drift.DriftReport;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.io.IOException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The drift benchmark: the DDL = migrations gate on {@code examples/blog} end to end (in a fresh JVM, server start
 * included, and on a warm server), the reversibility gate, and a catalog snapshot of a generated schema of
 * {@code --tables} tables. Prints a Markdown table and writes it to {@code --output}.
 *
 * <p>Run with {@code mvn -Pbench -pl bench -am verify -DskipTests} (add {@code -Dbench.foundation.skip=true} and
 * {@code -Dbench.contract.skip=true} to run only this one). The gate's base is the parent of the commit that added the blog's first migration, unless
 * {@code --base} names another git ref.
 */
public final class DriftBenchmark {

    private static final ServerSettings EMBEDDED =
            new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty());
    private static final String RESULT = "RESULT ";
    private static final String FIRST_MIGRATION = "db/migrations/001_add_post_views.up.sql";

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private DriftBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args)
                .filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1),
                        (a, b) -> b));
        Path project = Path.of(require(options, "project")).toAbsolutePath().normalize();
        if ("gate".equals(options.get("child"))) {
            childGate(project, require(options, "base"));
            System.exit(0);
        }
        String base = options.containsKey("base") && !options.get("base").isBlank() ? options.get("base")
                : baseOf(project);
        new DriftBenchmark().run(project, base, Path.of(require(options, "output")).toAbsolutePath(),
                Integer.parseInt(options.getOrDefault("runs", "10")),
                Integer.parseInt(options.getOrDefault("warmup", "2")),
                Integer.parseInt(options.getOrDefault("tables", "500")));
    }

    /** A fresh JVM: start the embedded server, run the DDL gate once, stop. */
    private static void childGate(Path project, String base) {
        long t0 = System.nanoTime();
        PostgresServer server = PostgresServers.start(EMBEDDED);
        long t1 = System.nanoTime();
        DriftReport report;
        try {
            report = DriftGate.ddlMatchesMigrations(server, config(project), DriftBase.gitRef(base));
        } finally {
            server.close();
        }
        long t2 = System.nanoTime();
        System.out.println(RESULT + "start_ns=" + (t1 - t0) + " gate_ns=" + (t2 - t1) + " end_to_end_ns=" + (t2 - t0)
                + " findings=" + report.findings().size() + " migrations=" + report.migrations().size()
                + " done_epoch_ms=" + System.currentTimeMillis());
        System.out.flush();
    }

    private void run(Path project, String base, Path output, int runs, int warmup, int tables) throws Exception {
        long benchStart = System.nanoTime();
        String loadBefore = loadAverage();
        log("Fraise drift benchmark: " + project + " against git ref " + base + ", " + runs + " runs (+" + warmup
                + " warm-up), generated schema of " + tables + " tables");

        // 1. End to end in a fresh JVM: server start + DDL gate.
        List<Double> spawn = new ArrayList<>();
        List<Double> endToEnd = new ArrayList<>();
        List<Double> firstGate = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            Map<String, String> r = child(project, base);
            if (!"0".equals(r.get("findings"))) {
                notes.add("WARNING: the gate in a fresh JVM reported " + r.get("findings") + " finding(s)");
            }
            if (i >= warmup) {
                spawn.add(Double.parseDouble(r.get("spawn_ms")));
                endToEnd.add(ms(r.get("end_to_end_ns")));
                firstGate.add(ms(r.get("gate_ns")));
            }
            log(String.format(Locale.ROOT, "  fresh JVM %2d%s: gate %.0f ms, with server start %.0f ms, from spawn"
                    + " %s ms", i + 1, i >= warmup ? "" : " (warm-up)", ms(r.get("gate_ns")),
                    ms(r.get("end_to_end_ns")), r.get("spawn_ms")));
        }
        rows.add(Row.of("DDL = migrations gate on examples/blog, fresh JVM, from `java` spawn to report"
                + " (JVM boot, server start, gate, server stop)", spawn, "≤ 3000 ms", s -> s.median() <= 3000));
        rows.add(Row.of("… of which server start + gate (`PostgresServers.start` to report)", endToEnd, "", null));
        rows.add(Row.of("… of which the gate alone, first run in the JVM", firstGate, "≤ 3000 ms",
                s -> s.median() <= 3000));

        // 2. Warm server, in this JVM.
        try (PostgresServer server = PostgresServers.start(EMBEDDED)) {
            ProjectConfig config = config(project);
            DriftBase driftBase = DriftBase.gitRef(base);
            List<Double> gate = new ArrayList<>();
            List<Double> reversibility = new ArrayList<>();
            DriftReport last = null;
            for (int i = 0; i < warmup + runs; i++) {
                long t0 = System.nanoTime();
                last = DriftGate.ddlMatchesMigrations(server, config, driftBase);
                long t1 = System.nanoTime();
                DriftReport rev = DriftGate.reversibility(server, config, driftBase);
                long t2 = System.nanoTime();
                if (!last.passed() || !rev.passed()) {
                    throw new IllegalStateException("the blog gates must pass:\n" + last.render() + "\n" + rev.render());
                }
                if (i >= warmup) {
                    gate.add((t1 - t0) / 1e6);
                    reversibility.add((t2 - t1) / 1e6);
                }
            }
            rows.add(Row.of("DDL = migrations gate on examples/blog, warm server and JVM", gate, "≤ 3000 ms",
                    s -> s.median() <= 3000));
            rows.add(Row.of("Reversibility gate on examples/blog (build base, up, down, up), warm", reversibility, "",
                    null));
            notes.add("Gate report: " + last.render().lines().findFirst().orElse("") + ".");

            // 3. Snapshots: the blog, and a generated schema.
            try (Connection blog = scratch(server, "bench_drift_blog")) {
                dev.fraise.build.SchemaBuilder.build(blog, Fraise.plan(FraiseSettings.forProject(project)));
                List<Double> snap = time(warmup, runs, () -> CatalogSnapshot.take(blog, CatalogScope.allSchemas()));
                int objects = CatalogSnapshot.take(blog, CatalogScope.allSchemas()).size();
                rows.add(Row.of("Catalog snapshot of examples/blog (" + objects + " objects)", snap, "", null));
            } finally {
                drop(server, "bench_drift_blog");
            }
            try (Connection big = scratch(server, "bench_drift_big")) {
                long g0 = System.nanoTime();
                generate(big, tables);
                double generateMs = (System.nanoTime() - g0) / 1e6;
                CatalogSnapshot one = CatalogSnapshot.take(big, CatalogScope.allSchemas());
                List<Double> snap = time(warmup, runs, () -> CatalogSnapshot.take(big, CatalogScope.allSchemas()));
                rows.add(Row.of("Catalog snapshot of a generated " + tables + "-table schema (" + one.size()
                        + " objects)", snap, "≤ 1000 ms", s -> s.median() <= 1000));
                CatalogSnapshot two = CatalogSnapshot.take(big, CatalogScope.allSchemas());
                List<Double> diff = time(warmup, runs, () -> CatalogDiff.between(one, two));
                rows.add(Row.of("`CatalogDiff.between` of two such snapshots (equal)", diff, "", null));
                notes.add(String.format(Locale.ROOT, "Generated schema: %d tables (identity primary key, unique uuid,"
                        + " check, foreign key to the previous table, one index each), %d views and %d functions;"
                        + " built in %.0f ms.", tables, tables / 5, tables / 5, generateMs));
            } finally {
                drop(server, "bench_drift_big");
            }
            notes.add("Server: " + server.description() + ".");
        }

        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            long left = tmp.filter(p -> p.getFileName().toString().startsWith("fraise-drift-base-")).count();
            notes.add("Extracted bases left in the temporary directory after the run: " + left + ".");
        }
        notes.add(String.format(Locale.ROOT, "Total benchmark time %.0f s; load average (1/5/15 min) %s at the "
                + "start, %s at the end.", (System.nanoTime() - benchStart) / 1e9, loadBefore, loadAverage()));

        String report = render(project, base, runs, warmup);
        System.out.println();
        System.out.println(report);
        Files.createDirectories(output.getParent());
        Files.writeString(output, report, StandardCharsets.UTF_8);
        log("written to " + output);
    }

    /** A schema of {@code tables} tables, plus a view and a function every fifth table. */
    private static void generate(Connection c, int tables) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= tables; i++) {
            String t = String.format(Locale.ROOT, "tb_t%03d", i);
            sql.append("CREATE TABLE ").append(t).append(" (pk integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE, name text NOT NULL,"
                    + " amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),"
                    + " created_at timestamptz NOT NULL DEFAULT now()");
            if (i > 1) {
                sql.append(String.format(Locale.ROOT, ", fk_prev integer REFERENCES tb_t%03d (pk)", i - 1));
            }
            sql.append(");\n");
            sql.append("CREATE INDEX idx_").append(t).append("_name ON ").append(t).append(" (name);\n");
            if (i % 5 == 0) {
                sql.append(String.format(Locale.ROOT, "CREATE VIEW v_t%03d AS SELECT id, jsonb_build_object('id', id,"
                        + " 'name', name, 'amount', amount) AS data FROM %s;%n", i, t));
                sql.append(String.format(Locale.ROOT, "CREATE FUNCTION fn_t%03d(p_id uuid) RETURNS text LANGUAGE sql"
                        + " STABLE AS $$ SELECT name FROM %s WHERE id = p_id $$;%n", i, t));
            }
        }
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(sql.toString());
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private static List<Double> time(int warmup, int runs, Work work) throws Exception {
        List<Double> result = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long t0 = System.nanoTime();
            work.run();
            long t1 = System.nanoTime();
            if (i >= warmup) {
                result.add((t1 - t0) / 1e6);
            }
        }
        return result;
    }

    private static Connection scratch(PostgresServer server, String name) throws SQLException {
        try (Connection admin = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = admin.createStatement()) {
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

    private static ProjectConfig config(Path project) {
        return Fraise.loadConfig(FraiseSettings.forProject(project));
    }

    /** The parent of the commit that added the blog's first migration: the schema before any migration. */
    private static String baseOf(Path project) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "-C", project.toString(), "log", "--diff-filter=A", "--format=%H",
                "--", FIRST_MIGRATION).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0 || out.isEmpty()) {
            throw new IllegalStateException("cannot find the commit that added " + FIRST_MIGRATION + " (" + out
                    + "); pass --base=<git ref> (-Dbench.driftBase=...)");
        }
        List<String> commits = out.lines().toList();
        return commits.get(commits.size() - 1) + "^";
    }

    private Map<String, String> child(Path project, String base) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        System.getProperties().forEach((k, v) -> {
            String key = String.valueOf(k);
            if (key.startsWith("fraise.") || key.startsWith("org.slf4j.")) {
                command.add("-D" + key + "=" + v);
            }
        });
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DriftBenchmark.class.getName(),
                "--child=gate", "--project=" + project, "--base=" + base));
        long spawn = System.currentTimeMillis();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("gate child failed; its output:\n" + out);
        }
        String line = out.lines().filter(l -> l.startsWith(RESULT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("gate child printed no result:\n" + out));
        Map<String, String> values = new HashMap<>();
        for (String pair : line.substring(RESULT.length()).trim().split("\\s+")) {
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        values.put("spawn_ms", String.valueOf(Long.parseLong(values.get("done_epoch_ms")) - spawn));
        return values;
    }

    private String render(Path project, String base, int runs, int warmup) {
        StringBuilder md = new StringBuilder();
        md.append("## Drift gates: measured ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d CPUs, Java %s. Project %s, base git ref `%s`. %d measured"
                + " runs per row after %d warm-up runs; times in ms.%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), project.getFileName(), base, runs, warmup));
        md.append("| Measurement | n | median | min | max | p90 | target | met |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            FoundationBenchmark.Stats s = r.stats();
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s |%n", r.what(), s.n(),
                    fmt(s.median()), fmt(s.min()), fmt(s.max()), fmt(s.p90()), r.target(),
                    r.met() == null ? "" : r.met() ? "yes" : "**no**"));
        }
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }

    private static String fmt(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    private static double ms(String nanos) {
        return Long.parseLong(nanos) / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + key + "=...");
        }
        return value;
    }

    private static void log(String message) {
        System.out.println("[drift-bench] " + message);
        System.out.flush();
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private record Row(String what, FoundationBenchmark.Stats stats, String target, Boolean met) {
        static Row of(String what, List<Double> values, String target,
                      Predicate<FoundationBenchmark.Stats> check) {
            FoundationBenchmark.Stats stats = FoundationBenchmark.Stats.of(values);
            return new Row(what, stats, target, check == null ? null : check.test(stats));
        }
    }
}
