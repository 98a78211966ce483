package dev.fraise.breaking;

import dev.fraise.contract.FieldNaming;
import dev.fraise.error.SourceLocation;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.shape.ArrayShape;
import dev.fraise.shape.Field;
import dev.fraise.shape.NeverShape;
import dev.fraise.shape.NullShape;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.Shape;
import dev.fraise.shape.UnknownShape;
import dev.fraise.shape.ViewShape;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The view half of the gate: for every GraphQL type bound to a view at HEAD, the view's inferred {@code data}
 * shape at the base against HEAD, walked along the type's fields. A change to a key a field reads is breaking when
 * the field is non-null (dangerous otherwise); a removed key no field reads is safe. Unknown shapes are not
 * compared: the contract checker reports them. A key an open object at HEAD no longer emits itself may still come
 * from its remainder: it may now be absent or null rather than removed; a key an open object at the base may have
 * had is not reported added, nor one an open object at HEAD may still have removed.
 */
final class ViewShapeDiff {

    private final GraphqlSchema head;
    private final FieldNaming naming;
    private final List<SchemaChange> changes = new ArrayList<>();

    private ViewShapeDiff(GraphqlSchema head, FieldNaming naming) {
        this.head = head;
        this.naming = naming;
    }

    /**
     * @param bindings   GraphQL type → its view at HEAD
     * @param baseShapes the base's shapes of those views that exist at the base, by view
     * @param headShapes HEAD's shapes of those views that exist at HEAD, by view
     */
    static List<SchemaChange> between(GraphqlSchema head, FieldNaming naming, Map<String, String> bindings,
            Map<String, ViewShape> baseShapes, Map<String, ViewShape> headShapes) {
        ViewShapeDiff diff = new ViewShapeDiff(head, naming);
        bindings.forEach((type, view) -> diff.compareView(type, view, baseShapes.get(view), headShapes.get(view)));
        return diff.changes;
    }

    private void compareView(String type, String view, ViewShape base, ViewShape now) {
        if (base == null) {
            return;
        }
        Optional<SourceLocation> location = Optional.ofNullable(head.registry().getTypeOrNull(type)).flatMap(head::locate);
        if (now == null) {
            add(ChangeSeverity.BREAKING, ChangeCode.VIEW_REMOVED, type, type + " reads " + view
                    + ", which existed at the base and is gone (or has no data column)", Optional.of(view),
                    Optional.empty(), location);
            return;
        }
        compareShape(new Site(type, view, "$", location, true), base.data(), now.data(),
                Optional.of(new NonNullType(new TypeName(type))));
    }

    /** Where a value a field reads is: its GraphQL path, its view and JSON path, and whether it is non-null. */
    private record Site(String path, String view, String jsonPath, Optional<SourceLocation> location,
            boolean nonNull) {

        ChangeSeverity severity() {
            return nonNull ? ChangeSeverity.BREAKING : ChangeSeverity.DANGEROUS;
        }
    }

    private void compareShape(Site site, Shape base, Shape now, Optional<Type<?>> graphqlType) {
        if (incomparable(base) || incomparable(now)) {
            return;
        }
        if (!base.kind().equals(now.kind())) {
            add(ChangeSeverity.BREAKING, ChangeCode.VIEW_KEY_TYPE_CHANGED,
                    site.path, site.view + " " + site.jsonPath + " changed from " + base.kind() + " to " + now.kind(),
                    Optional.of(describe(base)), Optional.of(describe(now)), site.location);
            return;
        }
        if (base instanceof ObjectShape b && now instanceof ObjectShape n) {
            compareObject(site, b, n, graphqlType.map(ViewShapeDiff::unwrap));
        } else if (base instanceof ArrayShape b && now instanceof ArrayShape n) {
            Optional<Type<?>> item = itemType(graphqlType);
            Site items = new Site(site.path + "[]", site.view, site.jsonPath + "[*]", site.location,
                    item.map(NonNullType.class::isInstance).orElse(false));
            compareNullability(items, b.itemNullability(), n.itemNullability(), b.items(), n.items());
            compareShape(items, b.items(), n.items(), item);
        }
    }

    private static boolean incomparable(Shape shape) {
        return shape instanceof UnknownShape || shape instanceof NullShape || shape instanceof NeverShape;
    }

    private void compareObject(Site site, ObjectShape base, ObjectShape now, Optional<String> graphqlType) {
        Map<String, FieldDefinition> fields = graphqlType.flatMap(t -> Optional.ofNullable(head.registry().getTypeOrNull(t)))
                .filter(ImplementingTypeDefinition.class::isInstance)
                .map(t -> fieldsOf((ImplementingTypeDefinition<?>) t)).orElse(Map.of());
        String owner = graphqlType.orElse(site.path);
        Set<String> readKeys = new HashSet<>();
        for (FieldDefinition field : fields.values()) {
            Optional<String> key = naming.keysFor(field.getName()).stream().filter(base.fields()::containsKey)
                    .findFirst();
            if (key.isEmpty()) {
                continue;
            }
            readKeys.add(key.get());
            Site inner = new Site(site.path + "." + field.getName(), site.view, site.jsonPath + "." + key.get(),
                    head.locate(field), field.getType() instanceof NonNullType);
            Field before = base.fields().get(key.get());
            Optional<Field> after = naming.keysFor(field.getName()).stream().map(now.fields()::get)
                    .filter(java.util.Objects::nonNull).findFirst().or(() -> now.fieldOrRemainder(key.get()));
            if (after.isEmpty()) {
                add(ChangeSeverity.BREAKING, ChangeCode.VIEW_KEY_REMOVED, inner.path, inner.view + " no longer emits "
                        + inner.jsonPath + ", which " + owner + "." + field.getName() + " reads",
                        Optional.of(describe(before)), Optional.empty(), inner.location);
                continue;
            }
            readKeys.add(after.get().key());
            compareField(inner, before, after.get(), field.getType());
        }
        base.fields().forEach((key, field) -> {
            if (!readKeys.contains(key) && now.fieldOrRemainder(key).isEmpty()) {
                add(ChangeSeverity.SAFE, ChangeCode.VIEW_KEY_REMOVED, site.path + "." + key, site.view
                        + " no longer emits " + site.jsonPath + "." + key + ", which no field of " + owner + " reads",
                        Optional.of(describe(field)), Optional.empty(), site.location);
            }
        });
        now.fields().forEach((key, field) -> {
            if (base.fieldOrRemainder(key).isEmpty() && !readKeys.contains(key)) {
                add(ChangeSeverity.SAFE, ChangeCode.VIEW_KEY_ADDED, site.path + "." + key, site.view + " now emits "
                        + site.jsonPath + "." + key, Optional.empty(), Optional.of(describe(field)), site.location);
            }
        });
    }

    private void compareField(Site site, Field before, Field after, Type<?> type) {
        compareNullability(site, before.nullability(), after.nullability(), before.shape(), after.shape());
        if (!before.maybeAbsent() && after.maybeAbsent()) {
            add(site.severity(), ChangeCode.VIEW_KEY_MAYBE_ABSENT, site.path, site.view + " " + site.jsonPath
                    + " was always emitted and can now be absent" + consequence(site), Optional.of(describe(before)),
                    Optional.of(describe(after)), site.location);
        }
        compareShape(site, before.shape(), after.shape(), Optional.of(type));
    }

    private void compareNullability(Site site, Nullability before, Nullability after, Shape beforeShape,
            Shape afterShape) {
        if (!before.nullable() && after.nullable()) {
            add(site.severity(), ChangeCode.VIEW_KEY_NOW_NULLABLE, site.path, site.view + " " + site.jsonPath
                    + " can now be null (" + after.reason() + ")" + consequence(site),
                    Optional.of(beforeShape.kind() + ", " + before), Optional.of(afterShape.kind() + ", " + after),
                    site.location);
        }
    }

    private static String consequence(Site site) {
        return site.nonNull ? "; the non-null field " + site.path + " then fails" : "";
    }

    /** The item type of a list type ({@code [Tag!]!} → {@code Tag!}), if {@code type} is one. */
    private static Optional<Type<?>> itemType(Optional<Type<?>> type) {
        Type<?> t = type.orElse(null);
        if (t instanceof NonNullType nonNull) {
            t = nonNull.getType();
        }
        return t instanceof ListType list ? Optional.of(list.getType()) : Optional.empty();
    }

    private static Map<String, FieldDefinition> fieldsOf(ImplementingTypeDefinition<?> type) {
        Map<String, FieldDefinition> fields = new java.util.LinkedHashMap<>();
        type.getFieldDefinitions().forEach(f -> fields.put(f.getName(), f));
        return fields;
    }

    private static String unwrap(Type<?> type) {
        Type<?> t = type;
        while (!(t instanceof TypeName)) {
            t = t instanceof NonNullType n ? n.getType() : ((ListType) t).getType();
        }
        return ((TypeName) t).getName();
    }

    private static String describe(Field field) {
        return field.shape().kind() + ", " + field.nullability()
                + (field.maybeAbsent() ? ", may be absent" : "") + " ← " + field.shape().provenance();
    }

    private static String describe(Shape shape) {
        return shape.kind() + " ← " + shape.provenance();
    }

    private void add(ChangeSeverity severity, ChangeCode code, String path, String message, Optional<String> before,
            Optional<String> after, Optional<SourceLocation> location) {
        changes.add(new SchemaChange(severity, code, path, message, before, after, location));
    }
}
