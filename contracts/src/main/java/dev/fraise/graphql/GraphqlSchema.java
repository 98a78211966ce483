package dev.fraise.graphql;

import dev.fraise.error.SourceLocation;
import graphql.language.AbstractDescribedNode;
import graphql.language.Node;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A parsed GraphQL schema and the files it came from. Only the type definitions are used; directives such as
 * {@code @sqlSource} need no declaration.
 *
 * @param registry         the parsed type definitions
 * @param files            the schema files, relative to the project directory
 * @param sourceLines      each SDL file's lines by its name, to locate definitions precisely
 * @param format           what the files were: SDL, an introspection result, or FraiseQL schema files
 * @param namingConvention a FraiseQL schema's {@code naming_convention} ({@code camelCase}, {@code snake_case}),
 *                         when it declares one
 */
public record GraphqlSchema(TypeDefinitionRegistry registry, List<Path> files, Map<String, List<String>> sourceLines,
        SchemaFormat format, Optional<String> namingConvention) {

    /**
     * The {@code @fraiseEmbedded} reason of the types the FraiseQL reader synthesizes for relay ({@code <T>Edge},
     * {@code <T>Connection}, {@code PageInfo}): FraiseQL builds them around the nodes, no view emits them.
     */
    public static final String RELAY_SYNTHESIZED = "synthesized by relay";

    /** What a schema was read from. */
    public enum SchemaFormat {
        /** GraphQL SDL files. */
        SDL,
        /** One introspection result ({@code __schema}). */
        INTROSPECTION,
        /** FraiseQL v2 schema files: the intermediate {@code schema.json} or {@code schema.compiled.json}. */
        FRAISEQL
    }

    public GraphqlSchema {
        files = List.copyOf(files);
        sourceLines = Map.copyOf(sourceLines);
        java.util.Objects.requireNonNull(format, "format");
        java.util.Objects.requireNonNull(namingConvention, "namingConvention");
    }

    /** A schema read from SDL files. */
    public GraphqlSchema(TypeDefinitionRegistry registry, List<Path> files, Map<String, List<String>> sourceLines) {
        this(registry, files, sourceLines, SchemaFormat.SDL, Optional.empty());
    }

    /** A schema without source text (an introspection result): definitions are located by file only. */
    public GraphqlSchema(TypeDefinitionRegistry registry, List<Path> files) {
        this(registry, files, Map.of(), SchemaFormat.INTROSPECTION, Optional.empty());
    }

    /**
     * Where a definition is: its file, line and column. graphql-java places a described definition at its
     * description; this skips the description to the definition itself.
     */
    public Optional<SourceLocation> locate(Node<?> node) {
        graphql.language.SourceLocation at = node.getSourceLocation();
        if (at == null || at.getSourceName() == null) {
            return Optional.empty();
        }
        int line = Math.max(at.getLine(), 0);
        int column = Math.max(at.getColumn(), 0);
        int hash = at.getSourceName().indexOf('#');
        if (hash >= 0) {
            return Optional.of(new SourceLocation(Path.of(at.getSourceName().substring(0, hash)), line, column,
                    at.getSourceName().substring(hash + 1)));
        }
        List<String> lines = sourceLines.get(at.getSourceName());
        if (node instanceof AbstractDescribedNode<?> described && described.getDescription() != null
                && lines != null && line >= 1 && column >= 1) {
            int[] next = SdlText.afterDescription(lines, line - 1, column - 1);
            line = next[0] + 1;
            column = next[1] + 1;
        }
        return Optional.of(new SourceLocation(Path.of(at.getSourceName()), line, column));
    }

    /**
     * The name of the root type of an operation ({@code query}, {@code mutation}, {@code subscription}): the type
     * the schema definition or an {@code extend schema} declares for it. Without a schema definition, an operation
     * no {@code extend schema} declares has the type named after it ({@code Query}, {@code Mutation},
     * {@code Subscription}) when the schema has such a type; with one, an undeclared operation has no root type, so a
     * domain type named {@code Subscription} is an ordinary type.
     */
    public Optional<String> rootTypeName(String operation) {
        Optional<String> declared = Stream.concat(registry.schemaDefinition().stream()
                        .flatMap(schema -> schema.getOperationTypeDefinitions().stream()),
                registry.getSchemaExtensionDefinitions().stream()
                        .flatMap(extension -> extension.getOperationTypeDefinitions().stream()))
                .filter(op -> op.getName().equals(operation)).findFirst()
                .map(OperationTypeDefinition::getTypeName).map(t -> t.getName());
        if (declared.isPresent() || registry.schemaDefinition().isPresent()) {
            return declared;
        }
        return Optional.of(Character.toUpperCase(operation.charAt(0)) + operation.substring(1))
                .filter(name -> registry.getTypeOrNull(name) != null);
    }

    /** The names of the root types of the schema's operations. */
    public Set<String> rootTypeNames() {
        Set<String> roots = new LinkedHashSet<>();
        for (String operation : List.of("query", "mutation", "subscription")) {
            rootTypeName(operation).ifPresent(roots::add);
        }
        return roots;
    }

    /** The Query type, if the schema has one. */
    public Optional<ObjectTypeDefinition> queryType() {
        return rootTypeName("query").map(name -> registry.getTypeOrNull(name, ObjectTypeDefinition.class));
    }

    /**
     * The SDL keyword that defines a type: {@code type}, {@code interface}, {@code input}, {@code enum},
     * {@code union} or {@code scalar}.
     */
    public static String keyword(graphql.language.TypeDefinition<?> type) {
        if (type instanceof ObjectTypeDefinition) {
            return "type";
        }
        if (type instanceof graphql.language.InterfaceTypeDefinition) {
            return "interface";
        }
        if (type instanceof graphql.language.InputObjectTypeDefinition) {
            return "input";
        }
        if (type instanceof graphql.language.EnumTypeDefinition) {
            return "enum";
        }
        return type instanceof graphql.language.UnionTypeDefinition ? "union" : "scalar";
    }
}
