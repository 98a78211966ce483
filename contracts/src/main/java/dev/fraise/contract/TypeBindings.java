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
 * {@code @sqlSource} of a Query field returning it, else FraiseQL's default {@code v_<snake>} when it exists. A type
 * returned by a Query field needs a view: without any of these, its default {@code v_<snake>} is required (a
 * {@code VIEW_MISSING} when it does not exist, located at the first Query field returning it). Types marked
 * {@code @fraiseEmbedded} (FraiseQL's embedded value objects, error types, Relay's synthesized types) get no default
 * binding. Each binding reads its {@code jsonbColumn}, else the configured data column.
 *
 * <p>A type has one binding for itself, then one more per other source its Query fields read: {@code posts → v_post},
 * {@code publishedPosts → v_published_post} and {@code postsFast → tv_post} check {@code Post} against all three.
 */
final class TypeBindings {

    /**
     * A type's view, the JSON column read from it and how it was chosen; {@code explicit} bindings to a missing
     * view are errors.
     */
    record Binding(String view, String column, String how, boolean explicit, Optional<SourceLocation> where) {

        boolean sameSource(Binding other) {
            return view.equals(other.view) && column.equals(other.column);
        }
    }

    private final Map<String, List<Binding>> bindings = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    static TypeBindings resolve(GraphqlSchema schema, ContractOptions options, ShapeInference inference) {
        TypeBindings result = new TypeBindings();
        Map<String, List<Binding>> fromQuery = new HashMap<>();
        Map<String, FieldDefinition> returnedBy = new HashMap<>();
        schema.queryType().ifPresent(query -> {
            for (FieldDefinition field : query.getFieldDefinitions()) {
                String type = Sdl.stringArgument(field, Sdl.SQL_SOURCE, Sdl.NODE)
                        .orElse(Sdl.typeName(field.getType()));
                returnedBy.putIfAbsent(type, field);
                Sdl.stringArgument(field, Sdl.SQL_SOURCE, "name").ifPresent(source -> fromQuery
                        .computeIfAbsent(type, t -> new ArrayList<>()).add(new Binding(source, column(field, options),
                                Sdl.sourceKey(schema) + " of " + query.getName() + "." + field.getName(), true,
                                Sdl.sourceLocation(schema, field))));
            }
        });
        for (ObjectTypeDefinition type : schema.registry().getTypes(ObjectTypeDefinition.class)) {
            String name = type.getName();
            boolean embedded = !type.getDirectives(Sdl.EMBEDDED).isEmpty();
            List<Binding> queried = fromQuery.getOrDefault(name, List.of());
            Optional<Binding> binding = Optional.ofNullable(options.typeSources().get(name))
                    .map(view -> new Binding(view, options.dataColumn(), "configured", true, schema.locate(type)))
                    .or(() -> Sdl.stringArgument(type, Sdl.SQL_SOURCE, "name")
                            .map(view -> new Binding(view, column(type, options), Sdl.sourceKey(schema) + " on " + name, true,
                                    Sdl.sourceLocation(schema, type))))
                    .or(() -> queried.stream().findFirst())
                    .or(() -> Optional.of(FieldNaming.defaultView(name)).filter(view -> !embedded)
                            .filter(inference::exists)
                            .map(view -> new Binding(view, options.dataColumn(), "default " + view, false,
                                    schema.locate(type))))
                    .or(() -> Optional.ofNullable(returnedBy.get(name)).filter(field -> !embedded)
                            .filter(field -> !schema.rootTypeNames().contains(name))
                            .map(field -> new Binding(FieldNaming.defaultView(name), options.dataColumn(),
                                    "default view of " + schema.queryType().orElseThrow().getName() + "."
                                            + field.getName() + ", which returns it", true, schema.locate(field))));
            if (binding.isEmpty()) {
                continue;
            }
            List<Binding> all = new ArrayList<>(List.of(binding.get()));
            for (Binding extra : queried) {
                if (all.stream().noneMatch(extra::sameSource)) {
                    all.add(extra);
                }
            }
            result.bindings.put(name, List.copyOf(all));
        }
        return result;
    }

    private static String column(graphql.language.DirectivesContainer<?> node, ContractOptions options) {
        return Sdl.stringArgument(node, Sdl.SQL_SOURCE, Sdl.JSONB_COLUMN).filter(c -> !c.isBlank())
                .orElse(options.dataColumn());
    }

    /** The type's own binding: configured, on the type, of its first Query field, or its default view. */
    Optional<Binding> of(String type) {
        return all(type).stream().findFirst();
    }

    /** Every binding of the type: its own first, then each other source a Query field returning it reads. */
    List<Binding> all(String type) {
        return bindings.getOrDefault(type, List.of());
    }

    List<Finding> findings() {
        return findings;
    }
}
