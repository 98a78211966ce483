package dev.fraise.inference;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@link ShapeInference}.
 *
 * @param schemas           the schemas whose views and tables are inferred, searched in order for bare names
 * @param projectionSources explicit {@code tv_} table → source view names; without an entry, {@code tv_x} is
 *                          materialised from {@code v_x}
 */
public record InferenceOptions(List<String> schemas, Map<String, String> projectionSources) {

    /** The {@code public} schema and the {@code tv_x ← v_x} convention. */
    public static final InferenceOptions DEFAULT = new InferenceOptions(List.of("public"), Map.of());

    public InferenceOptions {
        schemas = List.copyOf(schemas);
        projectionSources = Map.copyOf(projectionSources);
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("at least one schema is needed");
        }
    }

    /** These options with an explicit source view for a {@code tv_} table. */
    public InferenceOptions withProjectionSource(String table, String view) {
        java.util.HashMap<String, String> sources = new java.util.HashMap<>(projectionSources);
        sources.put(table, view);
        return new InferenceOptions(schemas, sources);
    }

    /** The view a table is materialised from: configured, else {@code v_x} for a table named {@code tv_x}. */
    public Optional<String> projectionSource(String table) {
        String configured = projectionSources.get(table);
        if (configured != null) {
            return Optional.of(configured);
        }
        int dot = table.lastIndexOf('.');
        String schema = table.substring(0, dot + 1);
        String name = table.substring(dot + 1);
        return name.startsWith("tv_") ? Optional.of(schema + "v_" + name.substring(3)) : Optional.empty();
    }

    /** Whether the source of {@code table} is configured rather than the convention. */
    boolean configured(String table) {
        return projectionSources.containsKey(table);
    }
}
