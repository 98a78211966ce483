package dev.fraise.maven;

import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.CqrsOptions;
import dev.fraise.contract.FieldNaming;
import dev.fraise.contract.LintOptions;
import dev.fraise.contract.MutationProfile;
import dev.fraise.contract.Severity;
import dev.fraise.inference.InferenceOptions;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Parameters of the goals that read the GraphQL schema and bind its types to views: {@code check}, {@code diff}.
 * Every option of the contract checker is one parameter with a {@code fraise.<name>} user property; an explicit
 * POM {@code <configuration>} value wins over the property, as Maven decides for every parameter.
 */
abstract class AbstractContractMojo extends AbstractFraiseMojo {

    /** A SQL identifier as the context parameters and relations are named. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    /**
     * The GraphQL schema, relative to the project directory: SDL files or globs ({@code schema/**}{@code /*.graphql}),
     * one introspection {@code .json}, or FraiseQL v2 schema files: {@code schema.json}, several merged
     * ({@code schema/*}{@code /types.json}) or {@code schema.compiled.json}. A {@code .json} file is recognised by its
     * content. Comma-separated as a property.
     */
    @Parameter(property = "fraise.graphqlSchema", defaultValue = "schema.graphql")
    List<String> graphqlSchema;

    /**
     * What fails the build: {@code error} (default: contract errors, breaking changes), {@code warning} (contract
     * warnings and dangerous changes too) or {@code new} (for pull requests: the contract errors the base branch
     * does not have; {@code check} then also checks the base, {@code baseRef} or {@code baseDir}, and lists the
     * errors it already had as existing and those it had and HEAD does not as fixed; for {@code diff}, which
     * compares with the base anyway, {@code new} is {@code error}).
     */
    @Parameter(property = "fraise.failOn", defaultValue = "error")
    String failOn;

    /** Where the reports are written. */
    @Parameter(property = "fraise.reportDirectory", defaultValue = "${project.build.directory}/fraise")
    File reportDirectory;

    /**
     * How GraphQL field names map to JSON keys: {@code camel} (default; {@code postCount} reads
     * {@code post_count}, or {@code postCount}), {@code snake_case} (the same, named after the keys) or
     * {@code preserve} ({@code postCount} reads only {@code postCount}).
     */
    @Parameter(property = "fraise.naming", defaultValue = "camel")
    String naming;

    /** The database schemas searched for views, comma-separated, in order. */
    @Parameter(property = "fraise.schemas", defaultValue = "public")
    String schemas;

    /**
     * Explicit GraphQL type → view bindings ({@code <Post>v_post_full</Post>}); they override {@code @sqlSource}
     * and the default {@code v_<snake_case type>}. As the user property {@code fraise.typeSources}:
     * {@code Post=v_post_full;User=v_user}.
     */
    @Parameter
    Map<String, String> typeSources;

    /**
     * Custom scalar → the SQL types ({@code format_type} names, comma-separated) it accepts, whatever JSON they
     * become: {@code <Decimal>numeric</Decimal>}, {@code <Email>text, character varying</Email>}. A scalar without
     * a mapping accepts JSON strings, with a {@code SCALAR_UNMAPPED} warning. As the user property
     * {@code fraise.scalarTypes}: {@code Decimal=numeric;Email=text,character varying}.
     */
    @Parameter
    Map<String, String> scalarTypes;

    /**
     * The calling convention and {@code mutation_response} the mutation functions follow: {@code v1} (context
     * parameters, then one {@code jsonb} input; 8 columns), {@code v2} (flattened input fields or one jsonb payload,
     * then the context parameters; 13 columns) or {@code auto} (default: {@code v2} for FraiseQL v2 schema files,
     * {@code v1} for SDL).
     */
    @Parameter(property = "fraise.mutationProfile", defaultValue = "auto")
    String mutationProfile;

    /**
     * The JSON column read from every bound view that names none ({@code @sqlSource(jsonbColumn:)}, FraiseQL's
     * {@code jsonb_column}): {@code data} by default.
     */
    @Parameter(property = "fraise.dataColumn", defaultValue = "data")
    String dataColumn;

    /**
     * The context parameters every mutation function takes (tenant, user, …), by name, in order (comma-separated
     * as a property): first in {@code v1}, last in {@code v2}.
     */
    @Parameter(property = "fraise.contextParams")
    List<String> contextParams;

    /** Whether the naming lint runs: {@code true} (default) or {@code false}. */
    @Parameter(property = "fraise.lint", defaultValue = "true")
    String lint;

    /**
     * The severity of the naming lint's findings ({@code LINT_*}): {@code warning} (default) or {@code error}
     * (they fail the check).
     */
    @Parameter(property = "fraise.lintSeverity", defaultValue = "warning")
    String lintSeverity;

    /**
     * Relations the naming lint skips ({@code tb_legacy}, or {@code schema.tb_x} outside {@code public}),
     * comma-separated as a property; Confiture's {@code tb_confiture} is always skipped.
     */
    @Parameter(property = "fraise.lintExclude")
    List<String> lintExclude;

    /**
     * Whether every {@code tv_} table is synced (rolled back) and compared with its source view even when neither
     * has rows: {@code false} (default: whenever one has rows, e.g. with {@code seeds}, and with {@code sample}) or
     * {@code true}.
     */
    @Parameter(property = "fraise.projectionSync", defaultValue = "false")
    String projectionSync;

    /**
     * Whether sample mode calls every mutation function once with a generated valid input, in a transaction that is
     * always rolled back, and checks the entity it returns: {@code true} (default) or {@code false}.
     */
    @Parameter(property = "fraise.sampleMutations", defaultValue = "true")
    String sampleMutations;

    /**
     * Whether what nothing checked fails the check ({@code check}): {@code false} (default: reported as warnings) or
     * {@code true}, which makes {@code TYPE_NOT_CHECKED} (an object type no view, parent or mutation return checks)
     * {@code SHAPE_UNKNOWN} (a field whose shape cannot be inferred) and {@code TV_SOURCE_MISSING} (a {@code tv_}
     * table with no source view to compare with) errors. Suppress an accepted gap with
     * {@code @fraiseIgnore(codes: [TYPE_NOT_CHECKED], reason: ...)} or the baseline.
     */
    @Parameter(property = "fraise.failOnUnchecked", defaultValue = "false")
    String failOnUnchecked;

    /**
     * Explicit {@code tv_} table → source view ({@code <tv_catalog>v_product</tv_catalog>}); without an entry
     * {@code tv_x} is materialised from {@code v_x}. As the user property {@code fraise.projectionSources}:
     * {@code tv_catalog=v_product;tv_feed=v_post}.
     */
    @Parameter
    Map<String, String> projectionSources;

    /** What fails the build: {@link #failOn} parsed. */
    FailOn failOnMode() {
        return switch (failOn.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> FailOn.ERROR;
            case "warning" -> FailOn.WARNING;
            case "new" -> FailOn.NEW;
            default -> throw invalidParameter("failOn", failOn, "error, warning, new");
        };
    }

    /** Whether warnings (dangerous changes) fail the build as well, from {@link #failOn}. */
    boolean failOnWarning() {
        return failOnMode() == FailOn.WARNING;
    }

    /** The values of {@link #failOn}. */
    enum FailOn {
        /** Errors fail the build. */
        ERROR,
        /** Errors and warnings fail the build. */
        WARNING,
        /** Errors the base does not have fail the build. */
        NEW
    }

    /** Every contract option as configured. */
    ContractOptions contractOptions() {
        InferenceOptions inference = new InferenceOptions(Arrays.stream(schemas.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList(), Map.of());
        for (Map.Entry<String, String> source : map("projectionSources", projectionSources).entrySet()) {
            inference = inference.withProjectionSource(name("projectionSources", source.getKey(), source.getKey()),
                    name("projectionSources", source.getValue(), source.getValue()));
        }
        ContractOptions options = ContractOptions.DEFAULT.withInference(inference);
        options = options.withNaming(switch (naming.trim().toLowerCase(Locale.ROOT)) {
            case "camel", "snake_case" -> FieldNaming.CAMEL;
            case "preserve" -> FieldNaming.PRESERVE;
            default -> throw invalidParameter("naming", naming, "camel, snake_case, preserve");
        });
        for (Map.Entry<String, String> binding : map("typeSources", typeSources).entrySet()) {
            options = options.withTypeSource(binding.getKey(), binding.getValue());
        }
        for (Map.Entry<String, String> scalar : map("scalarTypes", scalarTypes).entrySet()) {
            List<String> types = items("scalarTypes", List.of(scalar.getValue()));
            if (types.isEmpty()) {
                throw invalidParameter("scalarTypes", scalar.getKey() + "=" + scalar.getValue(),
                        "scalar=SQL type names, comma-separated");
            }
            options = options.withScalar(scalar.getKey(), new LinkedHashSet<>(types));
        }
        options = options.withDataColumn(name("dataColumn", dataColumn.trim(), dataColumn));
        options = options.withLint(lintOptions()).withCqrs(cqrsOptions());
        return bool("failOnUnchecked", failOnUnchecked) ? options.withFailOnUnchecked() : options;
    }

    private LintOptions lintOptions() {
        Severity severity = switch (lintSeverity.trim().toLowerCase(Locale.ROOT)) {
            case "warning" -> Severity.WARNING;
            case "error" -> Severity.ERROR;
            default -> throw invalidParameter("lintSeverity", lintSeverity, "warning, error");
        };
        Set<String> excluded = new HashSet<>(LintOptions.DEFAULT.excluded());
        for (String relation : items("lintExclude", lintExclude)) {
            excluded.add(name("lintExclude", relation, relation));
        }
        return new LintOptions(bool("lint", lint), severity, excluded);
    }

    private CqrsOptions cqrsOptions() {
        MutationProfile profile = switch (mutationProfile.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> MutationProfile.AUTO;
            case "v1" -> MutationProfile.V1;
            case "v2" -> MutationProfile.V2;
            default -> throw invalidParameter("mutationProfile", mutationProfile, "auto, v1, v2");
        };
        List<String> context = items("contextParams", contextParams);
        for (String param : context) {
            name("contextParams", param, String.join(",", context));
        }
        if (new HashSet<>(context).size() < context.size()) {
            throw invalidParameter("contextParams", String.join(",", context), "distinct parameter names");
        }
        return new CqrsOptions(profile, context, bool("projectionSync", projectionSync),
                bool("sampleMutations", sampleMutations));
    }

    /** The trimmed, comma-split items of a list parameter; none when it is blank, an error when one item is. */
    private static List<String> items(String parameter, List<String> values) {
        List<String> items = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            Arrays.stream(value.split(",", -1)).map(String::trim).forEach(items::add);
        }
        if (items.stream().allMatch(String::isEmpty)) {
            return List.of();
        }
        if (items.contains("")) {
            throw invalidParameter(parameter, String.join(",", values), "a comma-separated list without empty items");
        }
        return items;
    }

    /** {@code value} when it is a SQL name ({@code name} or {@code schema.name}), else the parameter's error. */
    private static String name(String parameter, String value, String shown) {
        if (!NAME.matcher(value).matches()) {
            throw invalidParameter(parameter, shown, "SQL names (letters, digits, _; optionally schema-qualified)");
        }
        return value;
    }

    private static boolean bool(String parameter, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalidParameter(parameter, value, "true, false");
        };
    }

    /**
     * A map parameter: the POM's when configured, else the user property {@code fraise.<name>} as
     * {@code key=value;key=value} (a value may hold commas), else empty.
     */
    Map<String, String> map(String parameter, Map<String, String> configured) {
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        String property = userProperties().getProperty("fraise." + parameter);
        Map<String, String> entries = new LinkedHashMap<>();
        if (property == null || property.isBlank()) {
            return entries;
        }
        for (String entry : property.split(";")) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? "" : entry.substring(0, eq).trim();
            String value = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (key.isEmpty() || value.isEmpty() || entries.put(key, value) != null) {
                throw invalidParameter(parameter, property, "key=value entries separated by ';', each key once");
            }
        }
        return entries;
    }
}
