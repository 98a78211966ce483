package dev.fraise.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One database object as read from {@code pg_catalog}.
 *
 * @param id         its identity for comparisons
 * @param name       its qualified name as shown to people, e.g. {@code public.fn_create_post(jsonb)}
 * @param parent     the object it belongs to: a column's, constraint's, index's or trigger's table or view,
 *                   a schema-level object's schema
 * @param definition its normalised definition, e.g. {@code text NOT NULL DEFAULT ''::text} for a column or
 *                   the {@code pg_get_viewdef} text of a view
 */
public record CatalogObject(ObjectId id, String name, Optional<ObjectId> parent, String definition) {

    public CatalogObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(definition, "definition");
    }

    /** Its kind. */
    public ObjectKind kind() {
        return id.kind();
    }

    @Override
    public String toString() {
        return id.kind().label() + " " + name + ": " + definition;
    }
}
