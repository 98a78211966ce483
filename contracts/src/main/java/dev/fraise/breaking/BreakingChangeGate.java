package dev.fraise.breaking;

import dev.fraise.build.SchemaPlan;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.contract.ContractChecker;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.TypeResult;
import dev.fraise.database.PoolOptions;
import dev.fraise.database.TemplatePool;
import dev.fraise.drift.BaseCheckout;
import dev.fraise.drift.DriftBase;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.graphql.GraphqlSchemaLoader;
import dev.fraise.inference.ShapeInference;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.shape.ViewShape;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The breaking-change gate: the GraphQL contract at a base (a git ref or a directory) against HEAD.
 *
 * <ul>
 *   <li>The SDL at the base against the SDL at HEAD: removed types, fields, arguments and enum values, fields
 *       that became nullable, new required arguments… classified breaking, dangerous or safe with
 *       graphql-inspector's rules.</li>
 *   <li>The views behind the GraphQL types, even when the SDL did not change: the base's and HEAD's schema files
 *       are built on disposable databases of the server, and the inferred {@code data} shape of every view a type
 *       is bound to at HEAD is compared: a key removed, a key that became nullable or may be absent, a key whose
 *       JSON kind changed.</li>
 * </ul>
 *
 * <pre>{@code
 * BreakingChangeReport report = BreakingChangeGate.compare(server, config, List.of("schema.graphql"),
 *         DriftBase.gitRef("origin/main"));
 * report.breaking().forEach(System.out::println);
 * }</pre>
 */
public final class BreakingChangeGate {

    private static final PoolOptions SINGLE = PoolOptions.DEFAULT.withPrefetch(0);

    private BreakingChangeGate() {
    }

    /** {@link #compare(PostgresServer, ProjectConfig, List, DriftBase, ContractOptions)} with default options. */
    public static BreakingChangeReport compare(PostgresServer server, ProjectConfig config,
            List<String> graphqlSchema, DriftBase base) {
        return compare(server, config, graphqlSchema, base, ContractOptions.DEFAULT);
    }

    /**
     * Compares the contract at {@code base} with HEAD.
     *
     * @param server        where the base's and HEAD's disposable databases are built
     * @param config        the project at HEAD (schema directories)
     * @param graphqlSchema the SDL files or globs (or one introspection {@code .json}), relative to the project
     *                      directory, at HEAD and at the base alike; a base without them has an empty schema
     * @param base          what HEAD is compared with
     * @param options       how types bind to views and fields to keys (naming, explicit bindings, schemas)
     * @return every change; {@link BreakingChangeReport#passed()} when none is breaking
     * @throws FraiseException {@code SDL_NOT_FOUND} or {@code SDL_PARSE_ERROR} for HEAD's schema,
     *                         {@code BREAKING_BASE_SDL_INVALID} for the base's, {@code DRIFT_BASE_UNAVAILABLE},
     *                         a {@code BUILD_*} code when either side's schema files do not build
     */
    public static BreakingChangeReport compare(PostgresServer server, ProjectConfig config,
            List<String> graphqlSchema, DriftBase base, ContractOptions options) {
        return compare(server, config, graphqlSchema, base, options, (checkout, connection) -> { });
    }

    /**
     * {@link #compare(PostgresServer, ProjectConfig, List, DriftBase, ContractOptions)}, running {@code alsoOnBase}
     * on the base's database once it is built, before it is dropped: another gate's work on the base (the
     * ratchet's contract check), so that the base is built once.
     */
    public static BreakingChangeReport compare(PostgresServer server, ProjectConfig config,
            List<String> graphqlSchema, DriftBase base, ContractOptions options,
            BiConsumer<BaseCheckout, Connection> alsoOnBase) {
        long start = System.nanoTime();
        GraphqlSchema head = GraphqlSchemaLoader.load(config.projectDir(), graphqlSchema);
        SchemaPlan headPlan = SchemaPlanner.plan(config, false);
        try (BaseCheckout checkout = BaseCheckout.open(config, base, sdlPaths(graphqlSchema))) {
            GraphqlSchema before = loadBase(checkout, graphqlSchema);
            List<SchemaChange> changes = new ArrayList<>(SdlDiff.between(before, head));
            Map<String, String> bindings = new LinkedHashMap<>();
            Map<String, ViewShape> headShapes = new LinkedHashMap<>();
            TemplatePool.create(server, headPlan, SINGLE, c -> {
                ContractReport report = ContractChecker.check(c, head, options);
                report.types().stream().filter(t -> t.status() == TypeResult.Status.CHECKED)
                        .forEach(t -> bindings.put(t.type(), t.view().orElseThrow()));
                headShapes.putAll(shapes(c, options, bindings));
            }).close();
            Map<String, ViewShape> baseShapes = new LinkedHashMap<>();
            checkout.buildDatabase(server, c -> {
                baseShapes.putAll(shapes(c, options, bindings));
                alsoOnBase.accept(checkout, c);
            });
            changes.addAll(ViewShapeDiff.between(head, options.naming(), bindings, baseShapes, headShapes));
            return new BreakingChangeReport(checkout.description(), changes,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The inferred shapes of the bound views that exist and have a {@code data} column. */
    private static Map<String, ViewShape> shapes(Connection connection, ContractOptions options,
            Map<String, String> bindings) {
        ShapeInference inference = ShapeInference.load(connection, options.inference());
        Map<String, ViewShape> shapes = new LinkedHashMap<>();
        for (String view : bindings.values()) {
            if (!shapes.containsKey(view) && inference.columns(view).map(c -> c.contains("data")).orElse(false)) {
                shapes.put(view, inference.infer(view));
            }
        }
        return shapes;
    }

    private static GraphqlSchema loadBase(BaseCheckout checkout, List<String> patterns) {
        try {
            return GraphqlSchemaLoader.load(checkout.projectDir(), patterns);
        } catch (FraiseException e) {
            if (e.code() == ErrorCode.SDL_NOT_FOUND) {
                return new GraphqlSchema(new TypeDefinitionRegistry(), List.of());
            }
            throw new FraiseException(ErrorCode.BREAKING_BASE_SDL_INVALID, "GraphQL schema at "
                    + checkout.description() + ": " + e.detail(), e.location().orElse(null), e);
        }
    }

    /** The paths to extract from the base: each file, or the fixed directory a glob starts with. */
    static List<Path> sdlPaths(List<String> patterns) {
        return BaseCheckout.patternRoots(patterns);
    }
}
