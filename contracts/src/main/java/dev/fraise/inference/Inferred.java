package dev.fraise.inference;

import dev.fraise.shape.Nullability;
import dev.fraise.shape.Shape;
import dev.fraise.shape.ShapePrinter;

/** What inference knows of one SQL expression: the JSON it becomes, whether it can be null, its SQL type. */
record Inferred(Shape shape, Nullability nullability, long typeOid) {

    boolean nullable() {
        return nullability.nullable();
    }

    Inferred withNullability(Nullability other) {
        return new Inferred(shape, other, typeOid);
    }

    /** A comparable rendering, used to detect that a recursive CTE's fixpoint is reached. */
    String signature() {
        return ShapePrinter.print("x", shape, nullability);
    }
}
