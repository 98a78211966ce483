package dev.fraise.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.error.SourceLocation;
import dev.fraise.inference.InferenceOptions;
import dev.fraise.source.SourceFinder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One case of the contract corpus: a directory with {@code schema.sql} (run after the corpus's shared
 * {@code tables.sql}), {@code schema.graphql}, {@code expected.txt} and optionally {@code options.properties}
 * and {@code bug.txt}.
 *
 * <p>{@code expected.txt} lists every finding the check must report, one {@code SEVERITY CODE path jsonPath}
 * line each ({@code -} for an empty path, a trailing {@code suppressed} for a suppressed finding), in any order;
 * indented lines below a finding assert more of it ({@code sdl: schema.graphql:4:3}, {@code view: tv_user},
 * {@code provenance: <substring>}, {@code message: <substring>}, {@code suppressed: <substring of the reason>}).
 * {@code TYPE <name> <status> [view,view…]} lines assert the status of those types and every view they were
 * checked against. Several findings with the same key are told apart by their {@code view:} detail. An empty file
 * means no finding.
 * The check knows {@code schema.sql} as the SQL file the database was built from, so projection findings are
 * located in it ({@code sdl: schema.sql:10}, its own line numbers).
 *
 * <p>{@code options.properties}: {@code naming} ({@code CAMEL}, {@code PRESERVE}), {@code source.<Type>=<view>},
 * {@code projection.<tv_table>=<view>}, {@code scalar.<Name>=<sql type>,<sql type>}, {@code baseline=<file>},
 * {@code sample=<rows>}, {@code mutationProfile=V1|V2}, {@code contextParams=<name>,<name>},
 * {@code projectionSync=true}, {@code schemas=<schema>,<schema>} (the checked schemas, in search order),
 * {@code lint=true} (the naming lint, off otherwise, with warnings), {@code lintExcluded=<relation>,<relation>},
 * {@code dataColumn=<column>}, {@code failOnUnchecked=true}, {@code schema=<file or glob>,…} (default: the first of {@code schema.graphql},
 * {@code schema.json}, {@code schema.compiled.json} that exists), {@code sqlFrom=<case>} (that case's
 * {@code schema.sql} instead of one of its own, for a drift planted in the GraphQL schema alone).
 */
record CorpusCase(String name, Path dir, String sql, ContractOptions options, List<String> schemaFiles,
        List<Expected> findings, List<String> types, Optional<String> knownBug) {

    /** The schema files a case may have, the first present being checked unless {@code schema=} names others. */
    private static final List<String> SCHEMA_FILES = List.of("schema.graphql", "schema.json", "schema.compiled.json");

    /** One expected finding and the details asserted on it. */
    record Expected(String key, List<String> details) {
    }

    static CorpusCase load(Path dir) throws IOException {
        String sql = Files.readString(dir.getParent().resolve("tables.sql"), StandardCharsets.UTF_8) + "\n"
                + Files.readString(sqlDir(dir).resolve("schema.sql"), StandardCharsets.UTF_8);
        List<Expected> findings = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                findings.get(findings.size() - 1).details().add(line.strip());
            } else if (line.startsWith("TYPE ")) {
                types.add(line.substring(5).strip());
            } else {
                findings.add(new Expected(line.strip(), new ArrayList<>()));
            }
        }
        Path bug = dir.resolve("bug.txt");
        Optional<String> knownBug = Files.exists(bug)
                ? Optional.of(Files.readString(bug, StandardCharsets.UTF_8).strip()) : Optional.empty();
        ContractOptions options = options(dir).withSqlSources(List.of(new SourceFinder.Source(
                sqlDir(dir).resolve("schema.sql"), Path.of("schema.sql"))));
        return new CorpusCase(dir.getFileName().toString(), dir, sql, options, schemaFiles(dir), findings, types,
                knownBug);
    }

    /** The case whose {@code schema.sql} this one reuses ({@code sqlFrom=<case>}): a drift planted in the schema only. */
    private static Path sqlDir(Path dir) throws IOException {
        Path file = dir.resolve("options.properties");
        if (!Files.exists(file)) {
            return dir;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.containsKey("sqlFrom") ? dir.resolveSibling(properties.getProperty("sqlFrom").strip()) : dir;
    }

    private static List<String> schemaFiles(Path dir) throws IOException {
        Path file = dir.resolve("options.properties");
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            if (properties.containsKey("schema")) {
                return Arrays.stream(properties.getProperty("schema").split(",")).map(String::strip).toList();
            }
        }
        return List.of(SCHEMA_FILES.stream().filter(f -> Files.exists(dir.resolve(f))).findFirst()
                .orElseThrow(() -> new IOException(dir + " has none of " + SCHEMA_FILES)));
    }

    private static ContractOptions options(Path dir) throws IOException {
        Path file = dir.resolve("options.properties");
        ContractOptions options = ContractOptions.DEFAULT.withoutLint();
        if (!Files.exists(file)) {
            return options;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        InferenceOptions inference = InferenceOptions.DEFAULT;
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            String value = properties.getProperty(key).strip();
            if (key.equals("naming")) {
                options = options.withNaming(FieldNaming.valueOf(value));
            } else if (key.startsWith("source.")) {
                options = options.withTypeSource(key.substring(7), value);
            } else if (key.startsWith("projection.")) {
                inference = inference.withProjectionSource(key.substring(11), value);
            } else if (key.startsWith("scalar.")) {
                options = options.withScalar(key.substring(7), Arrays.stream(value.split(",")).map(String::strip)
                        .collect(Collectors.toSet()));
            } else if (key.equals("baseline")) {
                options = options.withBaseline(dir.resolve(value));
            } else if (key.equals("sample")) {
                options = options.sampling(Integer.parseInt(value));
            } else if (key.equals("mutationProfile")) {
                options = options.withMutationProfile(MutationProfile.valueOf(value));
            } else if (key.equals("contextParams")) {
                options = options.withContextParams(Arrays.stream(value.split(",")).map(String::strip)
                        .toArray(String[]::new));
            } else if (key.equals("schemas")) {
                inference = new InferenceOptions(Arrays.stream(value.split(",")).map(String::strip).toList(),
                        inference.projectionSources());
            } else if (key.equals("lint") && value.equals("true")) {
                options = options.withLintSeverity(Severity.WARNING);
            } else if (key.equals("lintExcluded")) {
                for (String relation : value.split(",")) {
                    options = options.withLintExcluded(relation.strip());
                }
            } else if (key.equals("projectionSync") && value.equals("true")) {
                options = options.withProjectionSync();
            } else if (key.equals("failOnUnchecked") && value.equals("true")) {
                options = options.withFailOnUnchecked();
            } else if (key.equals("dataColumn")) {
                options = options.withDataColumn(value);
            } else if (key.equals("schema") || key.equals("sqlFrom")) {
                continue;
            } else {
                throw new IllegalArgumentException(file + ": unknown option " + key);
            }
        }
        return options.withInference(inference);
    }

    /** Asserts that the report has exactly the expected findings, their details and the listed type statuses. */
    void verify(ContractReport report) {
        String all = report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n"));
        assertEquals(findings.stream().map(Expected::key).sorted().collect(Collectors.joining("\n")),
                report.findings().stream().map(CorpusCase::key).sorted().collect(Collectors.joining("\n")),
                name + ": findings differ; the report:\n" + all);
        for (Expected expected : findings) {
            Optional<String> view = expected.details().stream().filter(d -> d.startsWith("view:"))
                    .map(d -> d.substring(5).strip()).findFirst();
            Finding finding = report.findings().stream().filter(f -> key(f).equals(expected.key()))
                    .filter(f -> view.map(f.view()::equals).orElse(true)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no " + expected.key() + " of view " + view
                            .orElse("?") + " in\n" + all));
            for (String detail : expected.details()) {
                assertDetail(finding, detail);
            }
        }
        for (String type : types) {
            String typeName = type.split(" ")[0];
            TypeResult result = report.types().stream().filter(t -> t.type().equals(typeName)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no result for type " + typeName));
            assertEquals(type, (typeName + " " + result.status() + " " + (result.sources().isEmpty()
                    ? result.view().orElse("") : String.join(",", result.views()))).strip(),
                    name + ": status of " + typeName + " (" + result.reason() + ")");
        }
        boolean errors = findings.stream().anyMatch(e -> e.key().startsWith("ERROR ") && !e.key().endsWith(" suppressed"));
        assertEquals(!errors, report.passed(), name + ": passed()");
    }

    private void assertDetail(Finding finding, String detail) {
        int colon = detail.indexOf(':');
        String what = detail.substring(0, colon);
        String value = detail.substring(colon + 1).strip();
        String actual = switch (what) {
            case "sdl" -> finding.sdlLocation().map(SourceLocation::toString).orElse("");
            case "view" -> finding.view();
            case "provenance" -> finding.provenance();
            case "message" -> finding.message();
            case "suppressed" -> finding.suppressed().orElse("");
            case "field" -> finding.field().orElse("");
            case "type" -> finding.graphqlType();
            default -> throw new IllegalArgumentException(name + ": unknown detail " + detail);
        };
        if (Set.of("sdl", "view", "field", "type").contains(what)) {
            assertEquals(value, actual, name + ": " + what + " of " + finding);
        } else {
            assertTrue(actual.contains(value), name + ": " + what + " of " + finding + " should contain '" + value
                    + "'");
        }
    }

    /** {@code SEVERITY CODE path jsonPath}, {@code -} for empty parts, {@code suppressed} when suppressed. */
    static String key(Finding finding) {
        return finding.severity() + " " + finding.code() + " " + dash(finding.path()) + " " + dash(finding.jsonPath())
                + (finding.active() ? "" : " suppressed");
    }

    private static String dash(String value) {
        return value.isEmpty() ? "-" : value;
    }
}
