package dev.fraise.contract;

import dev.fraise.inference.InferenceOptions;
import dev.fraise.source.SourceFinder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Options of {@link ContractChecker}.
 *
 * @param naming      how field names map to JSON keys
 * @param typeSources explicit GraphQL type → view bindings; they override {@code @sqlSource} and the default
 * @param scalarTypes custom scalar → the SQL types ({@code format_type} names) it accepts, whatever JSON kind
 *                    they become ({@code Decimal} → {@code numeric} accepts a JSON number); merged over the
 *                    defaults for {@code DateTime}, {@code Date}, {@code Time} and {@code UUID}
 * @param inference   schemas and {@code tv_} sources for shape inference
 * @param mode        static, or static plus sampled rows
 * @param sampleRows  rows read per view in sample mode
 * @param baseline    a baseline file of findings to suppress
 * @param lint        the naming lint: on or off, the severity of its findings, relations it skips
 * @param cqrs        mutation profile, context parameters and projection comparison
 * @param dataColumn  the JSON column of every binding that names none ({@code @sqlSource(jsonbColumn:)},
 *                    FraiseQL's {@code jsonb_column}): {@code data} by FraiseQL's convention
 * @param failOnUnchecked whether what nothing checked fails the check: {@code TYPE_NOT_CHECKED} and
 *                    {@code SHAPE_UNKNOWN} findings are then errors rather than warnings
 * @param sqlSources  the SQL files the database was built from, in build order: projection findings are located at
 *                    the {@code CREATE} of their {@code tv_} table or sync function in them (none: no location)
 */
public record ContractOptions(FieldNaming naming, Map<String, String> typeSources,
        Map<String, Set<String>> scalarTypes, InferenceOptions inference, CheckMode mode, int sampleRows,
        Optional<Path> baseline, LintOptions lint, CqrsOptions cqrs, String dataColumn, boolean failOnUnchecked,
        List<SourceFinder.Source> sqlSources) {

    /** FraiseQL's JSON column. */
    public static final String DATA = "data";

    /** Built-in scalars that are JSON strings, and the SQL types each accepts. */
    static final Map<String, Set<String>> DEFAULT_SCALARS = Map.of(
            "DateTime", Set.of("timestamp with time zone", "timestamp without time zone", "text",
                    "character varying"),
            "Date", Set.of("date", "text", "character varying"),
            "Time", Set.of("time without time zone", "time with time zone", "text", "character varying"),
            "UUID", Set.of("uuid", "text", "character varying"));

    /**
     * camelCase naming, no explicit bindings, default scalars, {@code public}, static, 100 rows, no baseline, lint
     * findings as warnings, v1 mutations.
     */
    public static final ContractOptions DEFAULT = new ContractOptions(FieldNaming.CAMEL, Map.of(), Map.of(),
            InferenceOptions.DEFAULT, CheckMode.STATIC, 100, Optional.empty(), LintOptions.DEFAULT,
            CqrsOptions.DEFAULT, DATA, false, List.of());

    public ContractOptions {
        Objects.requireNonNull(naming, "naming");
        typeSources = Map.copyOf(typeSources);
        scalarTypes = Map.copyOf(scalarTypes);
        Objects.requireNonNull(inference, "inference");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(lint, "lint");
        Objects.requireNonNull(cqrs, "cqrs");
        Objects.requireNonNull(dataColumn, "dataColumn");
        if (dataColumn.isBlank()) {
            throw new IllegalArgumentException("dataColumn must name a column");
        }
        if (sampleRows < 1) {
            throw new IllegalArgumentException("sampleRows must be positive");
        }
        sqlSources = List.copyOf(sqlSources);
    }

    /** These options with another naming. */
    public ContractOptions withNaming(FieldNaming value) {
        return new ContractOptions(value, typeSources, scalarTypes, inference, mode, sampleRows, baseline,
                lint, cqrs, dataColumn, failOnUnchecked, sqlSources);
    }

    /** These options with an explicit type → view binding. */
    public ContractOptions withTypeSource(String type, String view) {
        Map<String, String> sources = new HashMap<>(typeSources);
        sources.put(type, view);
        return new ContractOptions(naming, sources, scalarTypes, inference, mode, sampleRows, baseline,
                lint, cqrs, dataColumn, failOnUnchecked, sqlSources);
    }

    /** These options with the SQL types a custom scalar accepts. */
    public ContractOptions withScalar(String scalar, Set<String> sqlTypes) {
        Map<String, Set<String>> scalars = new HashMap<>(scalarTypes);
        scalars.put(scalar, Set.copyOf(sqlTypes));
        return new ContractOptions(naming, typeSources, scalars, inference, mode, sampleRows, baseline,
                lint, cqrs, dataColumn, failOnUnchecked, sqlSources);
    }

    /** These options with other inference options. */
    public ContractOptions withInference(InferenceOptions value) {
        return new ContractOptions(naming, typeSources, scalarTypes, value, mode, sampleRows, baseline,
                lint, cqrs, dataColumn, failOnUnchecked, sqlSources);
    }

    /** These options searching {@code schemas} for views and tables, in order. */
    public ContractOptions withSchemas(String... schemas) {
        return withInference(new InferenceOptions(List.of(schemas), inference.projectionSources()));
    }

    /** These options with {@code table} ({@code tv_x}) materialised from {@code view} rather than {@code v_x}. */
    public ContractOptions withProjectionSource(String table, String view) {
        return withInference(inference.withProjectionSource(table, view));
    }

    /** These options in sample mode, reading up to {@code rows} rows per view. */
    public ContractOptions sampling(int rows) {
        return new ContractOptions(naming, typeSources, scalarTypes, inference, CheckMode.SAMPLE, rows, baseline,
                lint, cqrs, dataColumn, failOnUnchecked, sqlSources);
    }

    /** These options with a baseline file. */
    public ContractOptions withBaseline(Path file) {
        return new ContractOptions(naming, typeSources, scalarTypes, inference, mode, sampleRows, Optional.of(file),
                lint, cqrs, dataColumn, failOnUnchecked, sqlSources);
    }

    /** These options with naming-lint findings at {@code severity} ({@code ERROR} makes them fail the check). */
    public ContractOptions withLintSeverity(Severity severity) {
        return withLint(new LintOptions(true, severity, lint.excluded()));
    }

    /** These options without the naming lint. */
    public ContractOptions withoutLint() {
        return withLint(new LintOptions(false, lint.severity(), lint.excluded()));
    }

    /** These options with the lint skipping {@code relation} too, e.g. a custom migrations tracking table. */
    public ContractOptions withLintExcluded(String relation) {
        Set<String> excluded = new HashSet<>(lint.excluded());
        excluded.add(relation);
        return withLint(new LintOptions(lint.enabled(), lint.severity(), excluded));
    }

    /** These options with other lint options. */
    public ContractOptions withLint(LintOptions value) {
        return new ContractOptions(naming, typeSources, scalarTypes, inference, mode, sampleRows, baseline, value,
                cqrs, dataColumn, failOnUnchecked, sqlSources);
    }

    /** These options with another mutation profile (v1 by default). */
    public ContractOptions withMutationProfile(MutationProfile profile) {
        return withCqrs(new CqrsOptions(profile, cqrs.contextParams(), cqrs.syncProjections(),
                cqrs.sampleMutations()));
    }

    /** These options with the context parameters every mutation function takes, by name, in order. */
    public ContractOptions withContextParams(String... names) {
        return withCqrs(new CqrsOptions(cqrs.mutationProfile(), List.of(names), cqrs.syncProjections(),
                cqrs.sampleMutations()));
    }

    /**
     * These options syncing and comparing every {@code tv_} table with its source view even when neither has rows
     * (without this, whenever one has rows, and in sample mode).
     */
    public ContractOptions withProjectionSync() {
        return withCqrs(new CqrsOptions(cqrs.mutationProfile(), cqrs.contextParams(), true,
                cqrs.sampleMutations()));
    }

    /**
     * These options not calling mutation functions in sample mode (by default, each is called once with a
     * generated input, in a transaction that is rolled back, and the entity it returns is checked).
     */
    public ContractOptions withoutMutationSamples() {
        return withCqrs(new CqrsOptions(cqrs.mutationProfile(), cqrs.contextParams(), cqrs.syncProjections(),
                false));
    }

    /** These options with other CQRS options. */
    public ContractOptions withCqrs(CqrsOptions value) {
        return new ContractOptions(naming, typeSources, scalarTypes, inference, mode, sampleRows, baseline, lint,
                value, dataColumn, failOnUnchecked, sqlSources);
    }

    /** These options reading {@code column} instead of {@code data} wherever a binding names no column. */
    public ContractOptions withDataColumn(String column) {
        return new ContractOptions(naming, typeSources, scalarTypes, inference, mode, sampleRows, baseline, lint, cqrs,
                column, failOnUnchecked, sqlSources);
    }

    /**
     * These options failing on what nothing checked: {@code TYPE_NOT_CHECKED} (an object type no view, parent or
     * mutation return checks), {@code SHAPE_UNKNOWN} (a field whose shape cannot be inferred) and
     * {@code TV_SOURCE_MISSING} (a {@code tv_} table with no source view) become errors.
     */
    public ContractOptions withFailOnUnchecked() {
        return new ContractOptions(naming, typeSources, scalarTypes, inference, mode, sampleRows, baseline, lint, cqrs,
                dataColumn, true, sqlSources);
    }

    /**
     * These options locating projection findings in {@code sources}: the SQL files the database was built from
     * (the schema files of a {@code SchemaPlan}: {@code new SourceFinder.Source(file.path(), file.displayPath())}).
     */
    public ContractOptions withSqlSources(List<SourceFinder.Source> sources) {
        return new ContractOptions(naming, typeSources, scalarTypes, inference, mode, sampleRows, baseline, lint, cqrs,
                dataColumn, failOnUnchecked, sources);
    }

    /** The SQL types a string scalar accepts, if it is a known or configured one. */
    Optional<Set<String>> acceptedSqlTypes(String scalar) {
        return Optional.ofNullable(scalarTypes.getOrDefault(scalar, DEFAULT_SCALARS.get(scalar)));
    }
}
