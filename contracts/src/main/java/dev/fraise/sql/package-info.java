/**
 * Lexical facts of PostgreSQL's SQL shared by the packages that read SQL text: the build's splitter and masks, and
 * the inference's reading of function bodies. No parsing, no I/O.
 */
package dev.fraise.sql;
