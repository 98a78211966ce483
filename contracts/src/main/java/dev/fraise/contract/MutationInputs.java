package dev.fraise.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.inference.ShapeInference;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Generates a valid call of a mutation function for sample mode, from the GraphQL input and the function's
 * parameters. Required input fields only (optional ones are omitted, or NULL when flattened); scalars by type;
 * strings unique to the call ({@code fraise-sample-2-title}, an address for {@code email}, a URL for {@code url});
 * enums and {@code CHECK (x IN …)} columns from their SQL labels; a UUID or ID that names an entity
 * ({@code authorId}, {@code p_author_id}, {@code fk_author}, {@code user_id}, the entity's own {@code id}) from the
 * first {@code id} of the relation it names: {@code tb_author}, {@code v_author}, {@code tv_author}, or the view of
 * the entity type's {@code author} field, or the table its table's {@code fk_author} column references. A referenced
 * relation without rows leaves no valid input.
 */
final class MutationInputs {

    /**
     * One argument of the call.
     *
     * @param sqlType the parameter's type, which the value is cast to
     * @param kind    the parameter type's {@code typtype} ({@code p}: polymorphic, not cast)
     * @param text    the value as PostgreSQL reads it, {@code null} for SQL NULL
     * @param shown   the value as the report shows it
     */
    record Argument(String sqlType, char kind, String text, JsonNode shown) {
    }

    /** No valid input could be generated, and why. */
    static final class NoInput extends Exception {

        private static final long serialVersionUID = 1L;

        NoInput(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> TEXT = Set.of("text", "character varying", "character", "citext", "name");
    private static final Set<String> INTEGERS = Set.of("integer", "bigint", "smallint");
    private static final Set<String> DECIMALS = Set.of("numeric", "real", "double precision");
    private static final Map<String, String> TEMPORAL = Map.of(
            "timestamp with time zone", "2026-01-01T12:00:00Z",
            "timestamp without time zone", "2026-01-01T12:00:00",
            "date", "2026-01-01",
            "time without time zone", "12:00:00",
            "time with time zone", "12:00:00+00");
    private static final Map<String, String> TEMPORAL_SCALARS = Map.of(
            "DateTime", "2026-01-01T12:00:00Z", "Date", "2026-01-01", "Time", "12:00:00");

    /** The table a single-column foreign key references, as {@code regclass} prints it on the search path. */
    private static final String FOREIGN_KEY = """
            SELECT c.confrelid::regclass::text FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.conrelid = to_regclass(?) AND a.attname = ?""";

    private final Connection connection;
    private final GraphqlSchema schema;
    private final ContractOptions options;
    private final ShapeInference inference;
    private final TypeBindings bindings;
    private final Map<String, Optional<String>> firstIds = new HashMap<>();

    MutationInputs(Connection connection, GraphqlSchema schema, ContractOptions options, ShapeInference inference,
            TypeBindings bindings) {
        this.connection = connection;
        this.schema = schema;
        this.options = options;
        this.inference = inference;
        this.bindings = bindings;
    }

    /**
     * The arguments of one call, in parameter order.
     *
     * @param entity the mutation's entity type, if known: its table and fields resolve references and enums
     * @param tag    the prefix of the call's strings, unique to it
     */
    List<Argument> arguments(MutationSamples.Target target, Optional<ObjectTypeDefinition> entity, String tag)
            throws NoInput {
        Hint hint = new Hint(entity, tag);
        List<Argument> arguments = new ArrayList<>();
        for (int i = 0; i < target.passed().size(); i++) {
            MutationChecker.Passed passed = target.passed().get(i);
            SqlFunctions.Column parameter = target.function().inputs().get(i);
            if (!passed.context() && passed.type().isEmpty()) {
                JsonNode input = input(target.field(), hint);
                arguments.add(new Argument(parameter.type(), parameter.kind(), input.toString(), input));
            } else {
                arguments.add(sql(parameter, passed.label(), passed.type(), hint));
            }
        }
        return arguments;
    }

    /** What the generation knows of the mutation: its entity type, if any, and the call's string prefix. */
    private record Hint(Optional<ObjectTypeDefinition> entity, String tag) {

        Optional<String> table() {
            return entity.map(e -> "tb_" + FieldNaming.snakeCase(e.getName()));
        }
    }

    /** The jsonb input: the one input object argument, else an object of the required arguments. */
    private JsonNode input(FieldDefinition field, Hint hint) throws NoInput {
        List<InputValueDefinition> arguments = field.getInputValueDefinitions();
        if (arguments.size() == 1 && schema.registry().getTypeOrNull(Sdl.typeName(arguments.get(0).getType()))
                instanceof InputObjectTypeDefinition input && !(unwrapNonNull(arguments.get(0).getType())
                        instanceof ListType)) {
            return object(input.getInputValueDefinitions(), hint, 0);
        }
        return object(arguments, hint, 0);
    }

    private ObjectNode object(List<InputValueDefinition> fields, Hint hint, int depth) throws NoInput {
        ObjectNode object = JSON.objectNode();
        for (InputValueDefinition field : fields) {
            if (field.getType() instanceof NonNullType && field.getDefaultValue() == null) {
                object.set(options.naming().keysFor(field.getName()).get(0), json(field.getType(), field.getName(),
                        hint, depth));
            }
        }
        return object;
    }

    private JsonNode json(Type<?> type, String name, Hint hint, int depth) throws NoInput {
        Type<?> inner = unwrapNonNull(type);
        if (inner instanceof ListType) {
            return JSON.arrayNode();
        }
        String typeName = Sdl.typeName(inner);
        TypeDefinition<?> definition = schema.registry().getTypeOrNull(typeName);
        if (definition instanceof InputObjectTypeDefinition input) {
            if (depth > 8) {
                throw new NoInput("the required input " + typeName + " nests itself");
            }
            return object(input.getInputValueDefinitions(), hint, depth + 1);
        }
        if (definition instanceof EnumTypeDefinition enumType) {
            return JSON.textNode(enumValue(enumType, name, hint));
        }
        if (TEMPORAL_SCALARS.containsKey(typeName)) {
            return JSON.textNode(TEMPORAL_SCALARS.get(typeName));
        }
        return switch (typeName) {
            case "Int" -> JSON.numberNode(1);
            case "Float" -> JSON.numberNode(1.5);
            case "Boolean" -> JSON.booleanNode(false);
            case "ID", "UUID" -> JSON.textNode(uuid(name, hint));
            default -> {
                if (typeName.toUpperCase(Locale.ROOT).startsWith("JSON")) {
                    yield JSON.objectNode();
                }
                Optional<Set<String>> sqlTypes = options.acceptedSqlTypes(typeName);
                if (sqlTypes.isPresent() && sqlTypes.get().stream().anyMatch(DECIMALS::contains)) {
                    yield JSON.numberNode(1);
                }
                yield JSON.textNode(text(name, hint));
            }
        };
    }

    /** A flattened argument or a context parameter, by its SQL type (and its GraphQL type, when it has one). */
    private Argument sql(SqlFunctions.Column parameter, String name, Optional<Type<?>> graphql, Hint hint)
            throws NoInput {
        String type = parameter.type();
        if (graphql.isPresent() && !(graphql.get() instanceof NonNullType)) {
            return new Argument(type, parameter.kind(), null, JSON.nullNode());
        }
        if (type.endsWith("[]")) {
            return new Argument(type, parameter.kind(), "{}", JSON.arrayNode());
        }
        if (parameter.kind() == 'e') {
            List<String> labels = inference.enumLabels(type).orElse(List.of());
            if (labels.isEmpty()) {
                throw new NoInput(describe(parameter) + " is an enum without labels");
            }
            return text(parameter, labels.get(0));
        }
        if (graphql.isPresent() && schema.registry().getTypeOrNull(Sdl.typeName(graphql.get()))
                instanceof EnumTypeDefinition enumType) {
            return text(parameter, enumValue(enumType, name, hint));
        }
        if (type.equals("uuid")) {
            return text(parameter, uuid(name, hint));
        }
        if (TEXT.contains(type)) {
            return text(parameter, graphql.map(t -> Sdl.typeName(t).equals("ID")).orElse(false)
                    ? uuid(name, hint) : text(name, hint));
        }
        if (INTEGERS.contains(type)) {
            return new Argument(type, parameter.kind(), "1", JSON.numberNode(1));
        }
        if (DECIMALS.contains(type)) {
            return new Argument(type, parameter.kind(), "1.5", JSON.numberNode(1.5));
        }
        if (type.equals("boolean")) {
            return new Argument(type, parameter.kind(), "false", JSON.booleanNode(false));
        }
        if (TEMPORAL.containsKey(type)) {
            return text(parameter, TEMPORAL.get(type));
        }
        if (graphql.isPresent()) {
            JsonNode value = json(graphql.get(), name, hint, 0);
            return new Argument(type, parameter.kind(), value.isTextual() ? value.textValue() : value.toString(),
                    value);
        }
        if (type.equals("jsonb") || type.equals("json")) {
            return new Argument(type, parameter.kind(), "{}", JSON.objectNode());
        }
        throw new NoInput("no value is generated for " + describe(parameter));
    }

    private static Argument text(SqlFunctions.Column parameter, String value) {
        return new Argument(parameter.type(), parameter.kind(), value, JSON.textNode(value));
    }

    private static String describe(SqlFunctions.Column parameter) {
        return "parameter " + parameter.describe();
    }

    /** A string for a field: a value its column's CHECK allows, an address, a URL, or the call's tag and the name. */
    private String text(String name, Hint hint) {
        String bare = MutationChecker.bareName(FieldNaming.snakeCase(name));
        Optional<List<String>> allowed = hint.table().flatMap(t -> inference.allowedValues(t + "." + bare));
        if (allowed.isPresent()) {
            return allowed.get().get(0);
        }
        if (bare.contains("email")) {
            return hint.tag() + "@example.com";
        }
        if (bare.contains("url") || bare.contains("website") || bare.contains("link")) {
            return "https://example.com/" + hint.tag();
        }
        return hint.tag() + "-" + bare.replace('_', '-');
    }

    /** A GraphQL enum value as the SQL column of the same name spells it, when one of its labels matches. */
    private String enumValue(EnumTypeDefinition type, String name, Hint hint) {
        String bare = MutationChecker.bareName(FieldNaming.snakeCase(name));
        List<String> labels = hint.table().flatMap(t -> inference.columnTypes(t).map(c -> c.get(bare))
                .flatMap(inference::enumLabels).or(() -> inference.allowedValues(t + "." + bare)))
                .orElse(List.of());
        for (EnumValueDefinition value : type.getEnumValueDefinitions()) {
            for (String label : labels) {
                if (label.equalsIgnoreCase(value.getName())) {
                    return label;
                }
            }
        }
        return type.getEnumValueDefinitions().isEmpty() ? "" : type.getEnumValueDefinitions().get(0).getName();
    }

    /** The first id of the relation a reference names, else a UUID derived from the call and the name. */
    private String uuid(String name, Hint hint) throws NoInput {
        List<String> relations = new ArrayList<>(referenced(name, hint));
        foreignKey(name, hint).ifPresent(relations::add);
        for (String relation : relations) {
            if (inference.columns(relation).map(c -> c.contains("id")).orElse(false)) {
                return firstId(relation).orElseThrow(() -> new NoInput(name + " references " + relation
                        + ", which has no rows"));
            }
        }
        return UUID.nameUUIDFromBytes((hint.tag() + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The relations a UUID named {@code name} may reference, most likely first; none when it names no entity. */
    private List<String> referenced(String name, Hint hint) {
        String bare = MutationChecker.bareName(FieldNaming.snakeCase(name));
        List<String> relations = new ArrayList<>();
        if (bare.equals("id")) {
            hint.entity().flatMap(e -> bindings.of(e.getName())).ifPresent(b -> relations.add(b.view()));
            hint.table().ifPresent(relations::add);
            return relations;
        }
        String stem = bare.endsWith("_id") ? bare.substring(0, bare.length() - 3)
                : bare.startsWith("fk_") ? bare.substring(3) : "";
        if (stem.isEmpty()) {
            return relations;
        }
        relations.addAll(List.of("tb_" + stem, "v_" + stem, "tv_" + stem, stem));
        hint.entity().ifPresent(entity -> entity.getFieldDefinitions().stream()
                .filter(f -> FieldNaming.snakeCase(f.getName()).equals(stem))
                .map(f -> schema.registry().getTypeOrNull(Sdl.typeName(f.getType())))
                .filter(ObjectTypeDefinition.class::isInstance).findFirst()
                .ifPresent(type -> {
                    bindings.of(type.getName()).ifPresent(b -> relations.add(b.view()));
                    relations.add("tb_" + FieldNaming.snakeCase(type.getName()));
                }));
        return relations;
    }

    /** The table the entity table's {@code fk_<stem>} column references ({@code fk_author} → {@code tb_user}). */
    private Optional<String> foreignKey(String name, Hint hint) throws NoInput {
        String bare = MutationChecker.bareName(FieldNaming.snakeCase(name));
        String stem = bare.endsWith("_id") ? bare.substring(0, bare.length() - 3)
                : bare.startsWith("fk_") ? bare.substring(3) : "";
        if (stem.isEmpty() || hint.table().isEmpty() || !inference.exists(hint.table().get())) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement(FOREIGN_KEY)) {
            statement.setString(1, hint.table().get());
            statement.setString(2, "fk_" + stem);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new NoInput("reading the foreign key of " + hint.table().get() + ".fk_" + stem + " failed: "
                    + e.getMessage());
        }
    }

    private Optional<String> firstId(String relation) throws NoInput {
        if (!firstIds.containsKey(relation)) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id::text FROM "
                    + quote(relation) + " WHERE id IS NOT NULL ORDER BY id LIMIT 1");
                    ResultSet rows = statement.executeQuery()) {
                firstIds.put(relation, rows.next() ? Optional.of(rows.getString(1)) : Optional.empty());
            } catch (SQLException e) {
                throw new NoInput("reading an id of " + relation + " failed: " + e.getMessage());
            }
        }
        return firstIds.get(relation);
    }

    private static String quote(String relation) {
        StringBuilder quoted = new StringBuilder();
        for (String part : relation.split("\\.", 2)) {
            quoted.append(quoted.length() == 0 ? "" : ".").append('"').append(part.replace("\"", "\"\"")).append('"');
        }
        return quoted.toString();
    }

    private static Type<?> unwrapNonNull(Type<?> type) {
        return type instanceof NonNullType nonNull ? nonNull.getType() : type;
    }
}
