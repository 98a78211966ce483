package dev.fraise.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema objects of one database, read from {@code pg_catalog}: schemas, extensions, tables and their columns
 * (type, nullability, default, identity, generation), constraints, indexes, views and materialized views, sequences,
 * functions, procedures and aggregates, triggers, enums, composite types, domains and range types. Objects owned by
 * extensions and the migration tracking table are left out. Immutable; compare two with {@link CatalogDiff}.
 *
 * <p>A snapshot runs a fixed number of queries (one per kind of object), however large the schema.
 */
public final class CatalogSnapshot {

    private final List<CatalogObject> objects;
    private final Map<ObjectId, CatalogObject> byId;
    private final Map<ObjectId, List<CatalogObject>> children;

    private CatalogSnapshot(List<CatalogObject> objects) {
        List<CatalogObject> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparing(CatalogObject::id));
        this.objects = List.copyOf(sorted);
        Map<ObjectId, CatalogObject> index = new LinkedHashMap<>();
        Map<ObjectId, List<CatalogObject>> owned = new HashMap<>();
        for (CatalogObject object : this.objects) {
            if (index.put(object.id(), object) != null) {
                throw new IllegalArgumentException("two objects with identity " + object.id());
            }
            object.parent().ifPresent(p -> owned.computeIfAbsent(p, k -> new ArrayList<>()).add(object));
        }
        this.byId = Collections.unmodifiableMap(index);
        owned.replaceAll((k, v) -> v.stream()
                .sorted(Comparator.comparing(CatalogObject::kind).thenComparing(CatalogObject::name)).toList());
        this.children = Collections.unmodifiableMap(owned);
    }

    /**
     * Reads the given schemas of the database behind {@code connection}, leaving out {@code tb_confiture}.
     *
     * @param schemas the schemas to read; empty for every user schema
     */
    public static CatalogSnapshot take(Connection connection, List<String> schemas) throws SQLException {
        return take(connection, CatalogScope.of(schemas));
    }

    /** Reads what {@code scope} selects from the database behind {@code connection}. */
    public static CatalogSnapshot take(Connection connection, CatalogScope scope) throws SQLException {
        return new CatalogSnapshot(CatalogReader.read(connection, scope));
    }

    /** A snapshot of the given objects (for tests and tools that build catalogs by other means). */
    public static CatalogSnapshot of(List<CatalogObject> objects) {
        return new CatalogSnapshot(objects);
    }

    /** Every object, ordered by kind and identity. */
    public List<CatalogObject> objects() {
        return objects;
    }

    /** The object with this identity. */
    public Optional<CatalogObject> get(ObjectId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The object of this kind with this shown {@link CatalogObject#name() name}, e.g.
     * {@code find(ObjectKind.COLUMN, "public.tb_post.title")} or {@code find(ObjectKind.FUNCTION, "public.f(integer)")}.
     */
    public Optional<CatalogObject> find(ObjectKind kind, String name) {
        return objects.stream().filter(o -> o.kind() == kind && o.name().equals(name)).findFirst();
    }

    /** The objects that belong to {@code parent} (a table's columns, constraints, indexes, triggers), by kind and name. */
    public List<CatalogObject> children(ObjectId parent) {
        return children.getOrDefault(parent, List.of());
    }

    /** The object's definition followed by those of the objects that belong to it, indented, one per line. */
    public String describe(CatalogObject object) {
        StringBuilder text = new StringBuilder(object.definition());
        for (CatalogObject child : children(object.id())) {
            String nested = describe(child).replace("\n", "\n  ");
            text.append("\n  ").append(child.kind().label()).append(' ').append(child.name()).append(": ")
                    .append(nested);
        }
        return text.toString();
    }

    /** The number of objects. */
    public int size() {
        return objects.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CatalogSnapshot s && s.objects.equals(objects);
    }

    @Override
    public int hashCode() {
        return objects.hashCode();
    }

    @Override
    public String toString() {
        return "CatalogSnapshot[" + objects.size() + " objects]";
    }
}
