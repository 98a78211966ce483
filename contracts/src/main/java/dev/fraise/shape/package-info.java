/**
 * The JSON shape of a view's {@code data} column: objects, arrays, scalars and their nullability and presence,
 * each node with its provenance. Immutable; {@link dev.fraise.shape.ShapePrinter} renders a readable tree.
 */
package dev.fraise.shape;
