/**
 * Static inference of views' {@code data} JSON shape and nullability from the analysed query trees PostgreSQL
 * stores ({@code pg_rewrite}), with no rows: {@link dev.fraise.inference.ShapeInference} is the entry point.
 */
package dev.fraise.inference;
