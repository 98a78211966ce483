package dev.fraise.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fraise.shape.ArrayShape;
import dev.fraise.shape.Field;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.Presence;
import dev.fraise.shape.Provenance;
import dev.fraise.shape.ScalarKind;
import dev.fraise.shape.ScalarShape;
import dev.fraise.shape.Shape;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape a GraphQL type expects of {@code data}, for checking real rows: non-null fields are non-null and
 * always present, nullable ones may be null or absent. Keys follow the view where the view has one of a field's
 * candidate keys; where it has none (its shape is unknown statically), {@link #align} renames, in each row, the
 * candidate the row has to the expected key, so that keys match as in the static check. Each object shape built
 * remembers its GraphQL type and fields ({@link #objectOf}), to name a row's JSON path in GraphQL terms.
 */
final class ExpectedShapes {

    /**
     * The GraphQL side of an expected object shape.
     *
     * @param type   the GraphQL type
     * @param fields the field each expected key stands for
     * @param keys   each expected key's candidates, preferred first ({@link FieldNaming#keysFor})
     */
    record ExpectedObject(ImplementingTypeDefinition<?> type, Map<String, FieldDefinition> fields,
            Map<String, List<String>> keys) {
    }

    private final TypeDefinitionRegistry registry;
    private final FieldNaming naming;
    private final Map<ObjectShape, ExpectedObject> objects = new IdentityHashMap<>();

    ExpectedShapes(TypeDefinitionRegistry registry, FieldNaming naming) {
        this.registry = registry;
        this.naming = naming;
    }

    Shape of(ImplementingTypeDefinition<?> type, Shape inferred, int depth) {
        Provenance provenance = new Provenance("GraphQL", type.getName(), type.getName());
        if (depth > 16) {
            return new ScalarShape(ScalarKind.ANY_JSON, false, provenance);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        Map<String, FieldDefinition> definitions = new LinkedHashMap<>();
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        for (FieldDefinition definition : type.getFieldDefinitions()) {
            String key = naming.keysFor(definition.getName()).stream()
                    .filter(k -> inferred instanceof ObjectShape o && o.fields().containsKey(k)).findFirst()
                    .orElse(naming.keysFor(definition.getName()).get(0));
            Shape inner = inferred instanceof ObjectShape o && o.fields().containsKey(key) ? o.fields().get(key).shape()
                    : inferred;
            boolean nonNull = definition.getType() instanceof NonNullType;
            fields.put(key, new Field(key, value(definition.getType(), inner, depth, type.getName() + "."
                    + definition.getName()), nonNull ? Nullability.nonNull(type.getName() + "." + definition.getName()
                    + " is " + Sdl.render(definition.getType())) : Nullability.nullable("nullable in GraphQL"),
                    nonNull ? Presence.ALWAYS : Presence.MAYBE_ABSENT));
            definitions.put(key, definition);
            candidates.put(key, naming.keysFor(definition.getName()));
        }
        ObjectShape shape = new ObjectShape(fields, provenance);
        objects.put(shape, new ExpectedObject(type, definitions, candidates));
        return shape;
    }

    /** The GraphQL type and fields behind an object shape this instance built. */
    Optional<ExpectedObject> objectOf(Shape shape) {
        return Optional.ofNullable(shape instanceof ObjectShape object ? objects.get(object) : null);
    }

    /**
     * {@code value} (a parsed row, changed in place) with each field's key as {@code shape} expects it: a row that
     * has another candidate key of the field ({@code fullName} for {@code full_name}) has it renamed.
     */
    JsonNode align(JsonNode value, Shape shape) {
        if (value instanceof ObjectNode node && shape instanceof ObjectShape object) {
            ExpectedObject expected = objects.get(object);
            for (Field field : object.fields().values()) {
                if (!node.has(field.key()) && expected != null) {
                    expected.keys().getOrDefault(field.key(), List.of()).stream().filter(node::has).findFirst()
                            .ifPresent(other -> node.set(field.key(), node.remove(other)));
                }
                if (node.has(field.key())) {
                    align(node.get(field.key()), field.shape());
                }
            }
        } else if (value != null && value.isArray() && shape instanceof ArrayShape array) {
            value.forEach(item -> align(item, item.isArray() && !(array.items() instanceof ArrayShape) ? array
                    : array.items()));
        }
        return value;
    }

    private Shape value(Type<?> type, Shape inferred, int depth, String path) {
        Type<?> inner = type instanceof NonNullType nonNull ? nonNull.getType() : type;
        Provenance provenance = new Provenance("GraphQL", Sdl.render(type), path);
        if (inner instanceof ListType list) {
            Shape items = inferred instanceof ArrayShape a ? a.items() : inferred;
            boolean nonNullItems = list.getType() instanceof NonNullType;
            return new ArrayShape(value(list.getType(), items, depth, path + "[]"), nonNullItems
                    ? Nullability.nonNull(path + " items are non-null") : Nullability.nullable("nullable items"),
                    provenance);
        }
        String name = Sdl.typeName(inner);
        Optional<TypeDefinition<?>> definition = Optional.ofNullable(registry.getTypeOrNull(name));
        if (definition.isPresent() && definition.get() instanceof ImplementingTypeDefinition<?> object) {
            return of(object, inferred, depth + 1);
        }
        if (definition.isPresent() && definition.get() instanceof EnumTypeDefinition) {
            return new ScalarShape(ScalarKind.STRING, false, provenance);
        }
        return switch (name) {
            case "Int" -> new ScalarShape(ScalarKind.NUMBER, true, provenance);
            case "Float" -> new ScalarShape(ScalarKind.NUMBER, false, provenance);
            case "Boolean" -> new ScalarShape(ScalarKind.BOOLEAN, false, provenance);
            case "ID" -> inferred instanceof ScalarShape s && s.scalarKind() == ScalarKind.NUMBER
                    ? new ScalarShape(ScalarKind.NUMBER, true, provenance)
                    : new ScalarShape(ScalarKind.STRING, false, provenance);
            case "String" -> new ScalarShape(ScalarKind.STRING, false, provenance);
            default -> definition.isPresent() && definition.get() instanceof graphql.language.ScalarTypeDefinition
                    && !"JSON".equals(name) ? new ScalarShape(ScalarKind.STRING, false, provenance)
                    : new ScalarShape(ScalarKind.ANY_JSON, false, provenance);
        };
    }
}
