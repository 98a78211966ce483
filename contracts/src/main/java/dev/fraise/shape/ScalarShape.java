package dev.fraise.shape;

import java.util.Objects;

/**
 * A JSON scalar.
 *
 * @param scalarKind the JSON kind
 * @param integer    for numbers, whether the SQL type is an integer type ({@code int2/int4/int8})
 * @param provenance where the value comes from; its SQL type is {@code provenance().sqlType()}
 */
public record ScalarShape(ScalarKind scalarKind, boolean integer, Provenance provenance) implements Shape {

    public ScalarShape {
        Objects.requireNonNull(scalarKind, "scalarKind");
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public String kind() {
        return switch (scalarKind) {
            case STRING -> "string";
            case NUMBER -> integer ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case ANY_JSON -> "json";
        };
    }
}
