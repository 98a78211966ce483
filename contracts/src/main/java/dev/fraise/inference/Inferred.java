package dev.fraise.inference;

import dev.fraise.shape.Nullability;
import dev.fraise.shape.Shape;
import dev.fraise.shape.ShapePrinter;

/**
 * What inference knows of one SQL expression: the JSON it becomes, whether it can be null, its SQL type.
 * {@code nullability} covers both ways a value is {@code null} in JSON: {@code sqlNull} (SQL NULL) and
 * {@code jsonNull} (a json/jsonb value holding JSON {@code null}, which {@code COALESCE} and {@code IS NOT NULL}
 * do not skip).
 */
record Inferred(Shape shape, Nullability nullability, long typeOid, boolean sqlNull, boolean jsonNull,
        boolean evaluatedOnNullRows) {

    Inferred(Shape shape, Nullability nullability, long typeOid, boolean sqlNull, boolean jsonNull) {
        this(shape, nullability, typeOid, sqlNull, jsonNull, false);
    }

    Inferred(Shape shape, Nullability nullability, long typeOid) {
        this(shape, nullability, typeOid, nullability.nullable(), false, false);
    }

    /**
     * This value marked as a SQL/JSON constructor ({@code JSON_OBJECT}, {@code JSON_ARRAY}): PostgreSQL's planner
     * may evaluate such a view column on a row an outer join null-extended, producing an object or array of
     * nulls (or with absent keys) rather than NULL.
     */
    Inferred markEvaluatedOnNullRows() {
        return new Inferred(shape, nullability, typeOid, sqlNull, jsonNull, true);
    }

    boolean nullable() {
        return nullability.nullable();
    }

    /** A value that is never SQL NULL but may hold a JSON {@code null}. */
    static Inferred jsonNullable(Shape shape, String why, long typeOid) {
        return new Inferred(shape, Nullability.jsonNull("may be JSON null: " + why), typeOid, false, true);
    }

    /** This value with other SQL nullability; a possible JSON null stays. */
    Inferred withNullability(Nullability other) {
        if (jsonNull && !other.nullable()) {
            return new Inferred(shape, nullability.nullable() && !sqlNull ? nullability
                    : Nullability.jsonNull("may be JSON null"), typeOid, false, true, evaluatedOnNullRows);
        }
        return new Inferred(shape, other, typeOid, other.nullable(), jsonNull, evaluatedOnNullRows);
    }

    /** The nullability of this value where SQL NULLs are dropped (ABSENT ON NULL, {@code *_agg_strict}). */
    Nullability withoutSqlNull(String why) {
        return jsonNull ? (nullability.jsonNullOnly() ? nullability : Nullability.jsonNull("may be JSON null"))
                : Nullability.nonNull(why);
    }

    Inferred withType(long type) {
        return new Inferred(shape, nullability, type, sqlNull, jsonNull, evaluatedOnNullRows);
    }

    /** A comparable rendering, used to detect that a recursive CTE's fixpoint is reached. */
    String signature() {
        return ShapePrinter.print("x", shape, nullability) + sqlNull + jsonNull;
    }
}
