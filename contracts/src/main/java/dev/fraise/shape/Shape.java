package dev.fraise.shape;

/** The JSON a SQL value becomes, as far as it can be known without rows. */
public sealed interface Shape permits ObjectShape, ArrayShape, ScalarShape, NullShape, NeverShape, UnknownShape {

    /** Where this shape comes from. */
    Provenance provenance();

    /** A short name of the kind of JSON value: {@code object}, {@code array}, {@code string}, … */
    String kind();
}
