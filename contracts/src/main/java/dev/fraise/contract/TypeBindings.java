package dev.fraise.contract;

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
 */
final class TypeBindings {

    /** A type's view and how it was chosen; {@code explicit} bindings to a missing view are errors. */
    record Binding(String view, String how, boolean explicit) {
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
                String type = Sdl.typeName(field.getType());
                fromQuery.putIfAbsent(type, new Binding(source.get(), "@sqlSource of " + query.getName() + "."
                        + field.getName(), true));
            }
        });
        for (ObjectTypeDefinition type : schema.registry().getTypes(ObjectTypeDefinition.class)) {
            String name = type.getName();
            Optional<Binding> binding = Optional.ofNullable(options.typeSources().get(name))
                    .map(view -> new Binding(view, "configured", true))
                    .or(() -> Sdl.stringArgument(type, Sdl.SQL_SOURCE, "name")
                            .map(view -> new Binding(view, "@sqlSource on " + name, true)))
                    .or(() -> Optional.ofNullable(fromQuery.get(name)))
                    .or(() -> Optional.of(FieldNaming.defaultView(name)).filter(inference::exists)
                            .map(view -> new Binding(view, "default " + view, false)));
            binding.ifPresent(b -> result.bindings.put(name, b));
        }
        return result;
    }

    Optional<Binding> of(String type) {
        return Optional.ofNullable(bindings.get(type));
    }

    List<Finding> findings() {
        return findings;
    }
}
