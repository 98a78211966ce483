package dev.fraise.contract;

import dev.fraise.graphql.GraphqlSchema;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a mutation function returns as FraiseQL reads it: the profile's {@code mutation_response} (v2 by position;
 * v1 by column name, the legacy 6-tuple too), and the payload type FraiseQL builds from its columns.
 */
final class MutationResponses {

    /** Records one finding of the mutation being checked. */
    @FunctionalInterface
    interface Report {
        void add(FindingCode code, String jsonPath, String message, String provenance);
    }

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


    private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "character", "name", "citext");

    private final GraphqlSchema schema;
    private final ContractOptions options;

    MutationResponses(GraphqlSchema schema, ContractOptions options) {
        this.schema = schema;
        this.options = options;
    }

    private MutationProfile profile() {
        return options.cqrs().mutationProfile();
    }

    private static boolean isJson(String sqlType) {
        return sqlType.equals("jsonb") || sqlType.equals("json");
    }

    private static Type<?> unwrapNonNull(Type<?> type) {
        return type instanceof NonNullType nonNull ? nonNull.getType() : type;
    }

    /**
     * FraiseQL builds the payload from the result's columns, by name: each scalar field of the payload type reads
     * the column named after it ({@code updatedFields} ← {@code updated_fields}), of a type that can carry its
     * value. Object fields are the entity ({@code entity}, v1's {@code object_data}); the lists and objects are not
     * compared here.
     */
    Set<String> checkPayload(FieldDefinition field, SqlFunctions.Function function, Report report) {
        Set<String> checked = new HashSet<>();
        if (!(schema.registry().getTypeOrNull(Sdl.typeName(field.getType())) instanceof ObjectTypeDefinition payload)) {
            return checked;
        }
        Map<String, SqlFunctions.Column> columns = new LinkedHashMap<>();
        function.resultColumns().forEach(c -> columns.put(c.name(), c));
        for (FieldDefinition payloadField : payload.getFieldDefinitions()) {
            Type<?> type = unwrapNonNull(payloadField.getType());
            String name = Sdl.typeName(type);
            if (schema.registry().getTypeOrNull(name) instanceof ImplementingTypeDefinition<?>
                    || schema.registry().getTypeOrNull(name) instanceof UnionTypeDefinition) {
                continue;
            }
            String fieldPath = payload.getName() + "." + payloadField.getName();
            Optional<SqlFunctions.Column> column = options.naming().keysFor(payloadField.getName()).stream()
                    .map(columns::get).filter(Objects::nonNull).findFirst();
            if (column.isEmpty()) {
                report.add(FindingCode.MUTATION_RETURN_SHAPE, "$." + payloadField.getName(),
                        fieldPath + " reads column " + options.naming().keysFor(payloadField.getName()).get(0) + ", which "
                                + function.name() + "'s result does not have", "columns: " + String.join(", ",
                                columns.keySet()));
                continue;
            }
            checked.add(fieldPath);
            if (!carries(type, column.get().type(), column.get().kind())) {
                report.add(FindingCode.MUTATION_RETURN_SHAPE, "$." + payloadField.getName(),
                        fieldPath + " is " + Sdl.render(payloadField.getType()) + " but " + function.name()
                                + "'s result column " + column.get().describe() + " cannot carry it",
                        function.signature());
            }
        }
        return checked;
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
            return kind == 'e' || TEXT_TYPES.contains(sqlType);
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

    /** The columns of the profile's {@code mutation_response}. */
    List<SqlFunctions.Column> expected() {
        return profile() == MutationProfile.V1 ? V1_RESPONSE : V2_RESPONSE;
    }

    /** The first column where the result differs from the profile's {@code mutation_response}. */
    void check(SqlFunctions.Function function, Report report) {
        if (profile() == MutationProfile.V1) {
            checkV1(function, report);
            return;
        }
        List<SqlFunctions.Column> expected = expected();
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
                report.add(FindingCode.MUTATION_RETURN_SHAPE, "$", function.name()
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
    private void checkV1(SqlFunctions.Function function, Report report) {
        Map<String, SqlFunctions.Column> actual = new LinkedHashMap<>();
        function.resultColumns().forEach(c -> actual.put(c.name(), c));
        boolean legacy = actual.containsKey("object_data") && !actual.containsKey("entity");
        List<SqlFunctions.Column> expected = legacy ? V1_LEGACY_RESPONSE : V1_RESPONSE;
        String response = legacy ? "the v1 legacy result (id, updated_fields, status, message, object_data,"
                + " extra_metadata)" : "the V1 mutation_response";
        for (String required : legacy ? List.of("status", "object_data") : List.of("status", "entity")) {
            if (!actual.containsKey(required)) {
                report.add(FindingCode.MUTATION_RETURN_SHAPE, "$", function.name()
                        + "'s result has no " + required + " column, which " + response + " needs ("
                        + expected.stream().filter(c -> c.name().equals(required)).findFirst().orElseThrow().describe()
                        + ")", function.signature());
                return;
            }
        }
        for (SqlFunctions.Column column : expected) {
            SqlFunctions.Column found = actual.get(column.name());
            if (found != null && !sameColumn(column, found)) {
                report.add(FindingCode.MUTATION_RETURN_SHAPE, "$", function.name()
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


    private static List<SqlFunctions.Column> columns(String... definitions) {
        List<SqlFunctions.Column> columns = new ArrayList<>();
        for (String definition : definitions) {
            int space = definition.indexOf(' ');
            columns.add(new SqlFunctions.Column(definition.substring(0, space), definition.substring(space + 1), ' '));
        }
        return List.copyOf(columns);
    }
}
