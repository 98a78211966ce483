package dev.fraise.contract;

import dev.fraise.error.SourceLocation;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.inference.ShapeInference;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds GraphQL object types to views: the configured mapping, else {@code @sqlSource} on the type, else the
 * {@code @sqlSource} of a Query field returning it, else FraiseQL's default {@code v_<snake>} when it exists.
 * Types marked {@code @fraiseEmbedded} (FraiseQL's embedded value objects, error types, Relay's synthesized
 * types) get no default binding. Each binding reads its {@code jsonbColumn}, else the configured data column.
 */
final class TypeBindings {

    /**
     * A type's view, the JSON column read from it and how it was chosen; {@code explicit} bindings to a missing
     * view are errors.
     */
    record Binding(String view, String column, String how, boolean explicit, Optional<SourceLocation> where) {
    }

    private final Map<String, Binding> bindings = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    static TypeBindings resolve(GraphqlSchema schema, ContractOptions options, ShapeInference inference) {
        TypeBindings result = new TypeBindings();
        Map<String, Binding> fromQuery = new HashMap<>();
        schema.queryType().ifPresent(query -> {
            for (FieldDefinition field : query.getFieldDefinitions()) {
                Optional<String> source = Sdl.stringArgument(field, Sdl.SQL_SOURCE, "name");
                if (source.isEmpty()) {
                    continue;
                }
                String type = Sdl.stringArgument(field, Sdl.SQL_SOURCE, Sdl.NODE)
                        .orElse(Sdl.typeName(field.getType()));
                fromQuery.putIfAbsent(type, new Binding(source.get(), column(field, options), Sdl.sourceKey(schema)
                        + " of " + query.getName() + "." + field.getName(), true, Sdl.sourceLocation(schema, field)));
            }
        });
        for (ObjectTypeDefinition type : schema.registry().getTypes(ObjectTypeDefinition.class)) {
            String name = type.getName();
            boolean embedded = !type.getDirectives(Sdl.EMBEDDED).isEmpty();
            Optional<Binding> binding = Optional.ofNullable(options.typeSources().get(name))
                    .map(view -> new Binding(view, options.dataColumn(), "configured", true, schema.locate(type)))
                    .or(() -> Sdl.stringArgument(type, Sdl.SQL_SOURCE, "name")
                            .map(view -> new Binding(view, column(type, options), Sdl.sourceKey(schema) + " on "
                                    + name, true, Sdl.sourceLocation(schema, type))))
                    .or(() -> Optional.ofNullable(fromQuery.get(name)))
                    .or(() -> Optional.of(FieldNaming.defaultView(name)).filter(view -> !embedded)
                            .filter(inference::exists)
                            .map(view -> new Binding(view, options.dataColumn(), "default " + view, false,
                                    schema.locate(type))));
            binding.ifPresent(b -> result.bindings.put(name, b));
        }
        return result;
    }

    private static String column(graphql.language.DirectivesContainer<?> node, ContractOptions options) {
        return Sdl.stringArgument(node, Sdl.SQL_SOURCE, Sdl.JSONB_COLUMN).filter(c -> !c.isBlank())
                .orElse(options.dataColumn());
    }

    Optional<Binding> of(String type) {
        return Optional.ofNullable(bindings.get(type));
    }

    List<Finding> findings() {
        return findings;
    }
}
