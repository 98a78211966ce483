package dev.fraise.junit;

import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.FieldNaming;
import dev.fraise.contract.MutationProfile;
import dev.fraise.contract.Severity;
import dev.fraise.database.Database;
import dev.fraise.error.FraiseException;
import dev.fraise.source.SourceFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * The contract check as JUnit dynamic tests: one per GraphQL type and one per Query field, so that IDEs and
 * Surefire show each passing or failing with its findings.
 *
 * <pre>{@code
 * @FraiseDatabase(seeds = true)
 * class ContractsTest {
 *     @FraiseInject static Database db;
 *
 *     @TestFactory
 *     Stream<DynamicNode> contracts() {
 *         return FraiseContracts.of(db).schema("schema.graphql").dynamicTests();
 *     }
 * }
 * }</pre>
 *
 * {@link #dynamicTests()} returns five containers. {@code types} holds a test per GraphQL type: it fails with an
 * {@link org.opentest4j.AssertionFailedError} listing the type's active error findings, one per line (code, path,
 * SDL location, view and JSON path, message, provenance), passes when there are none, and is aborted (skipped)
 * with the reason when the type is not checked (root, input, enum, interface, no source), unless it is a gap and
 * {@link #withFailOnUnchecked()} makes its {@code TYPE_NOT_CHECKED} an error. {@code queries} holds a
 * test per Query field: it fails when its {@code @sqlSource} view does not exist or its return type has errors,
 * and is aborted when nothing checks what it reads. {@code mutations} holds a test per Mutation field, failing
 * with its function's findings ({@code MUTATION_*}); {@code projections} a test per {@code tv_} table, failing
 * with its {@code TV_*} findings and aborted when its rows were not compared (static mode without
 * {@link #withProjectionSync()}); {@code lint} a test per relation with naming-lint findings, failing when they
 * are errors ({@link #withLintSeverity}). Each test's source is its SDL line, so IDEs navigate to it.
 *
 * <p>The check runs once, when the first container runs, and every test reads its report. A schema that does not
 * load fails every container with a {@link FraiseSetupException}, e.g.
 * {@code SDL_PARSE_ERROR: schema.graphql:12:3: ...}. Warnings and suppressed findings never fail a test.
 *
 * <p>Instances are immutable; every {@code with…} method returns a new one.
 */
public final class FraiseContracts {

    /** The schema file used when {@link #schema(String...)} is not called. */
    public static final String DEFAULT_SCHEMA = "schema.graphql";

    private final Database database;
    private final Optional<Path> projectDir;
    private final List<String> schemaFiles;
    private final ContractOptions options;

    private FraiseContracts(Database database, Optional<Path> projectDir, List<String> schemaFiles,
            ContractOptions options) {
        this.database = database;
        this.projectDir = projectDir;
        this.schemaFiles = List.copyOf(schemaFiles);
        this.options = options;
    }

    /**
     * Checks the views of {@code database} with {@link ContractOptions#DEFAULT}. The project directory is the one
     * the database was built from when {@link FraiseDatabase} injected it, else the {@code fraise.project.dir}
     * property, else the working directory.
     */
    public static FraiseContracts of(Database database) {
        return new FraiseContracts(Objects.requireNonNull(database, "database"), Optional.empty(),
                List.of(DEFAULT_SCHEMA), ContractOptions.DEFAULT);
    }

    /**
     * The GraphQL schema, relative to the project directory: SDL files or globs, one introspection {@code .json},
     * or FraiseQL v2 schema files ({@code schema.json}, a glob merging split files, {@code schema.compiled.json}).
     */
    public FraiseContracts schema(String... files) {
        return new FraiseContracts(database, projectDir, List.of(files), options);
    }

    /** Another project directory; schema and baseline files are relative to it. */
    public FraiseContracts projectDir(Path dir) {
        return new FraiseContracts(database, Optional.of(dir.toAbsolutePath().normalize()), schemaFiles, options);
    }

    /** How field names map to JSON keys (camelCase by default). */
    public FraiseContracts withNaming(FieldNaming naming) {
        return withOptions(options.withNaming(naming));
    }

    /** Binds a GraphQL type to a view, overriding {@code @sqlSource} and the default {@code v_<snake>}. */
    public FraiseContracts withTypeSource(String type, String view) {
        return withOptions(options.withTypeSource(type, view));
    }

    /** The SQL types ({@code format_type} names) a custom scalar accepts. */
    public FraiseContracts withScalar(String scalar, Set<String> sqlTypes) {
        return withOptions(options.withScalar(scalar, sqlTypes));
    }

    /** Sample mode: also validates up to {@code rows} real rows per view (load seeds for it to mean anything). */
    public FraiseContracts sampling(int rows) {
        return withOptions(options.sampling(rows));
    }

    /** Mutation functions follow this FraiseQL generation's calling convention and result (v1 by default). */
    public FraiseContracts withMutationProfile(MutationProfile profile) {
        return withOptions(options.withMutationProfile(profile));
    }

    /**
     * The context parameters every mutation function takes (tenant, user, …), by name, in order: first in
     * {@link MutationProfile#V1}, last in {@link MutationProfile#V2}.
     */
    public FraiseContracts withContextParams(String... names) {
        return withOptions(options.withContextParams(names));
    }

    /** Naming-lint findings at {@code severity}; {@link Severity#ERROR} makes them fail the {@code lint} tests. */
    public FraiseContracts withLintSeverity(Severity severity) {
        return withOptions(options.withLintSeverity(severity));
    }

    /** No naming lint. */
    public FraiseContracts withoutLint() {
        return withOptions(options.withoutLint());
    }

    /** The naming lint skips {@code relation} ({@code tb_legacy}, or {@code schema.tb_x} outside {@code public}). */
    public FraiseContracts withLintExcluded(String relation) {
        return withOptions(options.withLintExcluded(relation));
    }

    /**
     * What nothing checked fails: an object type nothing checked ({@code TYPE_NOT_CHECKED}) fails its test instead of
     * being skipped, and a field whose shape is unknown ({@code SHAPE_UNKNOWN}) fails its type's.
     */
    public FraiseContracts withFailOnUnchecked() {
        return withOptions(options.withFailOnUnchecked());
    }

    /** The database schemas searched for views, in order ({@code public} by default). */
    public FraiseContracts withSchemas(String... schemas) {
        return withOptions(options.withSchemas(schemas));
    }

    /** The view a {@code tv_} table is materialised from, when it is not {@code v_x} for {@code tv_x}. */
    public FraiseContracts withProjectionSource(String table, String view) {
        return withOptions(options.withProjectionSource(table, view));
    }

    /** The JSON column read from every bound view that names none ({@code data} by default). */
    public FraiseContracts withDataColumn(String column) {
        return withOptions(options.withDataColumn(column));
    }

    /** Runs every {@code tv_} sync function (rolled back) and compares the table with its view, also statically. */
    public FraiseContracts withProjectionSync() {
        return withOptions(options.withProjectionSync());
    }

    /**
     * In sample mode, calls no mutation function (by default each is called once with a generated input, rolled
     * back, and the entity it returns is checked).
     */
    public FraiseContracts withoutMutationSamples() {
        return withOptions(options.withoutMutationSamples());
    }

    /** A baseline file of suppressions, relative to the project directory. */
    public FraiseContracts withBaseline(Path file) {
        return withOptions(options.withBaseline(file));
    }

    /** Replaces all options; a relative baseline is still resolved against the project directory. */
    public FraiseContracts withOptions(ContractOptions value) {
        return new FraiseContracts(database, projectDir, schemaFiles, Objects.requireNonNull(value, "options"));
    }

    /** The options the check runs with. */
    public ContractOptions options() {
        return options;
    }

    /** The project directory the schema and baseline files are resolved against. */
    public Path projectDir() {
        return projectDir.or(() -> ProjectDirectories.of(database))
                .orElseGet(() -> ProjectDirectories.resolve(""));
    }

    /** The project's schema files, where projection findings are located; none when the project has no schema. */
    private static List<SourceFinder.Source> sqlSources(Path dir) {
        try {
            return Fraise.sqlSources(FraiseSettings.forProject(dir));
        } catch (FraiseException e) {
            return List.of();
        }
    }

    /**
     * The containers {@code types}, {@code queries}, {@code mutations}, {@code projections} and {@code lint}; return
     * them from a {@code @TestFactory} method.
     */
    public Stream<DynamicNode> dynamicTests() {
        Path dir = projectDir();
        ContractOptions resolved = options.baseline().map(b -> options.withBaseline(dir.resolve(b))).orElse(options);
        if (resolved.sqlSources().isEmpty()) {
            resolved = resolved.withSqlSources(sqlSources(dir));
        }
        return ContractNodes.of(new ContractRun(database, dir, schemaFiles, resolved), dir);
    }
}
