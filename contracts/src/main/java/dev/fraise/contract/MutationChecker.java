package dev.fraise.contract;

import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.inference.ShapeInference;
import dev.fraise.shape.ViewShape;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every Mutation field against its function: existence, arity and parameter types under the
 * {@link MutationProfile}'s calling convention, and the return type ({@code mutation_response} of the profile, or
 * rows of a view whose shape the payload type accepts).
 */
final class MutationChecker {

    private static final Map<String, Set<String>> SCALAR_PARAMS = Map.of(
            "String", Set.of("text", "character varying", "character", "name", "citext"),
            "ID", Set.of("uuid", "text", "character varying", "integer", "bigint"),
            "Int", Set.of("integer", "smallint", "bigint", "numeric"),
            "Float", Set.of("double precision", "real", "numeric"),
            "Boolean", Set.of("boolean"),
            "JSON", Set.of("jsonb", "json"),
            "JSONObject", Set.of("jsonb", "json"));

    /** What the call passes at one position: a context value, the jsonb input, or one GraphQL argument. */
    record Passed(String label, String jsonPath, Optional<Type<?>> type, boolean context) {

        static Passed context(String name) {
            return new Passed(name, "$", Optional.empty(), true);
        }

        static Passed jsonb(String label, String jsonPath) {
            return new Passed(label, jsonPath, Optional.empty(), false);
        }
    }

    private final GraphqlSchema schema;
    private final ContractOptions options;
    private final ShapeInference inference;
    private final TypeBindings bindings;
    private final SqlFunctions functions;
    private final CatalogNames names;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> payloads = new LinkedHashMap<>();
    private final Set<String> fieldsChecked = new HashSet<>();
    private final Set<String> fieldsOfUnknownShape = new HashSet<>();
    private final MutationResponses responses;
    private final List<MutationSamples.Target> callable = new ArrayList<>();
    private final MutationEntities entities;

    MutationChecker(GraphqlSchema schema, ContractOptions options, ShapeInference inference, TypeBindings bindings,
            SqlFunctions functions, CatalogNames names, TypeChecker types) {
        this.schema = schema;
        this.options = options;
        this.inference = inference;
        this.bindings = bindings;
        this.functions = functions;
        this.names = names;
        this.responses = new MutationResponses(schema, options);
        this.entities = new MutationEntities(schema, options, inference, types);
    }

    /** The findings of every Mutation field, in SDL order. */
    List<Finding> check() {
        schema.rootTypeName("mutation").map(root -> schema.registry().getTypeOrNull(root, ObjectTypeDefinition.class))
                .ifPresent(mutation -> {
                    for (FieldDefinition field : mutation.getFieldDefinitions()) {
                        checkField(mutation.getName(), field);
                    }
                });
        return findings;
    }

    /**
     * The payload types the return check verified, with how: {@code MutationResponse} → {@code returned by
     * Mutation.createUser: fn_create_user returns the V1 mutation_response}. A function returning {@code jsonb}
     * verifies nothing, so its payload is not listed.
     */
    Map<String, String> payloads() {
        return Map.copyOf(payloads);
    }

    /** The payload fields ({@code Type.field}) compared against the shape of the view a function returns rows of. */
    Set<String> fieldsChecked() {
        Set<String> all = new HashSet<>(fieldsChecked);
        all.addAll(entities.fieldsChecked());
        return Set.copyOf(all);
    }

    /** The payload fields reached over a shape that is unknown. */
    Set<String> fieldsOfUnknownShape() {
        return Set.copyOf(fieldsOfUnknownShape);
    }

    /** The Mutation fields whose function the profile's call reaches with parameters of matching types. */
    List<MutationSamples.Target> callable() {
        return List.copyOf(callable);
    }

    private MutationProfile profile() {
        return options.cqrs().mutationProfile();
    }

    private void checkField(String root, FieldDefinition field) {
        String path = root + "." + field.getName();
        String snake = FieldNaming.snakeCase(field.getName());
        Optional<String> source = Sdl.stringArgument(field, Sdl.SQL_SOURCE, "name");
        List<String> candidates = source.map(List::of).orElse(List.of("fn_" + snake, snake));
        Optional<String> name = candidates.stream().filter(n -> !functions.named(n).isEmpty()).findFirst();
        if (name.isEmpty()) {
            add(FindingCode.MUTATION_FUNCTION_MISSING, path, field, candidates.get(0), "$",
                    missing(path, source, candidates), "schemas " + options.inference().schemas());
            return;
        }
        List<Passed> passed = passed(field, functions.named(name.get()));
        SqlFunctions.Function function = functions.callable(name.get(), passed.size())
                .orElse(functions.named(name.get()).get(0));
        if (!function.accepts(passed.size())) {
            int required = function.inputs().size() - function.defaults();
            add(FindingCode.MUTATION_ARITY, path, field, function.name(), "$", function.name() + " takes "
                    + (required == function.inputs().size() ? "" : required + " to ") + function.inputs().size()
                    + " parameters but the " + profile() + " call passes " + passed.size() + ": "
                    + passed.stream().map(this::describe).collect(Collectors.joining(", ")), function.signature());
        } else {
            int before = findings.size();
            for (int i = 0; i < passed.size(); i++) {
                checkParameter(path, field, function, i, passed.get(i));
            }
            checkOrder(path, field, function, passed);
            if (findings.size() == before) {
                callable.add(new MutationSamples.Target(path, field, function, passed));
            }
        }
        checkReturn(path, field, function);
    }

    /**
     * Why no function was found: the names looked for, in order, then where one of them exists outside the checked
     * schemas, else the closest existing function.
     */
    private String missing(String path, Optional<String> source, List<String> candidates) {
        if (source.isPresent()) {
            return Sdl.source(schema, source.get()) + " of " + path + names.explain(source.get(),
                    CatalogNames.Kind.FUNCTION, " names a function that does not exist");
        }
        String looked = path + " has no function: neither " + String.join(" nor ", candidates) + " exists";
        return candidates.stream().flatMap(c -> names.outside(c, CatalogNames.Kind.FUNCTION).stream()).findFirst()
                .map(outside -> looked + "; " + outside)
                .orElseGet(() -> looked + names.closest(candidates, CatalogNames.Kind.FUNCTION)
                        .map(c -> "; did you mean " + c + "?").orElse(""));
    }

    /** The values the profile's call passes, in order. */
    private List<Passed> passed(FieldDefinition field, List<SqlFunctions.Function> overloads) {
        List<String> contextNames = Sdl.argument(field, Sdl.SQL_SOURCE, Sdl.INJECT_PARAMS).map(Sdl::names)
                .orElse(options.cqrs().contextParams());
        List<Passed> context = contextNames.stream().map(Passed::context).toList();
        List<InputValueDefinition> arguments = field.getInputValueDefinitions();
        String inputPath = arguments.size() == 1 ? "$." + arguments.get(0).getName() : "$";
        String inputLabel = arguments.size() == 1 ? arguments.get(0).getName() : "input";
        List<Passed> passed = new ArrayList<>();
        if (profile() == MutationProfile.V1) {
            passed.addAll(context);
            if (!arguments.isEmpty()) {
                passed.add(Passed.jsonb(inputLabel, inputPath));
            }
            return passed;
        }
        Optional<String> declaredStyle = Sdl.stringArgument(field, Sdl.SQL_SOURCE, Sdl.INPUT_STYLE);
        boolean jsonbStyle = declaredStyle.map("jsonb"::equals).orElseGet(() -> !arguments.isEmpty()
                && overloads.stream().anyMatch(f -> !f.inputs().isEmpty() && isJson(f.inputs().get(0).type())
                        && f.accepts(1 + context.size())));
        if (jsonbStyle) {
            passed.add(Passed.jsonb(inputLabel, inputPath));
        } else {
            flatten(arguments, passed);
        }
        passed.addAll(context);
        return passed;
    }

    private void flatten(List<InputValueDefinition> arguments, List<Passed> into) {
        if (arguments.size() == 1) {
            Optional<TypeDefinition<?>> input = Optional.ofNullable(schema.registry().getTypeOrNull(Sdl.typeName(arguments.get(0).getType())));
            if (input.isPresent() && input.get() instanceof InputObjectTypeDefinition object
                    && !(unwrapNonNull(arguments.get(0).getType()) instanceof ListType)) {
                for (InputValueDefinition value : object.getInputValueDefinitions()) {
                    into.add(new Passed(value.getName(), "$." + arguments.get(0).getName() + "." + value.getName(),
                            Optional.of(value.getType()), false));
                }
                return;
            }
        }
        for (InputValueDefinition argument : arguments) {
            into.add(new Passed(argument.getName(), "$." + argument.getName(), Optional.of(argument.getType()), false));
        }
    }

    private String describe(Passed passed) {
        if (passed.context()) {
            return "context " + passed.label();
        }
        return passed.type().map(t -> passed.label() + " " + Sdl.render(t)).orElse(passed.label() + " jsonb");
    }

    private void checkParameter(String path, FieldDefinition field, SqlFunctions.Function function, int index,
            Passed passed) {
        SqlFunctions.Column parameter = function.inputs().get(index);
        String position = "parameter " + (index + 1) + " (" + parameter.describe() + ") of " + function.name();
        if (passed.context()) {
            if (profile() == MutationProfile.V2 && !parameter.name().isEmpty()
                    && !parameter.name().equals(passed.label())) {
                add(FindingCode.MUTATION_PARAM_TYPE, path, field, function.name(), passed.jsonPath(), position
                        + " receives the context parameter " + passed.label() + ", which must have its name",
                        function.signature());
            }
            return;
        }
        if (passed.type().isEmpty()) {
            if (!parameter.type().equals("jsonb")) {
                add(FindingCode.MUTATION_PARAM_TYPE, path, field, function.name(), passed.jsonPath(), position
                        + " receives argument " + passed.label() + " as jsonb, so it must be jsonb",
                        function.signature());
            }
            return;
        }
        if (isJson(parameter.type()) && isScalarArgument(passed.type().get())) {
            add(FindingCode.MUTATION_PARAM_TYPE, path, field, function.name(), passed.jsonPath(), position
                    + " receives " + passed.label() + ": " + Sdl.render(passed.type().get()) + " as one flattened value,"
                    + " but a jsonb parameter expects the input as a payload (input_style jsonb)", function.signature());
            return;
        }
        if (!accepts(passed.type().get(), parameter.type(), parameter.kind())) {
            add(FindingCode.MUTATION_PARAM_TYPE, path, field, function.name(), passed.jsonPath(), position
                    + " receives " + passed.label() + ": " + Sdl.render(passed.type().get()) + ", which "
                    + parameter.type() + " does not accept", function.signature());
        }
    }

    /** Whether a flattened argument is one scalar or enum value (not JSON, not a list, not an input object). */
    private boolean isScalarArgument(Type<?> graphql) {
        Type<?> type = unwrapNonNull(graphql);
        String name = Sdl.typeName(type);
        if (type instanceof ListType || name.toUpperCase(java.util.Locale.ROOT).startsWith("JSON")) {
            return false;
        }
        TypeDefinition<?> definition = schema.registry().getTypeOrNull(name);
        return definition == null ? SCALAR_PARAMS.containsKey(name)
                : definition instanceof EnumTypeDefinition || definition instanceof ScalarTypeDefinition;
    }

    /**
     * Flattened input fields are passed by position: a parameter named after another input field
     * ({@code p_description} where {@code title} is passed) shows two fields swapped.
     */
    private void checkOrder(String path, FieldDefinition field, SqlFunctions.Function function, List<Passed> passed) {
        Map<String, Integer> positions = new java.util.HashMap<>();
        for (int i = 0; i < passed.size(); i++) {
            if (!passed.get(i).context() && passed.get(i).type().isPresent()) {
                positions.put(FieldNaming.snakeCase(passed.get(i).label()), i);
            }
        }
        for (int i = 0; i < passed.size(); i++) {
            SqlFunctions.Column parameter = function.inputs().get(i);
            Integer named = positions.get(bareName(parameter.name()));
            if (named != null && named != i && positions.get(FieldNaming.snakeCase(passed.get(i).label())) != null) {
                add(FindingCode.MUTATION_PARAM_ORDER, path, field, function.name(), passed.get(i).jsonPath(),
                        "parameter " + (i + 1) + " (" + parameter.describe() + ") of " + function.name() + " receives "
                                + passed.get(i).label() + ", but its name is that of " + passed.get(named).label()
                                + ", passed as parameter " + (named + 1) + ": flattened fields are passed in order",
                        function.signature());
                return;
            }
        }
    }

    /** A parameter name without the usual {@code p_}, {@code in_} or {@code _} prefix. */
    static String bareName(String name) {
        for (String prefix : List.of("p_", "in_", "_")) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    /** Whether a parameter of {@code sqlType} (of {@code typtype kind}) accepts values of the GraphQL type. */
    private boolean accepts(Type<?> graphql, String sqlType, char kind) {
        Type<?> type = unwrapNonNull(graphql);
        if (kind == 'p' || isJson(sqlType)) {
            return true;
        }
        if (type instanceof ListType list) {
            return sqlType.endsWith("[]") && accepts(list.getType(), sqlType.substring(0, sqlType.length() - 2), ' ');
        }
        String name = Sdl.typeName(type);
        Optional<TypeDefinition<?>> definition = Optional.ofNullable(schema.registry().getTypeOrNull(name));
        if (definition.isPresent() && definition.get() instanceof EnumTypeDefinition) {
            return kind == 'e' || kind == ' ' || SCALAR_PARAMS.get("String").contains(sqlType);
        }
        if (definition.isPresent() && definition.get() instanceof InputObjectTypeDefinition) {
            return kind == 'c' || kind == ' ';
        }
        Set<String> builtin = SCALAR_PARAMS.get(name);
        if (builtin != null) {
            return builtin.contains(sqlType);
        }
        if (definition.isPresent() && definition.get() instanceof ScalarTypeDefinition) {
            return options.acceptedSqlTypes(name).map(types -> types.contains(sqlType)).orElse(true);
        }
        return true;
    }

    private void checkReturn(String path, FieldDefinition field, SqlFunctions.Function function) {
        boolean list = unwrapNonNull(field.getType()) instanceof ListType;
        String returned = "returned by " + path + ": " + function.name() + " returns ";
        if (function.returnRelation().isPresent() && "rvmpf".indexOf(function.relationKind()) >= 0) {
            payloads.putIfAbsent(Sdl.typeName(field.getType()), returned + "rows of "
                    + function.returnRelation().get());
            checkRows(path, field, function, function.returnRelation().get(), list);
        } else if (!function.resultColumns().isEmpty()) {
            payloads.putIfAbsent(Sdl.typeName(field.getType()), returned + "the " + profile()
                    + " mutation_response");
            MutationResponses.Report report = (code, jsonPath, message, provenance) -> add(code, path, field,
                    function.name(), jsonPath, message, provenance);
            responses.check(function, report);
            responses.checkPayload(field, function, report).forEach(f -> fieldsChecked.add(f));
            findings.addAll(entities.check(path, field, function));
        } else if (!isJson(function.returnType())) {
            payloads.putIfAbsent(Sdl.typeName(field.getType()), returned + function.returnType());
            add(FindingCode.MUTATION_RETURN_SHAPE, path, field, function.name(), "$", function.name() + " returns "
                    + function.returnType() + ", not the " + profile() + " mutation_response ("
                    + responses.expected().size() + " columns), rows of a view, or jsonb", function.signature());
        }
    }

    /** Rows of a relation: it must have {@code data}, and the payload type must accept that data's shape. */
    private void checkRows(String path, FieldDefinition field, SqlFunctions.Function function, String relation,
            boolean list) {
        if (list && !function.setOf()) {
            add(FindingCode.MUTATION_RETURN_SHAPE, path, field, function.name(), "$", path + " is "
                    + Sdl.render(field.getType()) + " but " + function.name() + " returns one row of " + relation
                    + ", not SETOF", function.signature());
        }
        if (!inference.columns(relation).map(c -> c.contains("data")).orElse(false)) {
            add(FindingCode.MUTATION_RETURN_SHAPE, path, field, function.name(), "$", function.name()
                    + " returns rows of " + relation + ", which has no data column", function.signature());
            return;
        }
        String payload = Sdl.typeName(field.getType());
        Optional<TypeDefinition<?>> definition = Optional.ofNullable(schema.registry().getTypeOrNull(payload));
        if (definition.isEmpty() || !(definition.get() instanceof ImplementingTypeDefinition<?> type)
                || bindings.of(payload).map(b -> b.view().equals(relation)).orElse(false)) {
            return;
        }
        ViewShape shape = inference.infer(relation);
        TypeChecker checker = new TypeChecker(schema, options, inference);
        checker.checkRoot(type, shape.data(), shape.nullability(), relation);
        fieldsChecked.addAll(checker.fieldsChecked());
        fieldsOfUnknownShape.addAll(checker.fieldsOfUnknownShape());
        for (Finding finding : checker.findings()) {
            if (finding.severity() == Severity.ERROR) {
                add(FindingCode.MUTATION_RETURN_SHAPE, path, field, function.name(), finding.jsonPath(),
                        function.name() + " returns rows of " + relation + ", which " + payload + " does not accept: "
                                + finding.message(), finding.code() + " " + finding.provenance());
            }
        }
    }

    private void add(FindingCode code, String path, FieldDefinition field, String function, String jsonPath,
            String message, String provenance) {
        findings.add(new Finding(code, path, path.substring(0, path.indexOf('.')), Optional.of(field.getName()),
                schema.locate(field), function, jsonPath, message, provenance, Optional.empty()));
    }

    private static boolean isJson(String sqlType) {
        return sqlType.equals("jsonb") || sqlType.equals("json");
    }

    private static Type<?> unwrapNonNull(Type<?> type) {
        return type instanceof NonNullType nonNull ? nonNull.getType() : type;
    }
}
