package dev.fraise.maven;

import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.FieldNaming;
import dev.fraise.inference.InferenceOptions;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** Parameters of the goals that read the GraphQL schema and bind its types to views: {@code check}, {@code diff}. */
abstract class AbstractContractMojo extends AbstractFraiseMojo {

    /**
     * The GraphQL schema: SDL files or globs ({@code schema/**}{@code /*.graphql}) relative to the project
     * directory, or one introspection {@code .json}. Comma-separated as a property.
     */
    @Parameter(property = "fraise.graphqlSchema", defaultValue = "schema.graphql")
    List<String> graphqlSchema;

    /**
     * What fails the build: {@code error} (default: contract errors, breaking changes) or {@code warning}
     * (contract warnings and dangerous changes too).
     */
    @Parameter(property = "fraise.failOn", defaultValue = "error")
    String failOn;

    /** Where the reports are written. */
    @Parameter(property = "fraise.reportDirectory", defaultValue = "${project.build.directory}/fraise")
    File reportDirectory;

    /**
     * How GraphQL field names map to JSON keys: {@code camel} (default; {@code postCount} reads
     * {@code post_count}) or {@code preserve}.
     */
    @Parameter(property = "fraise.naming", defaultValue = "camel")
    String naming;

    /** The database schemas searched for views, comma-separated, in order. */
    @Parameter(property = "fraise.schemas", defaultValue = "public")
    String schemas;

    /**
     * Explicit GraphQL type → view bindings ({@code <Post>v_post_full</Post>}); they override {@code @sqlSource}
     * and the default {@code v_<snake_case type>}.
     */
    @Parameter
    Map<String, String> typeSources;

    /** Whether warnings (dangerous changes) fail the build as well, from {@link #failOn}. */
    boolean failOnWarning() {
        return switch (failOn.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> false;
            case "warning" -> true;
            default -> throw invalidParameter("failOn", failOn, "error, warning");
        };
    }

    /** Naming, schemas and bindings as configured. */
    ContractOptions contractOptions() {
        ContractOptions options = ContractOptions.DEFAULT.withInference(new InferenceOptions(Arrays.stream(
                schemas.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(), Map.of()));
        options = switch (naming.trim().toLowerCase(Locale.ROOT)) {
            case "camel" -> options.withNaming(FieldNaming.CAMEL);
            case "preserve" -> options.withNaming(FieldNaming.PRESERVE);
            default -> throw invalidParameter("naming", naming, "camel, preserve");
        };
        if (typeSources != null) {
            for (Map.Entry<String, String> binding : typeSources.entrySet()) {
                options = options.withTypeSource(binding.getKey(), binding.getValue());
            }
        }
        return options;
    }
}
