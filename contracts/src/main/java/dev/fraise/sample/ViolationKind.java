package dev.fraise.sample;

/** What a value did that its shape does not allow. */
public enum ViolationKind {
    /** A key the shape says is always present is missing. */
    MISSING_KEY,
    /** A value the shape says is never null is null. */
    UNEXPECTED_NULL,
    /** A value of another JSON kind (a string where a number is expected, …). */
    WRONG_TYPE,
    /** A fractional number where an integer is expected. */
    NOT_AN_INTEGER,
    /** A key the shape does not have. */
    UNEXPECTED_KEY
}
