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

    private static final List<SqlFunctions.Column> V1_RESPONSE = columns("status text", "message text",
            "entity_id text", "entity_type text", "entity jsonb", "updated_fields text[]", "cascade jsonb",
            "metadata jsonb");
    /** The legacy 6-tuple's typed columns; its {@code id} may be uuid or text. */
    private static final List<SqlFunctions.Column> V1_LEGACY_RESPONSE = columns("updated_fields text[]",
            "status text", "message text", "object_data jsonb", "extra_metadata jsonb");
    private static final List<SqlFunctions.Column> V2_RESPONSE = columns("succeeded boolean",
            "state_changed boolean", "error_class mutation_error_class", "status_detail text", "http_status smallint",
            "message text", "entity_id uuid", "entity_type text", "entity jsonb", "updated_fields text[]",
            "cascade jsonb", "error_detail jsonb", "metadata jsonb");
    private static final Map<String, Set<String>> SCALAR_PARAMS = Map.of(
            "String", Set.of("text", "character varying", "character", "name", "citext"),
            "ID", Set.of("uuid", "text", "character varying", "integer", "bigint"),
            "Int", Set.of("integer", "smallint", "bigint", "numeric"),
            "Float", Set.of("double precision", "real", "numeric"),
            "Boolean", Set.of("boolean"),
            "JSON", Set.of("jsonb", "json"),
            "JSONObject", Set.of("jsonb", "json"));

    /** What the call passes at one position: a context value, the jsonb input, or one GraphQL argument. */
    private record Passed(String label, String jsonPath, Optional<Type<?>> type, boolean context) {

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

    MutationChecker(GraphqlSchema schema, ContractOptions options, ShapeInference inference, TypeBindings bindings,
            SqlFunctions functions, CatalogNames names) {
        this.schema = schema;
        this.options = options;
        this.inference = inference;
        this.bindings = bindings;
        this.functions = functions;
        this.names = names;
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
        return Set.copyOf(fieldsChecked);
    }

    /** The payload fields reached over a shape that is unknown. */
    Set<String> fieldsOfUnknownShape() {
        return Set.copyOf(fieldsOfUnknownShape);
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
            for (int i = 0; i < passed.size(); i++) {
                checkParameter(path, field, function, i, passed.get(i));
            }
            checkOrder(path, field, function, passed);
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
    private static String bareName(String name) {
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
            checkResponse(path, field, function);
            checkEnvelopeFields(path, field, function);
        } else if (!isJson(function.returnType())) {
            payloads.putIfAbsent(Sdl.typeName(field.getType()), returned + function.returnType());
            add(FindingCode.MUTATION_RETURN_SHAPE, path, field, function.name(), "$", function.name() + " returns "
                    + function.returnType() + ", not the " + profile() + " mutation_response ("
                    + expectedResponse().size() + " columns), rows of a view, or jsonb", function.signature());
        }
    }

    /**
     * FraiseQL builds the payload from the result's columns, by name: each scalar field of the payload type reads
     * the column named after it ({@code updatedFields} ← {@code updated_fields}), of a type that can carry its
     * value. Object fields are the entity ({@code entity}, v1's {@code object_data}); the lists and objects are not
     * compared here.
     */
    private void checkEnvelopeFields(String path, FieldDefinition field, SqlFunctions.Function function) {
        if (!(schema.registry().getTypeOrNull(Sdl.typeName(field.getType())) instanceof ObjectTypeDefinition payload)) {
            return;
        }
        Map<String, SqlFunctions.Column> columns = new LinkedHashMap<>();
        function.resultColumns().forEach(c -> columns.put(c.name(), c));
        for (FieldDefinition payloadField : payload.getFieldDefinitions()) {
            Type<?> type = unwrapNonNull(payloadField.getType());
            String name = Sdl.typeName(type);
            if (schema.registry().getTypeOrNull(name) instanceof ImplementingTypeDefinition<?>
                    || schema.registry().getTypeOrNull(name) instanceof graphql.language.UnionTypeDefinition) {
                continue;
            }
            String fieldPath = payload.getName() + "." + payloadField.getName();
            Optional<SqlFunctions.Column> column = options.naming().keysFor(payloadField.getName()).stream()
                    .map(columns::get).filter(java.util.Objects::nonNull).findFirst();
            if (column.isEmpty()) {
                add(FindingCode.MUTATION_RETURN_SHAPE, path, field, function.name(), "$." + payloadField.getName(),
                        fieldPath + " reads column " + options.naming().keysFor(payloadField.getName()).get(0) + ", which "
                                + function.name() + "'s result does not have", "columns: " + String.join(", ",
                                columns.keySet()));
                continue;
            }
            fieldsChecked.add(fieldPath);
            if (!carries(type, column.get().type(), column.get().kind())) {
                add(FindingCode.MUTATION_RETURN_SHAPE, path, field, function.name(), "$." + payloadField.getName(),
                        fieldPath + " is " + Sdl.render(payloadField.getType()) + " but " + function.name()
                                + "'s result column " + column.get().describe() + " cannot carry it",
                        function.signature());
            }
        }
    }

    /** Whether a result column of {@code sqlType} can carry a payload field of the GraphQL type (non-null stripped). */
    private boolean carries(Type<?> graphql, String sqlType, char kind) {
        Type<?> type = unwrapNonNull(graphql);
        if (isJson(sqlType)) {
            return true;
        }
        if (type instanceof ListType list) {
            return sqlType.endsWith("[]") && carries(list.getType(), sqlType.substring(0, sqlType.length() - 2), ' ');
        }
        if (sqlType.endsWith("[]")) {
            return false;
        }
        String name = Sdl.typeName(type);
        TypeDefinition<?> definition = schema.registry().getTypeOrNull(name);
        if (definition instanceof EnumTypeDefinition) {
            return kind == 'e' || SCALAR_PARAMS.get("String").contains(sqlType);
        }
        return switch (name) {
            case "String", "ID" -> true;
            case "Int" -> Set.of("integer", "smallint", "bigint").contains(sqlType);
            case "Float" -> Set.of("integer", "smallint", "bigint", "numeric", "real", "double precision")
                    .contains(sqlType);
            case "Boolean" -> sqlType.equals("boolean");
            default -> name.toUpperCase(java.util.Locale.ROOT).startsWith("JSON")
                    || options.acceptedSqlTypes(name).map(types -> types.contains(sqlType)).orElse(true);
        };
    }

    private List<SqlFunctions.Column> expectedResponse() {
        return profile() == MutationProfile.V1 ? V1_RESPONSE : V2_RESPONSE;
    }

    /** The first column where the result differs from the profile's {@code mutation_response}. */
    private void checkResponse(String path, FieldDefinition field, SqlFunctions.Function function) {
        if (profile() == MutationProfile.V1) {
            checkV1Response(path, field, function);
            return;
        }
        List<SqlFunctions.Column> expected = expectedResponse();
        List<SqlFunctions.Column> actual = function.resultColumns();
        String response = "the " + profile() + " mutation_response (" + expected.size() + " columns)";
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String problem = null;
            if (i >= actual.size()) {
                problem = "lacks column " + (i + 1) + ", " + expected.get(i).describe() + ", of " + response;
            } else if (i >= expected.size()) {
                problem = "has column " + (i + 1) + ", " + actual.get(i).describe() + ", beyond " + response;
            } else if (!sameColumn(expected.get(i), actual.get(i))) {
                problem = "has " + actual.get(i).describe() + " as column " + (i + 1) + " where " + response + " has "
                        + expected.get(i).describe();
            }
            if (problem != null) {
                add(FindingCode.MUTATION_RETURN_SHAPE, path, field, function.name(), "$", function.name()
                        + "'s result " + problem, function.signature());
                return;
            }
        }
    }

    /**
     * FraiseQL v1 reads the result by column name ({@code row_to_json}): the {@code mutation_response} is recognised
     * by its {@code status} and {@code entity} columns, the legacy 6-tuple by its {@code object_data}; order and
     * extra columns do not matter, but a known column must have its type.
     */
    private void checkV1Response(String path, FieldDefinition field, SqlFunctions.Function function) {
        Map<String, SqlFunctions.Column> actual = new java.util.LinkedHashMap<>();
        function.resultColumns().forEach(c -> actual.put(c.name(), c));
        boolean legacy = actual.containsKey("object_data") && !actual.containsKey("entity");
        List<SqlFunctions.Column> expected = legacy ? V1_LEGACY_RESPONSE : V1_RESPONSE;
        String response = legacy ? "the v1 legacy result (id, updated_fields, status, message, object_data,"
                + " extra_metadata)" : "the V1 mutation_response";
        for (String required : legacy ? List.of("status", "object_data") : List.of("status", "entity")) {
            if (!actual.containsKey(required)) {
                add(FindingCode.MUTATION_RETURN_SHAPE, path, field, function.name(), "$", function.name()
                        + "'s result has no " + required + " column, which " + response + " needs ("
                        + expected.stream().filter(c -> c.name().equals(required)).findFirst().orElseThrow().describe()
                        + ")", function.signature());
                return;
            }
        }
        for (SqlFunctions.Column column : expected) {
            SqlFunctions.Column found = actual.get(column.name());
            if (found != null && !sameColumn(column, found)) {
                add(FindingCode.MUTATION_RETURN_SHAPE, path, field, function.name(), "$", function.name()
                        + "'s result has " + found.describe() + " where " + response + " has " + column.describe(),
                        function.signature());
                return;
            }
        }
    }

    private static boolean sameColumn(SqlFunctions.Column expected, SqlFunctions.Column actual) {
        if (!expected.name().equals(actual.name())) {
            return false;
        }
        if (expected.type().equals("mutation_error_class")) {
            return actual.kind() == 'e' || actual.type().equals("text");
        }
        return expected.type().equals(actual.type());
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

    private static List<SqlFunctions.Column> columns(String... definitions) {
        List<SqlFunctions.Column> columns = new ArrayList<>();
        for (String definition : definitions) {
            int space = definition.indexOf(' ');
            columns.add(new SqlFunctions.Column(definition.substring(0, space), definition.substring(space + 1), ' '));
        }
        return List.copyOf(columns);
    }
}
