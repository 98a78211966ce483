package dev.fraise.shape;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Operations on shapes that keep inference sound. */
public final class Shapes {

    private Shapes() {
    }

    /**
     * The shape of a value that is either {@code a} or {@code b} (COALESCE, CASE branches, UNION): keys of both
     * objects, a key missing from one becoming {@link Presence#MAYBE_ABSENT} (or, missing from an open one, a key
     * that may hold anything), nullability joined; open when either is.
     */
    public static Shape union(Shape a, Shape b, Provenance provenance) {
        if (a instanceof NeverShape || a instanceof NullShape) {
            return b;
        }
        if (b instanceof NeverShape || b instanceof NullShape) {
            return a;
        }
        if (a instanceof ObjectShape x && b instanceof ObjectShape y) {
            Set<String> keys = new LinkedHashSet<>(x.fields().keySet());
            keys.addAll(y.fields().keySet());
            Map<String, Field> fields = new LinkedHashMap<>();
            for (String key : keys) {
                Optional<Field> fx = x.fieldOrRemainder(key);
                Optional<Field> fy = y.fieldOrRemainder(key);
                fields.put(key, fx.isEmpty() ? absentMaybe(fy.get()) : fy.isEmpty() ? absentMaybe(fx.get())
                        : either(fx.get(), fy.get()));
            }
            return new ObjectShape(fields, x.remainder().or(y::remainder), provenance);
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

    /**
     * {@code left || right} of two jsonb objects: keys of both, the right one's value winning on a key both have
     * (the left one's kept where the right key may be absent). A key of the left that an open right side may also
     * have keeps its presence but may hold anything; the result is open when either side is.
     */
    public static ObjectShape concat(ObjectShape left, ObjectShape right, Provenance provenance) {
        Set<String> keys = new LinkedHashSet<>(left.fields().keySet());
        keys.addAll(right.fields().keySet());
        Map<String, Field> fields = new LinkedHashMap<>();
        for (String key : keys) {
            Optional<Field> l = left.fieldOrRemainder(key);
            Optional<Field> r = right.field(key);
            if (r.isEmpty() && right.open() && l.isPresent()) {
                UnknownShape rest = right.remainder().get();
                String reason = "'" + key + "' may be replaced by its value in " + rest.reason()
                        + " (the right operand of || wins)";
                fields.put(key, new Field(key, new UnknownShape(reason, rest.provenance()),
                        l.get().nullability().or(Nullability.jsonNull(reason)), l.get().presence()));
            } else if (r.isEmpty() || l.isEmpty() || !r.get().maybeAbsent()) {
                fields.put(key, r.orElseGet(l::get));
            } else {
                fields.put(key, new Field(key, union(l.get().shape(), r.get().shape(), provenance),
                        l.get().nullability().or(r.get().nullability()), l.get().presence()));
            }
        }
        Optional<UnknownShape> remainder = left.remainder().isEmpty() ? right.remainder()
                : right.remainder().isEmpty() ? left.remainder()
                : Optional.of(new UnknownShape(left.remainder().get().reason() + " or "
                        + right.remainder().get().reason(), right.remainder().get().provenance()));
        return new ObjectShape(fields, remainder, provenance);
    }

    private static Field either(Field x, Field y) {
        return new Field(x.key(), union(x.shape(), y.shape(), x.shape().provenance()),
                x.nullability().or(y.nullability()),
                x.maybeAbsent() || y.maybeAbsent() ? Presence.MAYBE_ABSENT : Presence.ALWAYS);
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
            return object.withFields(fields);
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
            return object.withFields(fields);
        }
        if (shape instanceof ArrayShape array) {
            return new ArrayShape(stripNulls(array.items(), view), array.itemNullability(), array.provenance());
        }
        return shape;
    }
}
