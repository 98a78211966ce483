package dev.fraise.contract;

import dev.fraise.error.SourceLocation;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.inference.ShapeInference;
import dev.fraise.shape.Field;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.ScalarKind;
import dev.fraise.shape.ScalarShape;
import dev.fraise.shape.Shape;
import dev.fraise.shape.UnknownShape;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of view-backed Query fields: each explicit argument must name something the view can filter on — a
 * column ({@code argument} or {@code snake_case(argument)}), else a key of its JSON column (FraiseQL v2 filters an
 * explicit argument as {@code data->>'<snake_case(argument)>'}) — of a compatible type; each
 * {@code @sqlSource(injectParams:)} name must be a column ({@code WHERE <column> = $value}). FraiseQL's automatic
 * parameters ({@link #AUTOMATIC}) are exempt; an input-object argument is not filtered as one value and is reported
 * as not checked (a warning).
 */
final class QueryArguments {

    /** The parameters FraiseQL adds to list queries itself: pagination, ordering and its {@code where} filter. */
    static final Set<String> AUTOMATIC = Set.of("limit", "offset", "where", "orderBy", "order_by", "first", "after",
            "last", "before");

    private static final Set<String> INTEGERS = Set.of("smallint", "integer", "bigint");
    private static final Set<String> NUMBERS = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision");
    private static final Set<String> TEXTS = Set.of("text", "character varying", "character", "name", "citext",
            "\"char\"");

    private final GraphqlSchema schema;
    private final ContractOptions options;
    private final ShapeInference inference;
    private final TypeBindings bindings;
    private final List<Finding> findings = new ArrayList<>();

    private QueryArguments(GraphqlSchema schema, ContractOptions options, ShapeInference inference,
            TypeBindings bindings) {
        this.schema = schema;
        this.options = options;
        this.inference = inference;
        this.bindings = bindings;
    }

    /** The argument findings of every Query field that reads an existing view, in SDL order. */
    static List<Finding> check(GraphqlSchema schema, ContractOptions options, ShapeInference inference,
            TypeBindings bindings) {
        QueryArguments arguments = new QueryArguments(schema, options, inference, bindings);
        schema.queryType().ifPresent(query -> query.getFieldDefinitions()
                .forEach(field -> arguments.checkField(query, field)));
        return arguments.findings;
    }

    /** The view and JSON column a Query field reads: its own {@code @sqlSource}, else its type's binding. */
    private Optional<TypeBindings.Binding> source(FieldDefinition field) {
        String returned = Sdl.stringArgument(field, Sdl.SQL_SOURCE, Sdl.NODE).orElse(Sdl.typeName(field.getType()));
        Optional<String> own = Sdl.stringArgument(field, Sdl.SQL_SOURCE, "name");
        if (own.isPresent()) {
            return bindings.all(returned).stream().filter(b -> b.view().equals(own.get())).findFirst()
                    .or(() -> Optional.of(new TypeBindings.Binding(own.get(), options.dataColumn(), "", true,
                            Optional.empty())))
                    .filter(b -> inference.exists(b.view()));
        }
        return bindings.of(returned).filter(b -> inference.exists(b.view()));
    }

    private void checkField(ObjectTypeDefinition query, FieldDefinition field) {
        Optional<TypeBindings.Binding> source = source(field);
        if (source.isEmpty()) {
            return;
        }
        String view = source.get().view();
        Map<String, String> columns = inference.columnTypes(view).orElseThrow();
        Optional<ObjectShape> data = columns.containsKey(source.get().column())
                ? Optional.of(inference.infer(view, source.get().column()).data())
                        .filter(ObjectShape.class::isInstance).map(ObjectShape.class::cast)
                : Optional.empty();
        String path = query.getName() + "." + field.getName();
        for (InputValueDefinition argument : field.getInputValueDefinitions()) {
            if (!AUTOMATIC.contains(argument.getName())) {
                checkArgument(query, field, path, argument, view, columns, data);
            }
        }
        for (String inject : Sdl.argument(field, Sdl.SQL_SOURCE, Sdl.INJECT_PARAMS).map(Sdl::names)
                .orElse(List.of())) {
            if (!columns.containsKey(inject)) {
                add(FindingCode.QUERY_INJECT_COLUMN_MISSING, path + "." + inject, query, field,
                        field.getDirectives(Sdl.SQL_SOURCE).stream().findFirst().flatMap(schema::locate)
                                .or(() -> schema.locate(field)), view, "$",
                        "inject param " + inject + " of " + path + " filters on column " + inject + ", which "
                                + view + " does not have",
                        "columns: " + String.join(", ", columns.keySet()));
            }
        }
    }

    private void checkArgument(ObjectTypeDefinition query, FieldDefinition field, String path,
            InputValueDefinition argument, String view, Map<String, String> columns, Optional<ObjectShape> data) {
        String name = argument.getName();
        String type = Sdl.typeName(argument.getType());
        String argPath = path + "." + name;
        Optional<SourceLocation> at = schema.locate(argument).or(() -> schema.locate(field));
        String described = "argument " + name + " of " + path;
        if (schema.registry().getTypeOrNull(type) instanceof InputObjectTypeDefinition) {
            add(FindingCode.QUERY_ARGUMENT_UNCHECKED, argPath, query, field, at, view, "$", described + " is input "
                    + type + ", which FraiseQL does not filter on as one value; its fields are not checked",
                    "exempt: FraiseQL's own parameters " + String.join(", ", AUTOMATIC.stream().sorted()
                            .toList()));
            return;
        }
        String snake = FieldNaming.snakeCase(name);
        Optional<String> column = List.of(name, snake).stream().filter(columns::containsKey).findFirst();
        if (column.isPresent()) {
            String sqlType = columns.get(column.get());
            if (!columnAccepts(type, sqlType)) {
                add(FindingCode.QUERY_ARGUMENT_TYPE_MISMATCH, argPath, query, field, at, view, "$", described
                        + " is " + Sdl.render(argument.getType()) + " but it filters on column " + column.get()
                        + " of " + view + ", which is " + sqlType, view + "." + column.get() + " is " + sqlType);
            }
            return;
        }
        List<String> keys = options.naming().keysFor(name);
        Optional<Field> key = data.flatMap(d -> keys.stream().map(d::field).flatMap(Optional::stream).findFirst()
                .or(() -> d.fieldOrRemainder(keys.get(0))));
        if (key.isEmpty()) {
            add(FindingCode.QUERY_ARGUMENT_UNFILTERABLE, argPath, query, field, at, view, "$." + keys.get(0),
                    described + " filters on nothing of " + view + ": no column " + String.join(" or ",
                            List.of(name, snake).stream().distinct().toList()) + ", no key '" + keys.get(0) + "'",
                    "columns: " + String.join(", ", columns.keySet()) + data.map(d -> "; keys: "
                            + String.join(", ", d.fields().keySet())).orElse(""));
            return;
        }
        Optional<String> mismatch = keyMismatch(type, key.get().shape());
        if (mismatch.isPresent()) {
            add(FindingCode.QUERY_ARGUMENT_TYPE_MISMATCH, argPath, query, field, at, view, "$." + key.get().key(),
                    described + " is " + Sdl.render(argument.getType()) + " but key '" + key.get().key() + "' of "
                            + view + " is " + mismatch.get(), key.get().shape().provenance().toString());
        }
    }

    /** Whether an argument of GraphQL type {@code type} can be compared with a column of {@code sqlType}. */
    private boolean columnAccepts(String type, String sqlType) {
        return switch (type) {
            case "ID" -> sqlType.equals("uuid") || TEXTS.contains(sqlType) || INTEGERS.contains(sqlType);
            case "Int" -> INTEGERS.contains(sqlType);
            case "Float" -> NUMBERS.contains(sqlType);
            case "Boolean" -> sqlType.equals("boolean");
            case "String" -> TEXTS.contains(sqlType);
            default -> schema.registry().getTypeOrNull(type) instanceof EnumTypeDefinition
                    ? TEXTS.contains(sqlType) || inference.enumLabels(sqlType).isPresent()
                    : Optional.ofNullable(options.scalarTypes().get(type)).map(s -> s.contains(sqlType)).orElse(true);
        };
    }

    /** What is wrong with comparing an argument of {@code type} with a data key of {@code shape}, if anything. */
    private Optional<String> keyMismatch(String type, Shape shape) {
        if (shape instanceof UnknownShape) {
            return Optional.empty();
        }
        if (!(shape instanceof ScalarShape scalar)) {
            return Optional.of(shape.kind() + ", not a scalar");
        }
        if (scalar.scalarKind() == ScalarKind.ANY_JSON) {
            return Optional.empty();
        }
        boolean accepts = switch (type) {
            case "ID" -> scalar.scalarKind() == ScalarKind.STRING
                    || scalar.scalarKind() == ScalarKind.NUMBER && scalar.integer();
            case "Int" -> scalar.scalarKind() == ScalarKind.NUMBER && scalar.integer();
            case "Float" -> scalar.scalarKind() == ScalarKind.NUMBER;
            case "Boolean" -> scalar.scalarKind() == ScalarKind.BOOLEAN;
            case "String", "UUID" -> scalar.scalarKind() == ScalarKind.STRING;
            default -> !(schema.registry().getTypeOrNull(type) instanceof EnumTypeDefinition)
                    || scalar.scalarKind() == ScalarKind.STRING;
        };
        return accepts ? Optional.empty() : Optional.of(("aeiou".indexOf(scalar.kind().charAt(0)) >= 0 ? "an " : "a ")
                + scalar.kind() + " (" + scalar.provenance().sqlType() + ")");
    }

    private void add(FindingCode code, String path, ObjectTypeDefinition query, FieldDefinition field,
            Optional<SourceLocation> at, String view, String jsonPath, String message, String provenance) {
        findings.add(new Finding(code, path, query.getName(), Optional.of(field.getName()), at, view, jsonPath,
                message, provenance, Optional.empty()));
    }
}
