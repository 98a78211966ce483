package dev.fraise.shape;

import java.util.LinkedHashMap;
import java.util.Map;

/** Operations on shapes that keep inference sound. */
public final class Shapes {

    private Shapes() {
    }

    /**
     * The shape of a value that is either {@code a} or {@code b} (COALESCE, CASE branches, UNION): keys of both
     * objects, a key missing from one becoming {@link Presence#MAYBE_ABSENT}, nullability joined.
     */
    public static Shape union(Shape a, Shape b, Provenance provenance) {
        if (a instanceof NeverShape || a instanceof NullShape) {
            return b;
        }
        if (b instanceof NeverShape || b instanceof NullShape) {
            return a;
        }
        if (a instanceof ObjectShape x && b instanceof ObjectShape y) {
            Map<String, Field> fields = new LinkedHashMap<>();
            x.fields().forEach((key, fx) -> {
                Field fy = y.fields().get(key);
                fields.put(key, fy == null ? absentMaybe(fx)
                        : new Field(key, union(fx.shape(), fy.shape(), fx.shape().provenance()),
                                fx.nullability().or(fy.nullability()),
                                fx.maybeAbsent() || fy.maybeAbsent() ? Presence.MAYBE_ABSENT : Presence.ALWAYS));
            });
            y.fields().forEach((key, fy) -> fields.computeIfAbsent(key,
                    k -> absentMaybe(fy)));
            return new ObjectShape(fields, provenance);
        }
        if (a instanceof ArrayShape x && b instanceof ArrayShape y) {
            String type = x.provenance().sqlType().equals(y.provenance().sqlType()) ? x.provenance().sqlType()
                    : x.provenance().sqlType() + " | " + y.provenance().sqlType();
            Provenance merged = new Provenance(provenance.view(), type, provenance.source());
            return new ArrayShape(union(x.items(), y.items(), x.items().provenance()),
                    x.itemNullability().or(y.itemNullability()), merged);
        }
        if (a instanceof ScalarShape x && b instanceof ScalarShape y && x.scalarKind() == y.scalarKind()) {
            String type = x.provenance().sqlType().equals(y.provenance().sqlType()) ? x.provenance().sqlType()
                    : x.provenance().sqlType() + " | " + y.provenance().sqlType();
            return new ScalarShape(x.scalarKind(), x.integer() && y.integer(),
                    new Provenance(provenance.view(), type, provenance.source()));
        }
        if (a instanceof UnknownShape) {
            return a;
        }
        if (b instanceof UnknownShape) {
            return b;
        }
        return new UnknownShape("either " + a.kind() + " or " + b.kind(), provenance);
    }

    private static Field absentMaybe(Field field) {
        return new Field(field.key(), field.shape(), field.nullability(), Presence.MAYBE_ABSENT);
    }

    /**
     * A constructed value evaluated over the NULLs of a null-extended row: every key may be null or absent, every
     * item may be null; kinds stay.
     */
    public static Shape overNulls(Shape shape, String why) {
        if (shape instanceof ObjectShape object) {
            Map<String, Field> fields = new LinkedHashMap<>();
            object.fields().forEach((key, field) -> fields.put(key, new Field(key, overNulls(field.shape(), why),
                    field.nullability().or(Nullability.nullable(why)), Presence.MAYBE_ABSENT)));
            return new ObjectShape(fields, object.provenance());
        }
        if (shape instanceof ArrayShape array) {
            return new ArrayShape(overNulls(array.items(), why), array.itemNullability().or(Nullability.nullable(why)),
                    array.provenance());
        }
        return shape;
    }

    /**
     * What {@code jsonb_strip_nulls} makes of a shape: nullable keys of every object, at any depth, become
     * non-null but {@link Presence#MAYBE_ABSENT}; array items keep their nulls.
     */
    public static Shape stripNulls(Shape shape, String view) {
        if (shape instanceof ObjectShape object) {
            Map<String, Field> fields = new LinkedHashMap<>();
            object.fields().forEach((key, field) -> {
                Shape inner = stripNulls(field.shape(), view);
                if (field.nullable() || field.shape() instanceof NullShape) {
                    fields.put(key, new Field(key, inner, Nullability.nonNull("jsonb_strip_nulls removes the key"
                            + " instead (" + field.nullability().reason() + ")"), Presence.MAYBE_ABSENT));
                } else {
                    fields.put(key, new Field(key, inner, field.nullability(), field.presence()));
                }
            });
            return new ObjectShape(fields, object.provenance());
        }
        if (shape instanceof ArrayShape array) {
            return new ArrayShape(stripNulls(array.items(), view), array.itemNullability(), array.provenance());
        }
        return shape;
    }
}
