/**
 * Reads PostgreSQL's {@code pg_node_tree} text format (the analysed query trees stored in {@code pg_rewrite},
 * {@code pg_constraint.conbin}, …) into a generic, version-tolerant tree of {@link dev.fraise.nodetree.PgNode}s.
 */
package dev.fraise.nodetree;
