package dev.fraise.shape;

import java.util.Objects;

/**
 * A JSON array.
 *
 * @param items           the shape of every item
 * @param itemNullability whether an item can be {@code null}, and why
 * @param provenance      where the array is built
 */
public record ArrayShape(Shape items, Nullability itemNullability, Provenance provenance) implements Shape {

    public ArrayShape {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(itemNullability, "itemNullability");
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public String kind() {
        return "array";
    }
}
