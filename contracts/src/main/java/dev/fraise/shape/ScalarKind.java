package dev.fraise.shape;

/** The JSON kind of a scalar value. */
public enum ScalarKind {
    /** A JSON string (text, uuid, dates, enums, …). */
    STRING,
    /** A JSON number. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Any JSON value: a {@code json}/{@code jsonb} value whose structure is not known statically. */
    ANY_JSON
}
