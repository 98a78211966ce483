package dev.fraise.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.inference.ShapeInference;
import dev.fraise.sample.ShapeConformance;
import dev.fraise.sample.Violation;
import dev.fraise.sample.ViolationKind;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.Provenance;
import dev.fraise.shape.Shape;
import dev.fraise.shape.UnknownShape;
import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sample mode for mutations: calls each Mutation field's function once with a generated valid input
 * ({@link MutationInputs}) in a transaction that is always rolled back ({@link MutationCall}), and checks the
 * entity it returns ({@code entity}, v1's legacy {@code object_data}) against the payload's entity type, as sampled
 * rows are checked against their type. Findings name the call, the returned status and the first mismatch:
 * {@code MUTATION_SAMPLE_ENTITY_MISMATCH}, {@code MUTATION_SAMPLE_FAILED} (it raised or returned a failure status),
 * {@code MUTATION_SAMPLE_SKIPPED} (no valid input). The entity type is the payload's object-typed field
 * ({@code entity: Post}, v1's {@code post: Post!} of a success type), the payload itself when it reads no
 * {@code mutation_response} column (FraiseQL v2's {@code createPost: Post}), else the type the returned
 * {@code entity_type} names.
 */
final class MutationSamples {

    /** A Mutation field whose function the profile's call reaches: what is called, with what. */
    record Target(String path, FieldDefinition field, SqlFunctions.Function function,
            List<MutationChecker.Passed> passed) {
    }

    /**
     * What the entity is checked against.
     *
     * @param type    the entity's GraphQL type, empty when only the returned {@code entity_type} can name it
     * @param nonNull whether the payload declares the entity non-null
     */
    private record Entity(Optional<ObjectTypeDefinition> type, boolean nonNull) {
    }

    /** Columns of the {@code mutation_response} profiles; a payload reading none of them is the entity itself. */
    private static final Set<String> RESPONSE_COLUMNS = Set.of("status", "succeeded", "state_changed", "error_class",
            "status_detail", "http_status", "message", "entity_id", "entity_type", "entity", "updated_fields",
            "cascade", "error_detail", "metadata", "object_data", "extra_metadata");
    /** FraiseQL v1's failure prefixes of {@code status}. */
    private static final List<String> FAILURES = List.of("failed", "unauthorized", "forbidden", "not_found",
            "conflict", "timeout");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Connection connection;
    private final GraphqlSchema schema;
    private final ContractOptions options;
    private final ShapeInference inference;
    private final TypeBindings bindings;
    private final MutationInputs inputs;
    private final List<Finding> findings = new ArrayList<>();

    MutationSamples(Connection connection, GraphqlSchema schema, ContractOptions options, ShapeInference inference,
            TypeBindings bindings) {
        this.connection = connection;
        this.schema = schema;
        this.options = options;
        this.inference = inference;
        this.bindings = bindings;
        this.inputs = new MutationInputs(connection, schema, options, inference, bindings);
    }

    /** Calls every target that returns a {@code mutation_response} with an entity column, in order. */
    List<Finding> check(List<Target> targets) {
        int call = 0;
        for (Target target : targets) {
            Optional<String> entityColumn = entityColumn(target.function());
            if (entityColumn.isPresent()) {
                sample(target, entityColumn.get(), ++call);
            }
        }
        return findings;
    }

    /**
     * The static mutation findings followed by the sampled ones, except that a sampled mismatch the static check
     * already reports (an error of the same Mutation field at the same JSON path) is not repeated: the static
     * finding says the call confirmed it.
     */
    static List<Finding> mergeWithStatic(List<Finding> statics, List<Finding> samples) {
        List<Finding> merged = new ArrayList<>(statics);
        for (Finding sample : samples) {
            int known = -1;
            boolean mismatch = sample.code() == FindingCode.MUTATION_SAMPLE_ENTITY_MISMATCH;
            for (int i = 0; i < merged.size() && known < 0 && mismatch; i++) {
                Finding f = merged.get(i);
                if (f.severity() == Severity.ERROR && f.jsonPath().equals(sample.jsonPath())
                        && (f.path().equals(sample.path()) || f.path().startsWith(sample.path() + " "))) {
                    known = i;
                }
            }
            if (known < 0) {
                merged.add(sample);
                continue;
            }
            Finding f = merged.get(known);
            merged.set(known, new Finding(f.code(), f.path(), f.graphqlType(), f.field(), f.sdlLocation(), f.view(),
                    f.jsonPath(), f.message(), (f.provenance().isEmpty() ? "" : f.provenance() + "; ")
                    + "confirmed by a sample call: " + sample.message(), f.suppressed(), f.severity()));
        }
        return merged;
    }

    /** {@code entity} (or the legacy {@code object_data}) of a composite result; none for rows of a view or jsonb. */
    private static Optional<String> entityColumn(SqlFunctions.Function function) {
        if (function.returnRelation().isPresent() && function.relationKind() != 'c') {
            return Optional.empty();
        }
        Set<String> columns = function.resultColumns().stream().map(SqlFunctions.Column::name)
                .collect(Collectors.toSet());
        boolean hasStatus = columns.contains("status") || columns.contains("succeeded");
        return !hasStatus ? Optional.empty() : columns.contains("entity") ? Optional.of("entity")
                : columns.contains("object_data") ? Optional.of("object_data") : Optional.empty();
    }

    private void sample(Target target, String entityColumn, int call) {
        Entity entity = entity(target.field());
        Optional<ObjectTypeDefinition> hint = entity.type().or(() -> namedBy(target.field()));
        MutationCall.Outcome outcome = MutationCall.run(connection, options.inference().schemas(), target.function(),
                () -> inputs.arguments(target, hint, "fraise-sample-" + call));
        if (outcome instanceof MutationCall.NoInput skipped) {
            add(FindingCode.MUTATION_SAMPLE_SKIPPED, target, "$", target.path() + " was not sampled: "
                    + skipped.reason(), "no valid input for " + target.function().signature());
        } else if (outcome instanceof MutationCall.Raised raised) {
            add(FindingCode.MUTATION_SAMPLE_FAILED, target, "$", target.function().name() + " raised "
                    + raised.sqlState() + " (" + raised.message() + ") when called with " + raised.call(),
                    "SQLSTATE " + raised.sqlState() + "; rolled back");
        } else if (outcome instanceof MutationCall.Returned returned && returned.row().isEmpty()) {
            add(FindingCode.MUTATION_SAMPLE_FAILED, target, "$", target.function().name()
                    + " returned no row when called with " + returned.call(), target.function().signature());
        } else if (outcome instanceof MutationCall.Returned returned) {
            checkResult(target, entityColumn, entity, returned.row().get(), returned.call());
        }
    }

    private void checkResult(Target target, String entityColumn, Entity entity, Map<String, String> row,
            String shown) {
        boolean v2 = row.containsKey("succeeded");
        String status = v2 ? v2Status(row) : "status '" + row.get("status") + "'";
        String message = Optional.ofNullable(row.get("message")).map(m -> " (" + m + ")").orElse("");
        if (failed(row, v2)) {
            add(FindingCode.MUTATION_SAMPLE_FAILED, target, "$", target.function().name() + " returned "
                    + status + message + " when called with " + shown, "the generated input was refused");
            return;
        }
        Optional<ObjectTypeDefinition> type = entity.type().or(() -> Optional.ofNullable(row.get("entity_type"))
                .map(name -> schema.registry().getTypeOrNull(name)).filter(ObjectTypeDefinition.class::isInstance)
                .map(ObjectTypeDefinition.class::cast));
        if (type.isEmpty()) {
            return;
        }
        JsonNode value;
        try {
            value = row.get(entityColumn) == null ? null : JSON.readTree(row.get(entityColumn));
        } catch (JsonProcessingException e) {
            throw new FraiseException(ErrorCode.SAMPLE_QUERY_FAILED, target.function().name() + "'s "
                    + entityColumn + " is not valid JSON: " + e.getMessage(), null, e);
        }
        boolean noop = !v2 && String.valueOf(row.get("status")).startsWith("noop");
        if (value == null && (noop || !entity.nonNull())) {
            return;
        }
        ExpectedShapes shapes = new ExpectedShapes(schema.registry(), options.naming());
        Shape expected = shapes.of(type.get(), inferred(type.get()), 0);
        Nullability nullability = entity.nonNull() ? Nullability.nonNull("the payload's entity is non-null")
                : Nullability.nullable("the payload's entity is nullable");
        List<Violation> violations = ShapeConformance.violations(target.function().name(),
                shapes.align(value, expected), expected, nullability).stream()
                .filter(v -> v.kind() != ViolationKind.UNEXPECTED_KEY).toList();
        if (violations.isEmpty()) {
            return;
        }
        SampleFindings.Defect defect = SampleFindings.locate(type.get(), violations.get(0), expected, shapes, schema);
        String jsonPath = "$." + entityColumn + violations.get(0).jsonPath().substring(1);
        String what = defect.field().isEmpty() ? "the entity is null but the payload declares it non-null"
                : SampleFindings.describe(defect);
        add(FindingCode.MUTATION_SAMPLE_ENTITY_MISMATCH, target, jsonPath, target.function().name()
                + " returned " + status + " and an entity that " + type.get().getName() + " does not accept: "
                + what + " at " + jsonPath + "; call: " + shown, violations.get(0).kind()
                + (violations.size() > 1 ? "; " + (violations.size() - 1) + " more mismatch"
                        + (violations.size() > 2 ? "es" : "") + " in the same entity" : ""));
    }

    /** The type's view shape, for the keys it already uses; unknown when the type has no view. */
    private Shape inferred(ObjectTypeDefinition type) {
        return bindings.of(type.getName()).filter(b -> inference.exists(b.view()))
                .map(b -> inference.infer(b.view(), b.column()).data())
                .orElseGet(() -> new UnknownShape("a mutation's entity", new Provenance("GraphQL", type.getName(),
                        type.getName())));
    }

    private static boolean failed(Map<String, String> row, boolean v2) {
        if (v2) {
            return !"t".equals(row.get("succeeded"));
        }
        String status = String.valueOf(row.get("status")).toLowerCase(java.util.Locale.ROOT);
        return row.get("status") == null || FAILURES.stream().anyMatch(f -> status.equals(f)
                || status.startsWith(f + ":"));
    }

    private static String v2Status(Map<String, String> row) {
        boolean succeeded = "t".equals(row.get("succeeded"));
        List<String> parts = new ArrayList<>();
        parts.add("succeeded=" + succeeded);
        if (!succeeded) {
            parts.add("error_class " + row.get("error_class"));
        }
        Optional.ofNullable(row.get("status_detail")).ifPresent(d -> parts.add("status_detail '" + d + "'"));
        return String.join(", ", parts);
    }

    /**
     * The entity type of a payload: its object-typed field ({@code entity} preferred), in a union the first member
     * with one that is not an error type; the payload itself when it reads no response column.
     */
    private Entity entity(FieldDefinition field) {
        TypeDefinition<?> payload = schema.registry().getTypeOrNull(Sdl.typeName(field.getType()));
        List<ObjectTypeDefinition> candidates = new ArrayList<>();
        if (payload instanceof ObjectTypeDefinition object) {
            candidates.add(object);
        } else if (payload instanceof UnionTypeDefinition union) {
            union.getMemberTypes().stream().map(t -> schema.registry().getTypeOrNull(Sdl.typeName(t)))
                    .filter(ObjectTypeDefinition.class::isInstance).map(ObjectTypeDefinition.class::cast)
                    .filter(t -> !t.getName().endsWith("Error")).forEach(candidates::add);
        }
        for (ObjectTypeDefinition candidate : candidates) {
            Optional<FieldDefinition> entityField = candidate.getFieldDefinitions().stream()
                    .filter(f -> objectType(f.getType()).isPresent())
                    .sorted((a, b) -> Boolean.compare(!isEntityName(a), !isEntityName(b))).findFirst();
            if (entityField.isPresent()) {
                return new Entity(objectType(entityField.get().getType()),
                        entityField.get().getType() instanceof NonNullType);
            }
        }
        boolean list = (field.getType() instanceof NonNullType nonNull ? nonNull.getType() : field.getType())
                instanceof ListType;
        if (!list && payload instanceof ObjectTypeDefinition object && object.getFieldDefinitions().stream()
                .noneMatch(f -> options.naming().keysFor(f.getName()).stream().anyMatch(RESPONSE_COLUMNS::contains))) {
            return new Entity(Optional.of(object), field.getType() instanceof NonNullType);
        }
        return new Entity(Optional.empty(), false);
    }

    private boolean isEntityName(FieldDefinition field) {
        return options.naming().keysFor(field.getName()).stream().anyMatch(k -> k.equals("entity")
                || k.equals("object_data"));
    }

    /** The object type of a field that is one object, not a list. */
    private Optional<ObjectTypeDefinition> objectType(Type<?> type) {
        Type<?> inner = type instanceof NonNullType nonNull ? nonNull.getType() : type;
        return inner instanceof ListType ? Optional.empty()
                : Optional.ofNullable(schema.registry().getTypeOrNull(Sdl.typeName(inner)))
                        .filter(ObjectTypeDefinition.class::isInstance).map(ObjectTypeDefinition.class::cast);
    }

    /** The type a mutation's name ends with, {@code Post} of {@code createPost}, for resolving its references. */
    private Optional<ObjectTypeDefinition> namedBy(FieldDefinition field) {
        String name = field.getName();
        int upper = 0;
        while (upper < name.length() && !Character.isUpperCase(name.charAt(upper))) {
            upper++;
        }
        return upper == name.length() ? Optional.empty()
                : Optional.ofNullable(schema.registry().getTypeOrNull(name.substring(upper)))
                        .filter(ObjectTypeDefinition.class::isInstance).map(ObjectTypeDefinition.class::cast);
    }

    private void add(FindingCode code, Target target, String jsonPath, String message, String provenance) {
        String path = target.path();
        findings.add(new Finding(code, path, path.substring(0, path.indexOf('.')),
                Optional.of(target.field().getName()), schema.locate(target.field()), target.function().name(),
                jsonPath, message, provenance, Optional.empty()));
    }
}
