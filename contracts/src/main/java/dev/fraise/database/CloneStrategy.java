package dev.fraise.database;

/** How PostgreSQL copies a template into a new database ({@code CREATE DATABASE ... STRATEGY}, PG15+). */
public enum CloneStrategy {
    /** Copy the files and checkpoint; measured fastest for small templates with {@code fsync=off}. */
    FILE_COPY,
    /** Write every block to the WAL (PostgreSQL 15+'s own default). */
    WAL_LOG
}
