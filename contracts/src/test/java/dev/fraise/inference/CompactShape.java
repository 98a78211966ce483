package dev.fraise.inference;

import dev.fraise.shape.ArrayShape;
import dev.fraise.shape.Field;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.Shape;
import dev.fraise.shape.ViewShape;
import java.util.stream.Collectors;

/**
 * A one-line rendering of a shape for exact assertions: {@code !} non-null, {@code ?} nullable, {@code ~} may be
 * absent; objects {@code {key: T}} (an open one ends with {@code ...}), arrays {@code [T]}, scalars by kind.
 */
final class CompactShape {

    private CompactShape() {
    }

    static String of(ViewShape view) {
        return of(view.data(), view.nullability());
    }

    static String of(Shape shape, Nullability nullability) {
        return body(shape) + (nullability.nullable() ? "?" : "!");
    }

    private static String body(Shape shape) {
        if (shape instanceof ObjectShape object) {
            return java.util.stream.Stream.concat(object.fields().values().stream().map(CompactShape::field),
                    object.remainder().stream().map(rest -> "...")).collect(Collectors.joining(", ", "{", "}"));
        }
        if (shape instanceof ArrayShape array) {
            return "[" + of(array.items(), array.itemNullability()) + "]";
        }
        return shape.kind();
    }

    private static String field(Field field) {
        return field.key() + ": " + of(field.shape(), field.nullability()) + (field.maybeAbsent() ? "~" : "");
    }
}
