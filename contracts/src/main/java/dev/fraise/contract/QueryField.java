package dev.fraise.contract;

import dev.fraise.error.SourceLocation;
import dev.fraise.graphql.GraphqlSchema;
import graphql.language.FieldDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A field of the schema's Query type and the view it reads, for reports and tests that show one entry per field.
 * Its {@code QUERY_SOURCE_MISSING} finding, if any, has {@link #path()} as its path.
 *
 * @param path        {@code Query.posts}
 * @param name        {@code posts}
 * @param type        the declared type, e.g. {@code [Post!]!}
 * @param returnType  the named type it returns, unwrapped: {@code Post}
 * @param sqlSource   the view of its {@code @sqlSource(name:)}, when it has one
 * @param sdlLocation where the field is defined
 */
public record QueryField(String path, String name, String type, String returnType, Optional<String> sqlSource,
        Optional<SourceLocation> sdlLocation) {

    public QueryField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(sqlSource, "sqlSource");
        Objects.requireNonNull(sdlLocation, "sdlLocation");
    }

    /** The fields of the Query type, in SDL order; empty when the schema has no Query type. */
    public static List<QueryField> of(GraphqlSchema schema) {
        return fieldsOf(schema, schema.rootTypeName("query"));
    }

    /**
     * The fields of the Mutation type, in SDL order, {@link #sqlSource()} being the function their
     * {@code @sqlSource} names; their mutation findings have {@link #path()} as their path.
     */
    public static List<QueryField> mutations(GraphqlSchema schema) {
        return fieldsOf(schema, schema.rootTypeName("mutation"));
    }

    private static List<QueryField> fieldsOf(GraphqlSchema schema, Optional<String> root) {
        List<QueryField> fields = new ArrayList<>();
        root.map(name -> schema.registry().getTypeOrNull(name, graphql.language.ObjectTypeDefinition.class)).ifPresent(query -> {
            for (FieldDefinition field : query.getFieldDefinitions()) {
                fields.add(new QueryField(query.getName() + "." + field.getName(), field.getName(),
                        Sdl.render(field.getType()), Sdl.typeName(field.getType()),
                        Sdl.stringArgument(field, Sdl.SQL_SOURCE, "name"), schema.locate(field)));
            }
        });
        return fields;
    }
}
