package dev.fraise.shape;

/** Whether an object key is in every value of the object. */
public enum Presence {
    /** The key is always emitted. */
    ALWAYS,
    /** The key can be missing, e.g. stripped by {@code jsonb_strip_nulls} or absent from one CASE branch. */
    MAYBE_ABSENT
}
