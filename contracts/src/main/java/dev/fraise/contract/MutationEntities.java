package dev.fraise.contract;

import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.inference.FunctionColumn;
import dev.fraise.inference.ShapeInference;
import dev.fraise.shape.NullShape;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.UnknownShape;
import dev.fraise.shape.ViewShape;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, statically, the entity a mutation function returns ({@code mutation_response.entity}, v1's legacy
 * {@code object_data}) against the payload's entity field when that field has an object type: the expressions of
 * the function body that build the entity are analysed by PostgreSQL ({@link ShapeInference#returned}) and the
 * entity type is checked against their shape like a type against its view. A mismatch has the usual code
 * ({@code FIELD_MISSING}, {@code FIELD_NULLABLE}…) at {@code Mutation.createPost → entity.author.name}; an
 * entity that cannot be analysed is {@code MUTATION_ENTITY_UNKNOWN}.
 */
final class MutationEntities {

    private static final List<String> ENTITY_COLUMNS = List.of("entity", "object_data");
    /** The codes of a value that may be NULL or absent. */
    private static final Set<FindingCode> NULLABILITY = Set.of(FindingCode.FIELD_NULLABLE,
            FindingCode.FIELD_MAY_BE_JSON_NULL, FindingCode.LIST_ITEM_NULLABLE);
    /** Columns whose field marks a payload as a mutation result (not an entity type returned as is). */
    private static final List<String> RESPONSE_FIELDS = List.of("status", "message", "succeeded");

    private final GraphqlSchema schema;
    private final ContractOptions options;
    private final ShapeInference inference;
    private final TypeChecker roots;
    private final Set<String> fieldsChecked = new HashSet<>();

    /** {@code roots}: the types' checker, whose root pairs an entity reaches without walking them again. */
    MutationEntities(GraphqlSchema schema, ContractOptions options, ShapeInference inference, TypeChecker roots) {
        this.schema = schema;
        this.options = options;
        this.inference = inference;
        this.roots = roots;
    }

    /** The entity type's fields ({@code Type.field}) compared with an analysed entity. */
    Set<String> fieldsChecked() {
        return Set.copyOf(fieldsChecked);
    }

    /** The findings of the entity {@code function} returns for the Mutation field {@code path}. */
    List<Finding> check(String path, FieldDefinition field, SqlFunctions.Function function) {
        List<Finding> findings = new ArrayList<>();
        List<SqlFunctions.Column> columns = function.resultColumns();
        int position = -1;
        String column = null;
        for (String candidate : ENTITY_COLUMNS) {
            for (int i = 0; i < columns.size() && position < 0; i++) {
                if (columns.get(i).name().equals(candidate)) {
                    position = i + 1;
                    column = candidate;
                }
            }
        }
        Optional<ObjectTypeDefinition> payload = payload(field.getType());
        if (position < 0 || payload.isEmpty()) {
            return findings;
        }
        Optional<FieldDefinition> entityField = entityField(payload.get(), column);
        if (entityField.isEmpty()) {
            return findings;
        }
        ImplementingTypeDefinition<?> entityType = (ImplementingTypeDefinition<?>) schema.registry()
                .getTypeOrNull(Sdl.typeName(entityField.get().getType()));
        ViewShape shape = inference.returned(new FunctionColumn(function.schema(), function.name(),
                function.inputs().stream().map(SqlFunctions.Column::type).toList(), column, position));
        String at = path + " → " + entityField.get().getName();
        String notChecked = "the " + column + " " + function.name() + " returns is not analysed, so "
                + payload.get().getName() + "." + entityField.get().getName() + " (" + entityType.getName()
                + ") is not checked: ";
        if (shape.data() instanceof UnknownShape unknown) {
            findings.add(unknown(path, field, function, column, notChecked + unknown.reason()));
            return findings;
        }
        if (shape.data() instanceof NullShape) {
            findings.add(unknown(path, field, function, column, notChecked + "every return analysed builds a NULL "
                    + column + " (a failure)"));
            return findings;
        }
        TypeChecker checker = roots.sharingRoots();
        if (checker.reachedRoot(entityType, shape.data(), at)) {
            entityType.getFieldDefinitions().forEach(f -> fieldsChecked.add(entityType.getName() + "." + f.getName()));
            return findings;
        }
        checker.checkRoot(entityType, shape.data(), Nullability.nonNull("the entity of a successful mutation"),
                sourceView(shape).orElse(function.name()), at);
        fieldsChecked.addAll(checker.fieldsChecked());
        List<String> fromInputs = new ArrayList<>();
        for (Finding finding : checker.findings()) {
            String rest = finding.path().substring(entityType.getName().length());
            if (NULLABILITY.contains(finding.code()) && fromInputs(finding.provenance())) {
                fromInputs.add(entityField.get().getName() + rest);
                continue;
            }
            findings.add(new Finding(finding.code(), at + rest, finding.graphqlType(), finding.field(),
                    finding.sdlLocation(), function.name(), "$." + column + finding.jsonPath().substring(1),
                    finding.message() + " (the " + column + " " + function.name() + " returns)",
                    finding.provenance().isEmpty() ? shape.origin() : finding.provenance(), Optional.empty()));
        }
        if (!fromInputs.isEmpty()) {
            findings.add(unknown(path, field, function, column, "the nullability of " + String.join(", ", fromInputs)
                    + " in the " + column + " " + function.name() + " returns comes from its parameters or variables,"
                    + " which the GraphQL input and the function's control flow decide: not checked statically"
                    + " (sample mode calls the function)"));
        }
        return findings;
    }

    /** The view whose {@code data} the entity is, as it is (read into a variable, passed through a helper). */
    private Optional<String> sourceView(ViewShape entity) {
        String view = entity.data().provenance().view();
        return Optional.of(view).filter(v -> inference.columns(v).filter(c -> c.contains("data")).isPresent())
                .filter(v -> inference.infer(v).data() == entity.data());
    }

    /**
     * Whether a nullability comes from a parameter or a variable of the function: GraphQL validates the input
     * before the call, and variables are read without their control flow, so such a NULL is no proven drift.
     */
    private static boolean fromInputs(String provenance) {
        return provenance.startsWith("nullable: parameter ") || provenance.startsWith("nullable: variable ")
                || provenance.contains("may be absent: parameter ") || provenance.contains("may be absent: variable ");
    }

    private Finding unknown(String path, FieldDefinition field, SqlFunctions.Function function, String column,
            String message) {
        return new Finding(FindingCode.MUTATION_ENTITY_UNKNOWN, path, path.substring(0, path.indexOf('.')),
                Optional.of(field.getName()), schema.locate(field), function.name(), "$." + column, message,
                function.signature(), Optional.empty());
    }

    /** The payload type, or the success member ({@code …Success}) of a union payload. */
    private Optional<ObjectTypeDefinition> payload(Type<?> type) {
        TypeDefinition<?> definition = schema.registry().getTypeOrNull(Sdl.typeName(type));
        if (definition instanceof UnionTypeDefinition union) {
            return union.getMemberTypes().stream().map(t -> ((TypeName) t).getName())
                    .filter(name -> name.endsWith("Success")).findFirst()
                    .map(name -> schema.registry().getTypeOrNull(name))
                    .filter(ObjectTypeDefinition.class::isInstance).map(ObjectTypeDefinition.class::cast);
        }
        return Optional.ofNullable(definition).filter(ObjectTypeDefinition.class::isInstance)
                .map(ObjectTypeDefinition.class::cast);
    }

    /**
     * The payload field that carries the entity, when it has an object type: the field reading the column
     * ({@code entity}, {@code objectData}), else, in a result type (one with a {@code status}, {@code message} or
     * {@code succeeded} field), its only field of an object type (v1's {@code post: Post!} in a success type).
     */
    private Optional<FieldDefinition> entityField(ObjectTypeDefinition payload, String column) {
        List<FieldDefinition> objects = payload.getFieldDefinitions().stream()
                .filter(f -> schema.registry().getTypeOrNull(Sdl.typeName(f.getType()))
                        instanceof ImplementingTypeDefinition<?>).toList();
        Optional<FieldDefinition> named = payload.getFieldDefinitions().stream()
                .filter(f -> options.naming().keysFor(f.getName()).contains(column)).findFirst();
        if (named.isPresent()) {
            return named.filter(objects::contains);
        }
        boolean response = payload.getFieldDefinitions().stream().anyMatch(f -> RESPONSE_FIELDS.stream()
                .anyMatch(name -> options.naming().keysFor(f.getName()).contains(name)));
        return response && objects.size() == 1 ? Optional.of(objects.get(0)) : Optional.empty();
    }
}
