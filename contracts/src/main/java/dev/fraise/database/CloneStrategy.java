package dev.fraise.database;

import dev.fraise.postgres.PostgresServer;

/** How PostgreSQL copies a template into a new database ({@code CREATE DATABASE ... STRATEGY}, PG15+). */
public enum CloneStrategy {
    /**
     * {@link #FILE_COPY} on a server Fraise runs itself (embedded, container), {@link #WAL_LOG} on an explicit
     * server, where FILE_COPY's checkpoint on every clone would slow down everyone else using it.
     */
    AUTO,
    /** Copy the files and checkpoint; measured fastest for small templates with {@code fsync=off}. */
    FILE_COPY,
    /** Write every block to the WAL (PostgreSQL 15+'s own default). */
    WAL_LOG;

    /** The strategy used on {@code server}: this one, or for {@link #AUTO} the one that suits the server. */
    public CloneStrategy on(PostgresServer server) {
        if (this != AUTO) {
            return this;
        }
        return server.ownedByFraise() ? FILE_COPY : WAL_LOG;
    }
}
