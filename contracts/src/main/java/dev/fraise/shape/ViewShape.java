package dev.fraise.shape;

import java.util.Objects;

/**
 * The inferred shape of one relation's {@code data} column.
 *
 * @param relation    the view or {@code tv_} table, schema-qualified when not in {@code public}
 * @param data        the shape of {@code data}
 * @param nullability whether {@code data} itself can be null
 * @param origin      how the shape was obtained, e.g. {@code "view definition"} or
 *                    {@code "tv_post.data is materialised from v_post (tv_x ← v_x)"}
 */
public record ViewShape(String relation, Shape data, Nullability nullability, String origin) {

    public ViewShape {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(nullability, "nullability");
        Objects.requireNonNull(origin, "origin");
    }

    /** The shape as an indented, readable tree. */
    public String toTree() {
        return ShapePrinter.print(this);
    }
}
