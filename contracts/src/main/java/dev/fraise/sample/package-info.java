/**
 * Checks real rows of a view against a shape — inferred, or derived from a GraphQL type — and reports each
 * violation with the row's {@code id} and a JSON path.
 */
package dev.fraise.sample;
