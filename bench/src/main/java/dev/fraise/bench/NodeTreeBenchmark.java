package dev.fraise.bench;

import dev.fraise.bench.FoundationBenchmark.Stats;
import dev.fraise.inference.ShapeInference;
import dev.fraise.nodetree.NodeTreeParser;
import dev.fraise.nodetree.PgNode;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The node-tree reader benchmark: builds the generated schema of {@link InferenceSchema} (default 1000 views), reads
 * every view's {@code pg_rewrite.ev_action} and every CHECK constraint's {@code conbin} as text once, proves that
 * {@link NodeTreeParser} and the pre-rewrite {@link ReferenceNodeTreeParser} build equal trees from all of them,
 * then times both readers over all trees in alternating order (the first one swapped every round) and reports
 * medians and their ratio, measured in one run. {@code ShapeInference.load} is timed in the same rounds to show
 * the reader's share of it.
 *
 * <p>Run with {@code mvn -Pbench -pl bench -am verify -DskipTests} (the other benchmarks skipped with their
 * {@code -Dbench.*.skip=true}). Options:
 * {@code --views=1000}, {@code --runs=15}, {@code --warmup=5}, {@code --seed=20261122}.
 */
public final class NodeTreeBenchmark {

    private static final ServerSettings EMBEDDED =
            new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty());
    private static final double TARGET_RATIO = 2.0;
    private static final String TREES = "SELECT r.ev_action::text FROM pg_rewrite r JOIN pg_class c ON c.oid = "
            + "r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' UNION ALL SELECT "
            + "k.conbin::text FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname = "
            + "'public' AND k.contype = 'c'";

    private NodeTreeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1),
                        (a, b) -> b));
        Path output = Path.of(options.getOrDefault("output", "target/node-tree.md")).toAbsolutePath().normalize();
        int views = Integer.parseInt(options.getOrDefault("views", "1000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "15"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20261122"));
        String loadBefore = FoundationBenchmark.loadAverage();
        String database = "bench_node_tree_" + ProcessHandle.current().pid();
        String report;
        try (PostgresServer server = PostgresServers.start(EMBEDDED)) {
            execute(server, server.maintenanceDatabase(), List.of("CREATE DATABASE " + database
                    + " TEMPLATE template0"));
            try {
                execute(server, database, InferenceSchema.generate(views, seed).statements());
                List<String> trees = trees(server, database);
                long characters = trees.stream().mapToLong(String::length).sum();
                int nodes = proveEqualTrees(trees);
                List<Double> current = new ArrayList<>();
                List<Double> reference = new ArrayList<>();
                List<Double> load = new ArrayList<>();
                try (Connection connection = server.dataSource(database).getConnection()) {
                    for (int round = 0; round < warmup + runs; round++) {
                        boolean measured = round >= warmup;
                        if (round % 2 == 0) {
                            time(trees, NodeTreeParser::parseNodes, measured ? current : null);
                            time(trees, ReferenceNodeTreeParser::parseNodes, measured ? reference : null);
                        } else {
                            time(trees, ReferenceNodeTreeParser::parseNodes, measured ? reference : null);
                            time(trees, NodeTreeParser::parseNodes, measured ? current : null);
                        }
                        long t0 = System.nanoTime();
                        ShapeInference.load(connection);
                        if (measured) {
                            load.add((System.nanoTime() - t0) / 1e6);
                        }
                    }
                }
                report = render(new Result(views, seed, trees.size(), nodes, characters, runs, warmup,
                        Stats.of(reference), Stats.of(current), Stats.of(load)), loadBefore);
            } finally {
                execute(server, server.maintenanceDatabase(), List.of("DROP DATABASE IF EXISTS " + database
                        + " WITH (FORCE)"));
            }
        }
        System.out.println();
        System.out.println(report);
        Files.createDirectories(output.getParent());
        Files.writeString(output, report, StandardCharsets.UTF_8);
        System.err.println("[bench] written to " + output);
    }

    /** One run's figures. */
    private record Result(int views, long seed, int trees, int nodes, long characters, int runs, int warmup,
                          Stats reference, Stats current, Stats load) {
    }

    private static int proveEqualTrees(List<String> trees) {
        int nodes = 0;
        for (String tree : trees) {
            List<PgNode> expected = ReferenceNodeTreeParser.parseNodes(tree);
            List<PgNode> actual = NodeTreeParser.parseNodes(tree);
            if (!expected.equals(actual)) {
                throw new IllegalStateException("the readers disagree on a tree starting with "
                        + tree.substring(0, Math.min(200, tree.length())));
            }
            nodes += expected.size();
        }
        return nodes;
    }

    private static void time(List<String> trees, Function<String, List<PgNode>> reader, List<Double> into) {
        long t0 = System.nanoTime();
        int sink = 0;
        for (String tree : trees) {
            sink += reader.apply(tree).size();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (sink < 0) {
            throw new IllegalStateException("unreachable");
        }
        if (into != null) {
            into.add(ms);
        }
    }

    private static String render(Result r, String loadBefore) {
        double ratio = r.reference().median() / r.current().median();
        StringBuilder md = new StringBuilder();
        md.append("### Node-tree reader (").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .withLocale(Locale.ROOT)).replaceAll("\\.\\d+", "")).append(")\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d CPUs, Java %s. Load average %s at the start, %s at the "
                + "end. Generated schema of %d views (seed %d): %d node trees (`ev_action` and CHECK `conbin`), "
                + "%.1f MB of text. Both readers built equal trees from all of them. %d warm-up and %d measured "
                + "rounds; each round reads every tree with both readers (order swapped every round) and runs "
                + "`ShapeInference.load` once. Medians in ms, min–max in brackets.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore,
                FoundationBenchmark.loadAverage(), r.views(), r.seed(), r.trees(), r.characters() / 1e6, r.warmup(),
                r.runs()));
        md.append("| what | median | min–max | target | met |\n|---|---:|---:|---|---|\n");
        md.append(row("reference reader (before), all trees", r.reference(), "", ""));
        md.append(row("`NodeTreeParser`, all trees", r.current(), "", ""));
        md.append(String.format(Locale.ROOT, "| speed-up (reference / current, medians) | **%.2f×** | | ≥ %.0f× | %s |%n",
                ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "yes" : "**no**"));
        md.append(row("`ShapeInference.load` (catalog queries + reading the trees)", r.load(), "", ""));
        md.append(String.format(Locale.ROOT, "%nThe current reader is %.0f %% of `load`'s median.%n",
                100 * r.current().median() / r.load().median()));
        return md.toString();
    }

    private static String row(String what, Stats s, String target, String met) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f–%.1f | %s | %s |%n", what, s.median(), s.min(), s.max(),
                target, met);
    }

    private static List<String> trees(PostgresServer server, String database) throws SQLException {
        List<String> trees = new ArrayList<>();
        try (Connection c = server.dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(TREES)) {
            while (rs.next()) {
                trees.add(rs.getString(1));
            }
        }
        return trees;
    }

    private static void execute(PostgresServer server, String database, List<String> statements)
            throws SQLException {
        try (Connection c = server.dataSource(database).getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
