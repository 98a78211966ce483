package dev.fraise.shape;

import java.util.Objects;

/**
 * One key of an {@link ObjectShape}.
 *
 * @param key         the JSON key
 * @param shape       the shape of its value
 * @param nullability whether the value can be JSON {@code null}, and why
 * @param presence    whether the key is always there
 */
public record Field(String key, Shape shape, Nullability nullability, Presence presence) {

    public Field {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(nullability, "nullability");
        Objects.requireNonNull(presence, "presence");
    }

    /** Whether the value can be null. */
    public boolean nullable() {
        return nullability.nullable();
    }

    /** Whether the key can be missing. */
    public boolean maybeAbsent() {
        return presence == Presence.MAYBE_ABSENT;
    }
}
