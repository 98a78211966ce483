package dev.fraise.graphql;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import graphql.language.Directive;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.NamedNode;
import graphql.language.Node;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.SchemaExtensionDefinition;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Merges {@code extend type|interface|input|enum|union} and {@code extend schema} into the definitions they
 * extend, across files, so every check sees one definition per type. Each added field keeps its own location.
 */
final class SdlExtensions {

    private SdlExtensions() {
    }

    /**
     * A registry with no extensions left: each one's fields, values, members, interfaces and directives added to
     * its type, and the operation types of {@code extend schema} to the schema definition.
     *
     * @throws FraiseException {@code SDL_EXTENSION_INVALID} at the extension that extends an undefined type, or
     *                         adds a field, value or operation type its type already has
     */
    static TypeDefinitionRegistry merge(TypeDefinitionRegistry registry) {
        if (!hasExtensions(registry)) {
            return registry;
        }
        TypeDefinitionRegistry merged = new TypeDefinitionRegistry();
        checkTargets(registry);
        for (TypeDefinition<?> type : registry.types().values()) {
            merged.add(extended(registry, type));
        }
        registry.scalars().values().stream().filter(s -> s.getSourceLocation() != null).forEach(merged::add);
        registry.getDirectiveDefinitions().values().forEach(merged::add);
        schema(registry).ifPresent(merged::add);
        return merged;
    }

    private static boolean hasExtensions(TypeDefinitionRegistry registry) {
        return !registry.objectTypeExtensions().isEmpty() || !registry.interfaceTypeExtensions().isEmpty()
                || !registry.inputObjectTypeExtensions().isEmpty() || !registry.enumTypeExtensions().isEmpty()
                || !registry.unionTypeExtensions().isEmpty() || !registry.getSchemaExtensionDefinitions().isEmpty();
    }

    private static void checkTargets(TypeDefinitionRegistry registry) {
        List<Map<String, ? extends List<? extends TypeDefinition<?>>>> all = List.of(registry.objectTypeExtensions(),
                registry.interfaceTypeExtensions(), registry.inputObjectTypeExtensions(),
                registry.enumTypeExtensions(), registry.unionTypeExtensions());
        for (Map<String, ? extends List<? extends TypeDefinition<?>>> extensions : all) {
            extensions.forEach((name, list) -> {
                TypeDefinition<?> base = registry.getTypeOrNull(name);
                TypeDefinition<?> first = list.get(0);
                if (base == null) {
                    throw invalid(first, "extend " + GraphqlSchema.keyword(first) + " " + name + ": " + name + " is not defined");
                }
                if (!GraphqlSchema.keyword(base).equals(GraphqlSchema.keyword(first))) {
                    throw invalid(first, "extend " + GraphqlSchema.keyword(first) + " " + name + ": " + name + " is " + article(
                            GraphqlSchema.keyword(base)) + ", not " + article(GraphqlSchema.keyword(first)));
                }
            });
        }
    }

    private static TypeDefinition<?> extended(TypeDefinitionRegistry registry, TypeDefinition<?> type) {
        String name = type.getName();
        if (type instanceof ObjectTypeDefinition object && registry.objectTypeExtensions().containsKey(name)) {
            List<FieldDefinition> fields = new ArrayList<>(object.getFieldDefinitions());
            List<Directive> directives = new ArrayList<>(object.getDirectives());
            List<ObjectTypeExtensionDefinition> extensions = registry.objectTypeExtensions().get(name);
            for (ObjectTypeDefinition extension : extensions) {
                addAll(fields, extension.getFieldDefinitions(), name, "field");
                directives.addAll(extension.getDirectives());
            }
            return object.transform(b -> {
                b.fieldDefinitions(fields).directives(directives);
                extensions.forEach(extension -> extension.getImplements().forEach(b::implementz));
            });
        }
        if (type instanceof InterfaceTypeDefinition face && registry.interfaceTypeExtensions().containsKey(name)) {
            List<FieldDefinition> fields = new ArrayList<>(face.getFieldDefinitions());
            List<Directive> directives = new ArrayList<>(face.getDirectives());
            for (InterfaceTypeDefinition extension : registry.interfaceTypeExtensions().get(name)) {
                addAll(fields, extension.getFieldDefinitions(), name, "field");
                directives.addAll(extension.getDirectives());
            }
            return face.transform(b -> b.definitions(fields).directives(directives));
        }
        if (type instanceof InputObjectTypeDefinition input && registry.inputObjectTypeExtensions().containsKey(name)) {
            List<InputValueDefinition> fields = new ArrayList<>(input.getInputValueDefinitions());
            for (InputObjectTypeDefinition extension : registry.inputObjectTypeExtensions().get(name)) {
                addAll(fields, extension.getInputValueDefinitions(), name, "field");
            }
            return input.transform(b -> b.inputValueDefinitions(fields));
        }
        if (type instanceof EnumTypeDefinition enumType && registry.enumTypeExtensions().containsKey(name)) {
            List<EnumValueDefinition> values = new ArrayList<>(enumType.getEnumValueDefinitions());
            for (EnumTypeDefinition extension : registry.enumTypeExtensions().get(name)) {
                addAll(values, extension.getEnumValueDefinitions(), name, "value");
            }
            return enumType.transform(b -> b.enumValueDefinitions(values));
        }
        if (type instanceof UnionTypeDefinition union && registry.unionTypeExtensions().containsKey(name)) {
            return union.transform(b -> registry.unionTypeExtensions().get(name)
                    .forEach(extension -> extension.getMemberTypes().forEach(b::memberType)));
        }
        return type;
    }

    /** Adds {@code added} to {@code into}, refusing a name {@code into} already has. */
    private static <T extends NamedNode<?>> void addAll(List<T> into, List<T> added, String type, String what) {
        Map<String, T> byName = new LinkedHashMap<>();
        into.forEach(t -> byName.put(t.getName(), t));
        for (T node : added) {
            T earlier = byName.putIfAbsent(node.getName(), node);
            if (earlier != null) {
                throw invalid(node, "extend " + type + ": " + what + " " + node.getName() + " is already defined at "
                        + location(earlier));
            }
            into.add(node);
        }
    }

    /** The schema definition with the operation types of every {@code extend schema}. */
    private static java.util.Optional<SchemaDefinition> schema(TypeDefinitionRegistry registry) {
        List<SchemaExtensionDefinition> extensions = registry.getSchemaExtensionDefinitions();
        if (extensions.isEmpty()) {
            return registry.schemaDefinition();
        }
        Map<String, OperationTypeDefinition> operations = new LinkedHashMap<>();
        registry.schemaDefinition().ifPresent(s -> s.getOperationTypeDefinitions()
                .forEach(op -> operations.put(op.getName(), op)));
        for (SchemaExtensionDefinition extension : extensions) {
            for (OperationTypeDefinition op : extension.getOperationTypeDefinitions()) {
                OperationTypeDefinition earlier = operations.putIfAbsent(op.getName(), op);
                if (earlier != null) {
                    throw invalid(op, "extend schema: the " + op.getName() + " type is already "
                            + earlier.getTypeName().getName() + " at " + location(earlier));
                }
            }
        }
        Function<SchemaDefinition.Builder, SchemaDefinition.Builder> build = b -> b
                .operationTypeDefinitions(new ArrayList<>(operations.values()));
        return java.util.Optional.of(registry.schemaDefinition()
                .map(s -> s.transform(b -> build.apply(b)))
                .orElseGet(() -> build.apply(SchemaDefinition.newSchemaDefinition()
                        .sourceLocation(extensions.get(0).getSourceLocation())).build()));
    }

    private static String article(String kind) {
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    private static String location(Node<?> node) {
        return at(node).toString();
    }

    private static SourceLocation at(Node<?> node) {
        graphql.language.SourceLocation at = node.getSourceLocation();
        if (at == null || at.getSourceName() == null) {
            return SourceLocation.of(Path.of("?"));
        }
        String source = at.getSourceName();
        int hash = source.indexOf('#');
        return new SourceLocation(Path.of(hash < 0 ? source : source.substring(0, hash)), Math.max(at.getLine(), 0),
                Math.max(at.getColumn(), 0), hash < 0 ? "" : source.substring(hash + 1));
    }

    private static FraiseException invalid(Node<?> node, String message) {
        return new FraiseException(ErrorCode.SDL_EXTENSION_INVALID, message, at(node));
    }
}
