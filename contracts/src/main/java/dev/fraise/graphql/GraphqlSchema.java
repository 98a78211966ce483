package dev.fraise.graphql;

import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed GraphQL schema and the files it came from. Only the type definitions are used; directives such as
 * {@code @sqlSource} need no declaration.
 *
 * @param registry the parsed type definitions
 * @param files    the schema files, relative to the project directory
 */
public record GraphqlSchema(TypeDefinitionRegistry registry, List<Path> files) {

    public GraphqlSchema {
        files = List.copyOf(files);
    }

    /** The name of the root type of an operation ({@code query}, {@code mutation}, {@code subscription}). */
    public String rootTypeName(String operation) {
        Optional<String> declared = registry.schemaDefinition().flatMap(schema -> schema.getOperationTypeDefinitions()
                .stream().filter(op -> op.getName().equals(operation)).findFirst()
                .map(OperationTypeDefinition::getTypeName).map(t -> t.getName()));
        return declared.orElse(Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
    }

    /** The Query type, if the schema has one. */
    public Optional<ObjectTypeDefinition> queryType() {
        return registry.getType(rootTypeName("query"), ObjectTypeDefinition.class);
    }
}
