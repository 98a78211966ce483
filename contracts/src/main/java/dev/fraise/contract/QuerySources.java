package dev.fraise.contract;

import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.inference.ShapeInference;
import graphql.language.FieldDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code QUERY_SOURCE_MISSING} findings: Query fields whose {@code @sqlSource} names a view that does not exist
 * in the checked schemas. A field whose return type is bound to that same view has none: the type's
 * {@code VIEW_MISSING} already reports the one missing view.
 */
final class QuerySources {

    private QuerySources() {
    }

    static List<Finding> check(GraphqlSchema schema, ShapeInference inference, TypeBindings bindings,
            CatalogNames names) {
        List<Finding> findings = new ArrayList<>();
        schema.queryType().ifPresent(query -> {
            for (FieldDefinition field : query.getFieldDefinitions()) {
                Optional<String> source = Sdl.stringArgument(field, Sdl.SQL_SOURCE, "name");
                String returned = Sdl.stringArgument(field, Sdl.SQL_SOURCE, Sdl.NODE)
                        .orElse(Sdl.typeName(field.getType()));
                if (source.isEmpty() || inference.exists(source.get()) || bindings.of(returned)
                        .map(b -> b.view().equals(source.get())).orElse(false)) {
                    continue;
                }
                String path = query.getName() + "." + field.getName();
                findings.add(new Finding(FindingCode.QUERY_SOURCE_MISSING, path, query.getName(),
                        Optional.of(field.getName()), Sdl.sourceLocation(schema, field), source.get(), "$",
                        Sdl.source(schema, source.get()) + " of " + path + names.explain(source.get(),
                                CatalogNames.Kind.RELATION, " names a view that does not exist"), "",
                        Optional.empty()));
            }
        });
        return findings;
    }
}
