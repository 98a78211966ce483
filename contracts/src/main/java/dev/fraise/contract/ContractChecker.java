package dev.fraise.contract;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.graphql.GraphqlSchemaLoader;
import dev.fraise.inference.ShapeInference;
import dev.fraise.shape.ScalarKind;
import dev.fraise.shape.ScalarShape;
import dev.fraise.shape.Shape;
import dev.fraise.shape.UnknownShape;
import dev.fraise.shape.ViewShape;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every GraphQL object type against the inferred shape of its view's {@code data}: keys, kinds, nesting,
 * lists and nullability, statically (no rows needed) and, in sample mode, against real rows too. The CQRS checks
 * run in the same pass: every Mutation field against its function, and every {@code tv_} table against its shape,
 * its sync function and (when it or its source view has rows, in sample mode, or with
 * {@link ContractOptions#withProjectionSync()}) its source view. In sample mode each mutation function is also called
 * once with a generated input, rolled back, and the entity it returns is checked ({@link MutationSamples}).
 * Last, it lints the FraiseQL naming conventions of the tables and views ({@code LINT_*} findings, see
 * {@link ContractOptions#withLintSeverity}).
 *
 * <pre>{@code
 * ContractReport report = ContractChecker.check(connection, projectDir, List.of("schema.graphql"),
 *         ContractOptions.DEFAULT);
 * report.findings().forEach(System.out::println);
 * }</pre>
 */
public final class ContractChecker {

    private ContractChecker() {
    }

    /**
     * Loads the schema files (SDL, globs, an introspection {@code .json}, FraiseQL's {@code schema.json} or
     * {@code schema.compiled.json}) and checks them. An SDL that does not parse gives a report with one
     * {@code SDL_PARSE_ERROR} finding; the other load failures are thrown (see {@link GraphqlSchemaLoader#load}).
     */
    public static ContractReport check(Connection connection, Path projectDir, List<String> schemaFiles,
            ContractOptions options) {
        GraphqlSchema schema;
        try {
            schema = GraphqlSchemaLoader.load(projectDir, schemaFiles);
        } catch (FraiseException e) {
            return unparsable(e);
        }
        return check(connection, schema, options);
    }

    /**
     * The report of a schema whose SDL does not parse: one {@code SDL_PARSE_ERROR} finding at its location.
     *
     * @throws FraiseException {@code e} itself when it is not {@code SDL_PARSE_ERROR}
     */
    public static ContractReport unparsable(FraiseException e) {
        if (e.code() != ErrorCode.SDL_PARSE_ERROR) {
            throw e;
        }
        return new ContractReport(List.of(), List.of(new Finding(FindingCode.SDL_PARSE_ERROR, "", "",
                Optional.empty(), e.location(), "", "", e.detail(), "", Optional.empty())));
    }

    /**
     * Checks a loaded schema against the database behind {@code connection}. A FraiseQL v2 schema
     * ({@link GraphqlSchema.SchemaFormat#FRAISEQL}) makes {@link MutationProfile#AUTO} mean v2, and its
     * {@code naming_convention: snake_case} reads JSON keys as the field names ({@link FieldNaming#PRESERVE}).
     */
    public static ContractReport check(Connection connection, GraphqlSchema schema, ContractOptions contractOptions) {
        ContractOptions options = forSchema(contractOptions, schema);
        ShapeInference inference = ShapeInference.load(connection, options.inference());
        TypeBindings bindings = TypeBindings.resolve(schema, options, inference);
        TypeChecker checker = new TypeChecker(schema, options, inference);
        Set<String> roots = schema.rootTypeNames();
        Map<String, String> embeddedBy = embeddings(schema, bindings, roots);
        Suppressions suppressions = Suppressions.load(schema.registry(), options.baseline());
        CatalogNames names = CatalogNames.load(connection, options.inference().schemas());
        if (options.mode() == CheckMode.STATIC) {
            declareRoots(schema, roots, bindings, inference, checker);
        }
        List<TypeResult> results = new ArrayList<>();
        Map<String, List<Finding>> findingsByType = new LinkedHashMap<>();
        for (TypeDefinition<?> type : inSchemaOrder(schema)) {
            int before = checker.findings().size();
            results.add(checkType(type, bindings, roots, embeddedBy, checker, inference, connection, options,
                    schema, suppressions, names));
            findingsByType.put(type.getName(), new ArrayList<>(checker.findings().subList(before,
                    checker.findings().size())));
        }
        SqlFunctions functions = SqlFunctions.load(connection, options.inference().schemas());
        MutationChecker mutationChecker = new MutationChecker(schema, options, inference, bindings, functions, names,
                checker);
        List<Finding> mutations = new ArrayList<>(mutationChecker.check());
        if (options.mode() == CheckMode.SAMPLE && options.cqrs().sampleMutations()) {
            mutations = MutationSamples.mergeWithStatic(mutations, new MutationSamples(connection, schema, options,
                    inference, bindings).check(mutationChecker.callable()));
        }
        ProjectionChecker projections = new ProjectionChecker(connection, options, inference, functions);
        projections.check();
        List<Finding> findings = new ArrayList<>();
        bindings.findings().forEach(f -> findings.add(suppressions.apply(f)));
        QuerySources.check(schema, inference, bindings, names).forEach(f -> findings.add(suppressions.apply(f)));
        QueryArguments.check(schema, options, inference, bindings).forEach(f -> findings.add(suppressions.apply(f)));
        findingsByType.values().forEach(list -> list.forEach(f -> findings.add(suppressions.apply(
                checker.withEmbeddings(f)))));
        mutations.forEach(f -> findings.add(suppressions.apply(f)));
        projections.findings().forEach(f -> findings.add(suppressions.apply(f)));
        NamingLint.run(connection, inference, options, List.copyOf(findings))
                .forEach(f -> findings.add(suppressions.apply(f)));
        return Coverage.complete(new ContractReport(results, findings, projections.results()), schema, roots, checker,
                mutationChecker, suppressions, options);
    }

    /**
     * Tells the checker which (type, view shape) pairs {@link #checkBinding} checks at a root of their own, so that
     * a view embedding another view's {@code data} does not walk it again (static mode; sample mode matches its
     * rows against each root's own static findings, so it keeps them all).
     */
    private static void declareRoots(GraphqlSchema schema, Set<String> roots, TypeBindings bindings,
            ShapeInference inference, TypeChecker checker) {
        for (ObjectTypeDefinition object : schema.registry().getTypes(ObjectTypeDefinition.class)) {
            if (roots.contains(object.getName())) {
                continue;
            }
            for (TypeBindings.Binding binding : bindings.all(object.getName())) {
                boolean checked = inference.columns(binding.view()).filter(c -> c.contains(binding.column()))
                        .isPresent();
                if (checked) {
                    checker.checkedAtRoot(object, inference.infer(binding.view(), binding.column()).data(),
                            binding.view());
                }
            }
        }
    }

    /** The options with what the schema's format decides: the mutation profile, the naming convention. */
    static ContractOptions forSchema(ContractOptions options, GraphqlSchema schema) {
        boolean fraiseql = schema.format() == GraphqlSchema.SchemaFormat.FRAISEQL;
        if (options.cqrs().mutationProfile() == MutationProfile.AUTO) {
            options = options.withMutationProfile(fraiseql ? MutationProfile.V2 : MutationProfile.V1);
        }
        if (schema.namingConvention().filter("snake_case"::equals).isPresent()) {
            options = options.withNaming(FieldNaming.PRESERVE);
        }
        return options;
    }

    private static TypeResult checkType(TypeDefinition<?> type, TypeBindings bindings, Set<String> roots,
            Map<String, String> embeddedBy, TypeChecker checker, ShapeInference inference, Connection connection,
            ContractOptions options, GraphqlSchema schema, Suppressions suppressions, CatalogNames names) {
        String name = type.getName();
        if (roots.contains(name)) {
            return notChecked(schema, type, "root type: its fields are bound through @sqlSource");
        }
        if (!(type instanceof ObjectTypeDefinition object)) {
            return notChecked(schema, type, kindReason(type));
        }
        Optional<TypeBindings.Binding> binding = bindings.of(name);
        Optional<String> noView = Sdl.stringArgument(object, Sdl.EMBEDDED, "reason");
        if (binding.isEmpty() && noView.isPresent() && !embeddedBy.containsKey(name)) {
            return notChecked(schema, type, "needs no view (" + noView.get() + "): checked where a bound type embeds it");
        }
        if (binding.isEmpty()) {
            return embeddedBy.containsKey(name)
                    ? new TypeResult(name, TypeResult.Status.CHECKED_THROUGH_PARENT, Optional.empty(), "embedded in "
                            + embeddedBy.get(name), schema.locate(type))
                    : notChecked(schema, type, "no source: no @sqlSource, no Query field returns it, and "
                            + FieldNaming.defaultView(name) + " does not exist");
        }
        List<TypeResult.Source> sources = new ArrayList<>();
        for (TypeBindings.Binding each : bindings.all(name)) {
            if (each == binding.get() || inference.exists(each.view())) {
                sources.add(new TypeResult.Source(each.view(), each.column(), each.how()));
                checkBinding(object, each, checker, inference, connection, options, schema, suppressions, names);
            }
        }
        if (!inference.exists(binding.get().view())) {
            return new TypeResult(name, TypeResult.Status.NOT_CHECKED, Optional.of(binding.get().view()),
                    TypeCounts.VIEW_MISSING + ": " + binding.get().view() + " (" + binding.get().how()
                            + ") does not exist", schema.locate(type), sources);
        }
        Optional<String> unknown = shapeUnknown(binding.get(), inference);
        if (unknown.isPresent()) {
            return new TypeResult(name, TypeResult.Status.NOT_CHECKED, Optional.of(binding.get().view()),
                    TypeCounts.SHAPE_UNKNOWN + ": " + unknown.get(), schema.locate(type), sources);
        }
        return new TypeResult(name, TypeResult.Status.CHECKED, Optional.of(binding.get().view()), binding.get().how(),
                schema.locate(type), sources);
    }

    /**
     * Why nothing of the binding's {@code data} is known (unknown, or JSON of unknown structure), so that none of the
     * type's fields is compared with it: its one finding is the {@code SHAPE_UNKNOWN} at the type.
     */
    private static Optional<String> shapeUnknown(TypeBindings.Binding binding, ShapeInference inference) {
        if (inference.columns(binding.view()).filter(c -> c.contains(binding.column())).isEmpty()) {
            return Optional.empty();
        }
        Shape data = inference.infer(binding.view(), binding.column()).data();
        if (data instanceof UnknownShape unknown) {
            return Optional.of(unknown.reason());
        }
        if (data instanceof ScalarShape scalar && scalar.scalarKind() == ScalarKind.ANY_JSON) {
            return Optional.of(scalar.provenance().source() + " is JSON of unknown structure");
        }
        return Optional.empty();
    }

    /**
     * Checks a type against one of its bindings. Another Query field's source that does not exist is no
     * {@code VIEW_MISSING}: {@link QuerySources} reports it at that field.
     */
    private static void checkBinding(ObjectTypeDefinition object, TypeBindings.Binding binding, TypeChecker checker,
            ShapeInference inference, Connection connection, ContractOptions options, GraphqlSchema schema,
            Suppressions suppressions, CatalogNames names) {
        String name = object.getName();
        String view = binding.view();
        Optional<List<String>> columns = inference.columns(view);
        if (columns.isEmpty()) {
            checker.add(FindingCode.VIEW_MISSING, name, name, Optional.empty(),
                    binding.where().or(() -> schema.locate(object)), view, "$",
                    name + " is bound to " + view + " (" + binding.how() + ")" + names.explain(view,
                            CatalogNames.Kind.RELATION, ", which does not exist"), "");
            return;
        }
        if (!columns.get().contains("id")) {
            checker.add(FindingCode.ID_COLUMN_MISSING, name, name, Optional.empty(), schema.locate(object), view, "$",
                    view + " has no id column to filter on", "columns: " + String.join(", ", columns.get()));
        }
        String column = binding.column();
        if (!columns.get().contains(column)) {
            checker.add(FindingCode.DATA_COLUMN_MISSING, name, name, Optional.empty(), schema.locate(object), view,
                    "$", view + " has no " + column + " column", "columns: " + String.join(", ", columns.get()));
            return;
        }
        ViewShape shape = inference.infer(view, column);
        int staticFrom = checker.findings().size();
        checker.checkRoot(object, shape.data(), shape.nullability(), view);
        if (options.mode() == CheckMode.SAMPLE) {
            SampleFindings.check(object, shape, column, checker, staticFrom, suppressions, connection, options, schema);
        }
    }

    /** Types reached through fields of bound types, with one embedding path each, for the summary. */
    private static Map<String, String> embeddings(GraphqlSchema schema, TypeBindings bindings, Set<String> roots) {
        Map<String, String> embeddedBy = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (ObjectTypeDefinition type : schema.registry().getTypes(ObjectTypeDefinition.class)) {
            if (bindings.of(type.getName()).isPresent() && !roots.contains(type.getName())) {
                queue.add(type.getName());
            }
        }
        Set<String> seen = new java.util.HashSet<>(queue);
        while (!queue.isEmpty()) {
            String owner = queue.poll();
            // getType(name, Class) matches the exact class only, so filter by instance instead.
            Optional<ImplementingTypeDefinition<?>> definition = Optional.ofNullable(schema.registry().getTypeOrNull(owner))
                    .filter(ImplementingTypeDefinition.class::isInstance)
                    .map(t -> (ImplementingTypeDefinition<?>) t);
            if (definition.isEmpty()) {
                continue;
            }
            for (Object field : definition.get().getFieldDefinitions()) {
                String target = Sdl.typeName(((FieldDefinition) field).getType());
                embeddedBy.putIfAbsent(target, owner + "." + ((FieldDefinition) field).getName());
                if (seen.add(target)) {
                    queue.add(target);
                }
            }
        }
        return embeddedBy;
    }

    private static List<TypeDefinition<?>> inSchemaOrder(GraphqlSchema schema) {
        List<TypeDefinition<?>> types = new ArrayList<>();
        schema.registry().types().values().forEach(t -> types.add((TypeDefinition<?>) t));
        types.sort(Comparator.comparing((TypeDefinition<?> t) -> schema.locate(t).map(l -> l.file().toString())
                .orElse("")).thenComparingInt(t -> schema.locate(t).map(l -> l.line()).orElse(0))
                .thenComparing(TypeDefinition::getName));
        return types;
    }

    private static String kindReason(TypeDefinition<?> type) {
        if (type instanceof InputObjectTypeDefinition) {
            return "input type: not read from a view";
        }
        if (type instanceof InterfaceTypeDefinition) {
            return "interface: checked through its object types";
        }
        if (type instanceof UnionTypeDefinition) {
            return "union: checked through its object types";
        }
        return type.getClass().getSimpleName().replace("TypeDefinition", "").toLowerCase(java.util.Locale.ROOT)
                + " type: checked where fields use it";
    }

    private static TypeResult notChecked(GraphqlSchema schema, TypeDefinition<?> type, String reason) {
        return new TypeResult(type.getName(), TypeResult.Status.NOT_CHECKED, Optional.empty(), reason,
                schema.locate(type));
    }
}
